import sharp from "sharp";
import type { PrismaClient } from "../../db";
import type { CarFuel, CarSegment } from "../../generated/prisma/enums";
import { DEMO_ACCOUNTS } from "../../platform/demo-accounts";
import type { Principal } from "../../auth/principal";
import { seedLedgerDemo } from "./demo-ledger";
import { recomputeBookingTotals } from "./services/approvals";
import { issueInvoiceFor } from "./services/invoices";
import { recommendWork } from "./services/recommendations";
import type { BookingStatusName } from "./vocabulary";
import { bookedLines, type PricedLine } from "./services/bookings";
import { resolvePrices, shopToday } from "./services/pricing";
import { garageSettings } from "./settings";
import { addCalendarDays, isoWeekday, shopInstant } from "./view-models/shop-clock";

/**
 * Demo garage data for `npm start`, idempotent: the catalogue with its price chart, car
 * models and areas; the demo customers' cars and addresses; a few bookings and an
 * answered support query. Each part returns how many of each thing it added.
 */
export async function seedGarageDemo(database: PrismaClient): Promise<Record<string, number>> {
  return {
    ...(await seedCatalogueDemo(database)),
    ...(await seedCustomerDemo(database)),
    ...(await seedBookingDemo(database)),
    ...(await seedInspectionDemo(database)),
    ...(await seedLedgerDemo(database)),
    ...(await seedWorkshopFloorDemo(database)),
  };
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
const DEMO_CATEGORIES = [
  { slug: "periodic-service", name: "Periodic service", description: "Scheduled maintenance by the manufacturer's interval.", position: 1 },
  { slug: "brakes", name: "Brakes", description: "Pads, discs, fluid and the whole braking system.", position: 2 },
  { slug: "ac-and-cooling", name: "AC & cooling", description: "Air conditioning and engine cooling.", position: 3 },
  { slug: "tyres-and-wheels", name: "Tyres & wheels", description: "Alignment, balancing and tyre work.", position: 4 },
  { slug: "electrical", name: "Electrical", description: "Battery, lights and wiring.", position: 5 },
] as const;

type DemoCategorySlug = (typeof DEMO_CATEGORIES)[number]["slug"];

/** Prices in paise (INR minor units). */
const DEMO_SERVICES: ReadonlyArray<{ slug: string; name: string; category: DemoCategorySlug; labourMinutes: number; basePriceMinor: number; description: string; gstCode?: string }> = [
  { slug: "basic-service", name: "Basic service", category: "periodic-service", labourMinutes: 120, basePriceMinor: 249900, description: "Engine oil and oil filter, 25-point check, top-ups." },
  { slug: "comprehensive-service", name: "Comprehensive service", category: "periodic-service", labourMinutes: 240, basePriceMinor: 549900, description: "Engine oil with new oil, air and fuel filters, spark plugs, brake clean-up and a full inspection." },
  { slug: "engine-oil-change", name: "Engine oil change", category: "periodic-service", labourMinutes: 45, basePriceMinor: 149900, description: "Synthetic engine oil and filter.", gstCode: "PARTS" },
  { slug: "front-brake-pads", name: "Front brake pads", category: "brakes", labourMinutes: 60, basePriceMinor: 299900, description: "New front pads, disc check and clean-up." },
  { slug: "brake-disc-turning", name: "Brake disc turning", category: "brakes", labourMinutes: 90, basePriceMinor: 179900, description: "Resurface both front discs." },
  { slug: "brake-fluid-change", name: "Brake fluid change", category: "brakes", labourMinutes: 40, basePriceMinor: 99900, description: "Flush and refill with DOT 4 fluid." },
  { slug: "ac-gas-top-up", name: "AC gas top-up", category: "ac-and-cooling", labourMinutes: 45, basePriceMinor: 149900, description: "Leak test and refrigerant top-up." },
  { slug: "ac-service", name: "AC service", category: "ac-and-cooling", labourMinutes: 120, basePriceMinor: 299900, description: "Cabin filter, condenser clean, gas top-up and cooling test." },
  { slug: "coolant-replacement", name: "Coolant replacement", category: "ac-and-cooling", labourMinutes: 60, basePriceMinor: 129900, description: "Drain, flush and refill the radiator." },
  { slug: "wheel-alignment", name: "Wheel alignment", category: "tyres-and-wheels", labourMinutes: 45, basePriceMinor: 79900, description: "Computerised four-wheel alignment." },
  { slug: "wheel-balancing", name: "Wheel balancing", category: "tyres-and-wheels", labourMinutes: 40, basePriceMinor: 59900, description: "Balancing of all four wheels with weights." },
  { slug: "battery-replacement", name: "Battery replacement", category: "electrical", labourMinutes: 30, basePriceMinor: 549900, description: "A new battery fitted, the old one recycled.", gstCode: "PARTS" },
  { slug: "headlight-restoration", name: "Headlight restoration", category: "electrical", labourMinutes: 60, basePriceMinor: 119900, description: "Polish and UV-coat both headlights." },
];

const DEMO_CAR_MODELS: ReadonlyArray<{ make: string; model: string; yearFrom: number; yearTo: number | null; segment: CarSegment; fuel: CarFuel }> = [
  { make: "Maruti Suzuki", model: "Swift", yearFrom: 2018, yearTo: null, segment: "HATCHBACK", fuel: "PETROL" },
  { make: "Hyundai", model: "i20", yearFrom: 2020, yearTo: null, segment: "HATCHBACK", fuel: "PETROL" },
  { make: "Honda", model: "City", yearFrom: 2020, yearTo: null, segment: "SEDAN", fuel: "PETROL" },
  { make: "Maruti Suzuki", model: "Dzire", yearFrom: 2017, yearTo: 2024, segment: "SEDAN", fuel: "CNG" },
  { make: "Hyundai", model: "Creta", yearFrom: 2020, yearTo: null, segment: "SUV", fuel: "DIESEL" },
  { make: "Mahindra", model: "XUV700", yearFrom: 2021, yearTo: null, segment: "SUV", fuel: "DIESEL" },
  { make: "Toyota", model: "Innova Crysta", yearFrom: 2016, yearTo: null, segment: "MUV", fuel: "DIESEL" },
  { make: "Maruti Suzuki", model: "Ertiga", yearFrom: 2018, yearTo: null, segment: "MUV", fuel: "HYBRID" },
  { make: "BMW", model: "5 Series", yearFrom: 2017, yearTo: null, segment: "LUXURY", fuel: "PETROL" },
  { make: "Mercedes-Benz", model: "E-Class", yearFrom: 2017, yearTo: null, segment: "LUXURY", fuel: "DIESEL" },
  { make: "Tata", model: "Nexon EV", yearFrom: 2020, yearTo: null, segment: "EV", fuel: "ELECTRIC" },
  { make: "MG", model: "ZS EV", yearFrom: 2020, yearTo: null, segment: "EV", fuel: "ELECTRIC" },
];

/** How a segment's price compares with the base price, in percent. */
const SEGMENT_MARKUP: Partial<Record<CarSegment, number>> = { SEDAN: 110, SUV: 125, MUV: 130, LUXURY: 200 };
/** Services an electric car does not need at all (no engine oil, no coolant of that kind). */
const NOT_FOR_EV = new Set(["engine-oil-change", "coolant-replacement"]);
const MODEL_PRICES: ReadonlyArray<{ service: string; make: string; model: string; priceMinor: number }> = [
  { service: "comprehensive-service", make: "BMW", model: "5 Series", priceMinor: 1899900 },
  { service: "ac-service", make: "Mahindra", model: "XUV700", priceMinor: 399900 },
];

const DEMO_AREAS = [
  { name: "Koramangala", city: "Bengaluru", postcode: "560034" },
  { name: "Indiranagar", city: "Bengaluru", postcode: "560038" },
  { name: "Whitefield", city: "Bengaluru", postcode: "560066" },
] as const;

const DEMO_PRICES_FROM = new Date("2025-01-01T00:00:00Z");

async function seedCatalogueDemo(database: PrismaClient): Promise<Record<string, number>> {
  const added = { serviceCategories: 0, services: 0, carModels: 0, priceChart: 0, areas: 0 };
  const categoryIds = new Map<string, string>();
  for (const category of DEMO_CATEGORIES) {
    let row = await database.serviceCategory.findUnique({ where: { slug: category.slug } });
    if (!row) {
      row = await database.serviceCategory.create({ data: category });
      added.serviceCategories += 1;
    }
    categoryIds.set(category.slug, row.id);
  }
  const services = new Map<string, { id: string; basePriceMinor: number }>();
  for (const { category, ...service } of DEMO_SERVICES) {
    let row = await database.garageService.findUnique({ where: { slug: service.slug } });
    if (!row) {
      row = await database.garageService.create({ data: { ...service, categoryId: categoryIds.get(category)! } });
      added.services += 1;
    }
    services.set(service.slug, row);
  }
  const models = new Map<string, string>();
  for (const model of DEMO_CAR_MODELS) {
    let row = await database.carModel.findFirst({
      where: { make: { equals: model.make, mode: "insensitive" }, model: { equals: model.model, mode: "insensitive" }, yearFrom: model.yearFrom },
    });
    if (!row) {
      row = await database.carModel.create({ data: model });
      added.carModels += 1;
    }
    models.set(`${model.make}|${model.model}`, row.id);
  }
  for (const [slug, service] of services) {
    for (const [segment, percent] of Object.entries(SEGMENT_MARKUP) as Array<[CarSegment, number]>) {
      if ((await database.priceChartEntry.count({ where: { serviceId: service.id, segment } })) > 0) continue;
      const priceMinor = Math.round((service.basePriceMinor * percent) / 10000) * 100;
      await database.priceChartEntry.create({ data: { serviceId: service.id, segment, priceMinor, validFrom: DEMO_PRICES_FROM } });
      added.priceChart += 1;
    }
    if (!NOT_FOR_EV.has(slug) && (await database.priceChartEntry.count({ where: { serviceId: service.id, segment: "EV" } })) === 0) {
      const priceMinor = Math.round((service.basePriceMinor * 90) / 10000) * 100;
      await database.priceChartEntry.create({ data: { serviceId: service.id, segment: "EV", priceMinor, validFrom: DEMO_PRICES_FROM } });
      added.priceChart += 1;
    }
  }
  for (const price of MODEL_PRICES) {
    const serviceId = services.get(price.service)!.id;
    const carModelId = models.get(`${price.make}|${price.model}`)!;
    if ((await database.priceChartEntry.count({ where: { serviceId, carModelId } })) > 0) continue;
    await database.priceChartEntry.create({ data: { serviceId, carModelId, priceMinor: price.priceMinor, validFrom: DEMO_PRICES_FROM } });
    added.priceChart += 1;
  }
  for (const area of DEMO_AREAS) {
    if (await database.garageArea.findFirst({ where: { name: { equals: area.name, mode: "insensitive" } } })) continue;
    await database.garageArea.create({ data: area });
    added.areas += 1;
  }
  return added;
}


// ── customers: cars, addresses, cart, favourites ──
interface DemoCar {
  owner: "resident@wheelhouse.local" | "resident2@wheelhouse.local";
  /** Model names to look for in the catalogue, the first found wins. */
  models: readonly string[];
  plate: string;
  colour: string;
  odometerKm: number;
}

const DEMO_CARS: readonly DemoCar[] = [
  { owner: "resident@wheelhouse.local", models: ["Swift"], plate: "KA 01 AB 1234", colour: "Pearl white", odometerKm: 18_400 },
  { owner: "resident@wheelhouse.local", models: ["Creta"], plate: "KA 05 MN 4321", colour: "Titan grey", odometerKm: 42_150 },
  { owner: "resident2@wheelhouse.local", models: ["City", "Nexon", "Baleno", "i20", "Swift"], plate: "MH 12 QX 7788", colour: "Red", odometerKm: 9_800 },
];

const DEMO_ADDRESSES = [
  { owner: "resident@wheelhouse.local", label: "Home", line1: "14 Residency Road", line2: "Flat 3B" },
  { owner: "resident2@wheelhouse.local", label: "Office", line1: "2 Brigade Gateway", line2: "" },
] as const;

/** The demo customers' cars and an address each; nothing without the catalogue's models and areas. */
async function seedCustomerDemo(database: PrismaClient): Promise<Record<string, number>> {
  const owners = await database.user.findMany({
    where: { email: { in: ["resident@wheelhouse.local", "resident2@wheelhouse.local"] } },
    select: { id: true, email: true },
  });
  const ownerId = new Map(owners.map((owner) => [owner.email, owner.id]));
  let cars = 0;
  for (const car of DEMO_CARS) {
    const owner = ownerId.get(car.owner);
    const plateKey = car.plate.replace(/\s/g, "");
    if (!owner || (await database.customerCar.findUnique({ where: { plateKey }, select: { id: true } }))) continue;
    let model: { id: string } | null = null;
    for (const name of car.models) {
      model ??= await database.carModel.findFirst({ where: { model: { equals: name, mode: "insensitive" } }, select: { id: true }, orderBy: { yearFrom: "desc" } });
    }
    if (!model) continue;
    await database.customerCar.create({ data: { ownerId: owner, carModelId: model.id, plate: car.plate, plateKey, colour: car.colour, odometerKm: car.odometerKm } });
    cars += 1;
  }
  const area = await database.garageArea.findFirst({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, postcode: true } });
  let addresses = 0;
  for (const address of DEMO_ADDRESSES) {
    const owner = ownerId.get(address.owner);
    if (!owner || !area || (await database.garageAddress.findFirst({ where: { ownerId: owner, line1: address.line1 }, select: { id: true } }))) continue;
    await database.garageAddress.create({ data: { ownerId: owner, areaId: area.id, label: address.label, line1: address.line1, line2: address.line2, postcode: area.postcode } });
    addresses += 1;
  }
  return { customerCars: cars, addresses };
}


// ── bookings and support queries ──
const DEMO_QUERY_SUBJECT = "Can you collect my car?";

/** A booking's rows from its services, priced today with the one price rule (the demo's prices are snapshots too). */
async function demoBookingData(
  database: PrismaClient,
  car: { id: string; ownerId: string; plate: string; carModel: { id: string; make: string; model: string; segment: CarSegment } },
  serviceIds: readonly string[],
  slotStart: Date,
  bay: number,
) {
  const settings = garageSettings();
  const [prices, services] = await Promise.all([
    resolvePrices(database, serviceIds, car.carModel),
    database.garageService.findMany({ where: { id: { in: [...serviceIds] } }, select: { id: true, name: true } }),
  ]);
  const lines: PricedLine[] = services.flatMap((service) => {
    const price = prices.get(service.id);
    return price ? [{ serviceId: service.id, serviceName: service.name, price }] : [];
  });
  return {
    customerId: car.ownerId,
    carId: car.id,
    carPlate: car.plate,
    carDescription: `${car.carModel.make} ${car.carModel.model}`,
    slotStart,
    slotEnd: new Date(slotStart.getTime() + settings.GARAGE_SLOT_MINUTES * 60_000),
    bay,
    ...bookedLines(lines),
    currency: settings.GARAGE_CURRENCY,
  };

}

/** The first open shop day `days` or more from today (negative: in the past). */
function demoOpenDay(days: number): string {
  const settings = garageSettings();
  let date = addCalendarDays(shopToday(), days);
  const step = days < 0 ? -1 : 1;
  for (let tries = 0; tries < 7 && !settings.GARAGE_OPEN_DAYS.includes(isoWeekday(date)); tries++) date = addCalendarDays(date, step);
  return date;
}

/** The lowest bay nobody holds at a slot (past demo rows may sit anywhere). */
async function demoFreeBay(database: PrismaClient, slotStart: Date): Promise<number | null> {
  const taken = new Set((await database.booking.findMany({ where: { slotStart, status: { not: "CANCELLED" } }, select: { bay: true } })).map((row) => row.bay));
  for (let bay = 1; bay <= garageSettings().GARAGE_BAYS; bay++) if (!taken.has(bay)) return bay;
  return null;
}

async function seedBookingDemo(database: PrismaClient): Promise<Record<string, number>> {
  const customerEmails = DEMO_ACCOUNTS.filter((account) => account.role === "CUSTOMER").map((account) => account.email);
  const customers = await database.user.findMany({ where: { email: { in: customerEmails } }, select: { id: true, email: true } });
  const customerIds = customers.map((customer) => customer.id);
  const admin = await database.user.findFirst({ where: { email: DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")?.email ?? "" }, select: { id: true, name: true } });
  if (customerIds.length === 0 || (await database.booking.count({ where: { customerId: { in: customerIds } } })) > 0) return {};
  const cars = await database.customerCar.findMany({ where: { ownerId: { in: customerIds } }, include: { carModel: true }, orderBy: { plate: "asc" } });
  const services = await database.garageService.findMany({ where: { active: true }, orderBy: { name: "asc" }, take: 3, select: { id: true } });
  if (cars.length === 0 || services.length === 0) return {};
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const opensAt = garageSettings().GARAGE_OPENS_AT;
  const [first, second = first] = cars;
  if (!first || !second) return {};
  const serviceIds = services.map((service) => service.id);
  const actor = { actorId: admin?.id ?? null, actorName: admin?.name ?? "Garage" };
  let bookings = 0;

  const upcomingStart = shopInstant(demoOpenDay(2), opensAt, timeZone);
  const upcomingBay = await demoFreeBay(database, upcomingStart);
  let upcomingId: string | null = null;
  if (upcomingBay) {
    const upcoming = await database.booking.create({
      data: {
        ...(await demoBookingData(database, first, serviceIds.slice(0, 2), upcomingStart, upcomingBay)),
        notes: "Please check the brakes too.",
        progress: { create: { fromStatus: null, toStatus: "BOOKED", actorId: first.ownerId, actorName: "Customer" } },
      },
    });
    upcomingId = upcoming.id;
    bookings++;
  }

  const pastStart = shopInstant(demoOpenDay(-10), opensAt, timeZone);
  const pastBay = await demoFreeBay(database, pastStart);
  if (pastBay) {
    await database.booking.create({
      data: {
        ...(await demoBookingData(database, second, serviceIds.slice(0, 1), pastStart, pastBay)),
        status: "DELIVERED",
        progress: {
          create: [
            { fromStatus: null, toStatus: "BOOKED", actorId: second.ownerId, actorName: "Customer", at: new Date(pastStart.getTime() - 3 * 86_400_000) },
            { fromStatus: "BOOKED", toStatus: "DELIVERED", ...actor, at: new Date(pastStart.getTime() + 8 * 3_600_000) },
          ],
        },
      },
    });
    bookings++;
  }

  const cancelledStart = shopInstant(demoOpenDay(4), opensAt, timeZone);
  await database.booking.create({
    data: {
      ...(await demoBookingData(database, first, serviceIds.slice(-1), new Date(cancelledStart.getTime() + 3 * 3_600_000), 1)),
      status: "CANCELLED",
      cancelledAt: new Date(),
      cancelReason: "Plans changed.",
      progress: {
        create: [
          { fromStatus: null, toStatus: "BOOKED", actorId: first.ownerId, actorName: "Customer" },
          { fromStatus: "BOOKED", toStatus: "CANCELLED", actorId: first.ownerId, actorName: "Customer", note: "Plans changed." },
        ],
      },
    },
  });
  bookings++;

  let queries = 0;
  if (!(await database.supportQuery.findFirst({ where: { customerId: first.ownerId, subject: DEMO_QUERY_SUBJECT } }))) {
    await database.supportQuery.create({
      data: {
        customerId: first.ownerId,
        bookingId: upcomingId,
        subject: DEMO_QUERY_SUBJECT,
        message: "I can't bring the car in myself. Could you pick it up from home?",
        status: "ANSWERED",
        answer: "Yes: choose your address as the pick-up when you book and we collect the car before your slot.",
        answeredById: admin?.id ?? null,
        answeredAt: new Date(),
      },
    });
    queries++;
  }
  return { garageBookings: bookings, garageQueries: queries };
}

// ── workshop: the inspection checklist ──

export const DEMO_INSPECTION_TEMPLATE = "Standard multi-point check";

/** The checklist's items: the service (by slug) recommended when the mechanic flags one. */
const DEMO_INSPECTION_ITEMS: ReadonlyArray<{ label: string; measurementUnit?: string; service?: string }> = [
  { label: "Tyre tread depth, front left", measurementUnit: "mm", service: "wheel-alignment" },
  { label: "Tyre tread depth, front right", measurementUnit: "mm", service: "wheel-alignment" },
  { label: "Tyre tread depth, rear left", measurementUnit: "mm", service: "wheel-balancing" },
  { label: "Tyre tread depth, rear right", measurementUnit: "mm", service: "wheel-balancing" },
  { label: "Front brake pads", measurementUnit: "%", service: "front-brake-pads" },
  { label: "Brake discs", service: "brake-disc-turning" },
  { label: "Brake fluid", service: "brake-fluid-change" },
  { label: "Engine oil level and condition", service: "engine-oil-change" },
  { label: "Coolant", service: "coolant-replacement" },
  { label: "Battery health", measurementUnit: "%", service: "battery-replacement" },
  { label: "Headlights and indicators", service: "headlight-restoration" },
  { label: "Wipers and washers" },
  { label: "AC vent temperature", measurementUnit: "°C", service: "ac-service" },
  { label: "Suspension and steering", service: "wheel-alignment" },
];

/** The demo checklist, once (by name, without case), and a submitted inspection with photos on the demo's delivered booking. */
async function seedInspectionDemo(database: PrismaClient): Promise<Record<string, number>> {
  const templates = await seedInspectionTemplateDemo(database);
  return { ...templates, ...(await seedDeliveredInspectionDemo(database)) };
}

async function seedInspectionTemplateDemo(database: PrismaClient): Promise<Record<string, number>> {
  if (await database.inspectionTemplate.findFirst({ where: { name: { equals: DEMO_INSPECTION_TEMPLATE, mode: "insensitive" } }, select: { id: true } })) return {};
  const slugs = [...new Set(DEMO_INSPECTION_ITEMS.flatMap((item) => (item.service ? [item.service] : [])))];
  const services = new Map((await database.garageService.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  await database.inspectionTemplate.create({
    data: {
      name: DEMO_INSPECTION_TEMPLATE,
      description: "Tyres, brakes, fluids, battery, lights, wipers, AC and suspension: every car that comes in.",
      items: {
        create: DEMO_INSPECTION_ITEMS.map((item, index) => ({
          position: index + 1,
          label: item.label,
          measurementUnit: item.measurementUnit ?? null,
          serviceId: (item.service && services.get(item.service)) || null,
        })),
      },
    },
  });
  return { garageInspectionTemplates: 1 };
}

/** A small generated photo (a coloured card with a darker band), as its original and display copy. */
async function demoPhoto(hue: { r: number; g: number; b: number }) {
  const band = Buffer.from(`<svg width="480" height="360"><rect x="0" y="150" width="480" height="60" fill="rgb(${hue.r / 2},${hue.g / 2},${hue.b / 2})"/></svg>`);
  const bytes = await sharp({ create: { width: 480, height: 360, channels: 3, background: hue } })
    .composite([{ input: band }])
    .jpeg({ quality: 80 })
    .toBuffer();
  const display = await sharp(bytes).webp({ quality: 80 }).toBuffer();
  return { contentType: "image/jpeg", bytes: new Uint8Array(bytes), sizeBytes: bytes.byteLength, width: 480, height: 360, displayBytes: new Uint8Array(display), displayType: "image/webp" };
}

/** The delivered demo booking's inspection, submitted: every item rated, tread measured, two photos; once. */
async function seedDeliveredInspectionDemo(database: PrismaClient): Promise<Record<string, number>> {
  const customerEmails = DEMO_ACCOUNTS.filter((account) => account.role === "CUSTOMER").map((account) => account.email);
  const booking = await database.booking.findFirst({
    where: { status: "DELIVERED", customer: { email: { in: customerEmails } }, inspection: null },
    orderBy: { slotStart: "asc" },
    select: { id: true, slotStart: true },
  });
  const template = await database.inspectionTemplate.findFirst({
    where: { name: { equals: DEMO_INSPECTION_TEMPLATE, mode: "insensitive" } },
    include: { items: { orderBy: { position: "asc" } } },
  });
  if (!booking || !template) return {};
  const mechanicEmail = DEMO_ACCOUNTS.find((account) => account.role === "MECHANIC")?.email ?? "";
  const mechanic = await database.user.findFirst({ where: { email: mechanicEmail }, select: { id: true, name: true } });
  const treads = [4.2, 4.0, 2.1, 2.3];
  let tread = 0;
  const inspection = await database.inspection.create({
    data: {
      bookingId: booking.id,
      templateId: template.id,
      templateName: template.name,
      mechanicId: mechanic?.id ?? null,
      mechanicName: mechanic?.name ?? "Workshop",
      summary: "Rear tyres are wearing: worth replacing at the next service.",
      submittedAt: new Date(booking.slotStart.getTime() + 2 * 3_600_000),
      items: {
        create: template.items.map((item) => {
          const isTread = item.measurementUnit === "mm";
          const measurement = isTread ? treads[tread++ % treads.length]! : item.measurementUnit === "%" ? 70 : item.measurementUnit === "°C" ? 8 : null;
          const worn = isTread && measurement !== null && measurement < 3;
          return {
            position: item.position,
            label: item.label,
            measurementUnit: item.measurementUnit,
            serviceId: item.serviceId,
            measurement,
            rating: worn ? ("ATTENTION" as const) : ("OK" as const),
            note: worn ? "Tread below 3 mm: replace within a few months." : "",
          };
        }),
      },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
  const flagged = inspection.items.find((item) => item.rating === "ATTENTION") ?? inspection.items[0];
  if (flagged) {
    await database.inspectionPhoto.create({ data: { itemId: flagged.id, uploadedById: mechanic?.id ?? null, ...(await demoPhoto({ r: 70, g: 70, b: 80 })) } });
    await database.inspectionPhoto.create({ data: { itemId: flagged.id, uploadedById: mechanic?.id ?? null, ...(await demoPhoto({ r: 150, g: 120, b: 90 })) } });
  }
  return { garageInspections: 1, garageInspectionPhotos: flagged ? 2 : 0 };
}

// ── the workshop floor today: a car in every workshop status ──

/** Statuses the demo shows on today's job board, in the workshop's order. */
const FLOOR_STATUSES = ["CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY"] as const satisfies readonly BookingStatusName[];
const FLOW: readonly BookingStatusName[] = ["BOOKED", "CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY"];
const FLOOR_NOTES: Partial<Record<BookingStatusName, string>> = {
  CHECKED_IN: "Keys and service book received.",
  IN_PROGRESS: "Booked work started.",
  QUALITY_CHECK: "Road test and final checks.",
  READY: "Washed and ready for collection.",
};

/**
 * Today's job board for the demo: one of the demo residents' cars in each workshop status,
 * assigned to the demo mechanic one after another, each with its timeline; the inspection
 * with a photo and a recommendation awaiting approval; an approved and a declined
 * recommendation (the declined one is deferred work on the car); the ready car invoiced with
 * a partial payment. Added once: nothing happens when a demo booking already holds an assignment.
 */
async function seedWorkshopFloorDemo(database: PrismaClient): Promise<Record<string, number>> {
  const byEmail = async (role: "ADMIN" | "MECHANIC") =>
    database.user.findFirst({ where: { email: DEMO_ACCOUNTS.find((account) => account.role === role)?.email ?? "" }, select: { id: true, name: true, roleId: true } });
  const [admin, mechanic] = await Promise.all([byEmail("ADMIN"), byEmail("MECHANIC")]);
  const customerEmails = DEMO_ACCOUNTS.filter((account) => account.role === "CUSTOMER").map((account) => account.email);
  if (!admin || !mechanic) return {};
  if (await database.bookingAssignment.findFirst({ where: { booking: { customer: { email: { in: customerEmails } } } }, select: { id: true } })) return {};
  const cars = await database.customerCar.findMany({ where: { owner: { email: { in: customerEmails } } }, include: { carModel: true }, orderBy: { plate: "asc" } });
  const template = await database.inspectionTemplate.findFirst({ where: { name: { equals: DEMO_INSPECTION_TEMPLATE, mode: "insensitive" } }, include: { items: { orderBy: { position: "asc" } } } });
  const services = new Map((await database.garageService.findMany({ where: { active: true }, select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  const booked = ["basic-service", "wheel-alignment", "ac-gas-top-up"].flatMap((slug) => services.get(slug) ?? []);
  if (cars.length === 0 || !template || booked.length === 0) return {};

  const settings = garageSettings();
  const today = shopToday();
  const opening = shopInstant(today, settings.GARAGE_OPENS_AT, settings.GARAGE_TIME_ZONE);
  const actor = (user: { id: string; name: string }) => ({ actorId: user.id, actorName: user.name });
  const mechanicPrincipal: Principal = { userId: mechanic.id, roleId: mechanic.roleId, role: "MECHANIC", name: mechanic.name, scopes: new Set(), via: "session" };
  const deskPrincipal: Principal = { userId: admin.id, roleId: admin.roleId, role: "ADMIN", name: admin.name, scopes: new Set(), via: "session" };
  const counts = { garageFloorBookings: 0, garageAssignments: 0, garageRecommendations: 0, garageApprovals: 0 };

  for (const [index, status] of FLOOR_STATUSES.entries()) {
    const car = cars[index % cars.length]!;
    const slotStart = new Date(opening.getTime() + index * settings.GARAGE_SLOT_MINUTES * 60_000);
    const bay = await demoFreeBay(database, slotStart);
    if (!bay) continue;
    const data = await demoBookingData(database, car, booked.slice(0, 1 + (index % booked.length)), slotStart, bay);
    const steps = FLOW.slice(0, FLOW.indexOf(status) + 1).filter((step) => step !== "AWAITING_APPROVAL" || status === "AWAITING_APPROVAL");
    const at = (step: number) => new Date(slotStart.getTime() + step * 20 * 60_000);
    const spanStart = new Date(opening.getTime() + index * 90 * 60_000);
    await database.$transaction(async (tx) => {
      const booking = await tx.booking.create({
        include: { customer: { select: { id: true, name: true } } },
        data: {
          ...data,
          status,
          odometerInKm: car.odometerKm + 12,
          promisedAt: new Date(data.slotEnd.getTime() + data.labourMinutes * 60_000),
          progress: {
            create: steps.map((step, position) => ({
              fromStatus: position === 0 ? null : steps[position - 1]!,
              toStatus: step,
              ...(position === 0 ? { actorId: car.ownerId, actorName: "Customer" } : actor(mechanic)),
              note: FLOOR_NOTES[step] ?? null,
              at: position === 0 ? new Date(slotStart.getTime() - 2 * 86_400_000) : at(position),
            })),
          },
          assignments: {
            create: {
              mechanicId: mechanic.id,
              mechanicName: mechanic.name,
              startsAt: spanStart,
              endsAt: new Date(spanStart.getTime() + 90 * 60_000),
              status: index === 0 ? "ACCEPTED" : index < 4 ? "STARTED" : "FINISHED",
              assignedById: admin.id,
              assignedByName: admin.name,
              acceptedAt: at(0),
              startedAt: index === 0 ? null : at(1),
              finishedAt: index < 4 ? null : at(4),
            },
          },
        },
      });
      counts.garageFloorBookings++;
      counts.garageAssignments++;
      if (status === "CHECKED_IN") return;

      // The inspection: a draft while inspecting, else submitted with the brake pads flagged and photographed.
      const submitted = status !== "INSPECTING";
      const inspection = await tx.inspection.create({
        data: {
          bookingId: booking.id,
          templateId: template.id,
          templateName: template.name,
          mechanicId: mechanic.id,
          mechanicName: mechanic.name,
          submittedAt: submitted ? at(2) : null,
          items: {
            create: template.items.map((item, position) => {
              const pads = item.label === "Front brake pads";
              const rated = submitted || position < 4;
              return {
                position: item.position,
                label: item.label,
                measurementUnit: item.measurementUnit,
                serviceId: item.serviceId,
                rating: rated ? (pads ? ("ATTENTION" as const) : ("OK" as const)) : null,
                measurement: rated && item.measurementUnit === "mm" ? 4.5 : rated && pads ? 25 : null,
                note: rated && pads ? "Pads at 25 %: replace soon." : "",
              };
            }),
          },
        },
        include: { items: true },
      });
      if (!submitted) return;
      const pads = inspection.items.find((item) => item.label === "Front brake pads");
      if (!pads?.serviceId) return;
      await tx.inspectionPhoto.create({ data: { itemId: pads.id, uploadedById: mechanic.id, ...(await demoPhoto({ r: 120, g: 90, b: 60 })) } });
      if (status === "QUALITY_CHECK" || status === "READY") return;
      const recommended = await recommendWork(tx, mechanicPrincipal, booking, { serviceId: pads.serviceId, severity: "ATTENTION", reason: pads.note, inspectionItemId: pads.id });
      counts.garageRecommendations++;
      if (status !== "IN_PROGRESS") return;

      // In progress: the pads approved in the app, the wipers declined (deferred work on the car).
      const wipers = services.get("headlight-restoration");
      const declined = wipers ? await recommendWork(tx, mechanicPrincipal, booking, { serviceId: wipers, severity: "ATTENTION", reason: "Headlights are hazy." }) : null;
      counts.garageRecommendations += declined ? 1 : 0;
      const decide = async (recommendation: typeof recommended, decision: "APPROVED" | "DECLINED") => {
        const row = await tx.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } });
        const bookedService =
          decision === "APPROVED"
            ? await tx.bookedService.create({
                data: {
                  bookingId: booking.id,
                  serviceId: row.serviceId,
                  serviceName: row.serviceName,
                  labourMinutes: row.labourMinutes,
                  priceMinor: row.priceMinor,
                  priceSource: row.priceSource,
                  priceChartId: row.priceChartId,
                  gstCode: row.gstCode,
                  gstBasisPoints: row.gstBasisPoints,
                  taxMinor: row.taxMinor,
                },
              })
            : null;
        await tx.recommendation.update({ where: { id: row.id }, data: { status: decision, decidedAt: at(3), bookedServiceId: bookedService?.id ?? null } });
        await tx.approvalRecord.create({
          data: {
            bookingId: booking.id,
            decision,
            channel: "IN_APP",
            customerId: booking.customerId,
            customerName: booking.customer?.name ?? "Customer",
            recordedById: booking.customerId,
            recordedByName: booking.customer?.name ?? "Customer",
            amountMinor: row.priceMinor + row.taxMinor,
            currency: booking.currency,
            at: at(3),
            items: { create: { recommendationId: row.id, version: row.version, serviceName: row.serviceName, priceMinor: row.priceMinor, taxMinor: row.taxMinor } },
          },
        });
        counts.garageApprovals++;
      };
      await decide(recommended, "APPROVED");
      if (declined) await decide(declined, "DECLINED");
      await recomputeBookingTotals(tx, booking.id);
    });
  }
  // The ready car's invoice, half paid at the desk.
  const ready = await database.booking.findFirst({
    where: { status: "READY", customer: { email: { in: customerEmails } }, invoices: { none: {} } },
    include: { customer: { select: { id: true, name: true } } },
  });
  if (ready) {
    await database.$transaction(async (tx) => {
      const invoice = await issueInvoiceFor(tx, deskPrincipal, ready);
      await tx.payment.create({ data: { invoiceId: invoice.id, amountMinor: Math.floor(invoice.totalMinor / 2), method: "CASH", reference: "Demo: deposit", recordedById: admin.id, recordedByName: admin.name } });
    });
  }
  return counts;
}
