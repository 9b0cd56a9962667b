import type { PrismaClient } from "../../db";
import type { CarSegment } from "../../generated/prisma/enums";
import { DEMO_ACCOUNTS } from "../../platform/demo-accounts";
import { resolvePrice, shopToday } from "./services/pricing";
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
  };
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
async function seedCatalogueDemo(_database: PrismaClient): Promise<Record<string, number>> {
  return {};
}



// ── customers: cars, addresses, cart, favourites ──
async function seedCustomerDemo(_database: PrismaClient): Promise<Record<string, number>> {
  return {};
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
  const lines = [];
  for (const serviceId of serviceIds) {
    const price = await resolvePrice(database, serviceId, car.carModel);
    const service = await database.garageService.findUnique({ where: { id: serviceId }, select: { name: true } });
    if (price && service) lines.push({ serviceId, serviceName: service.name, price });
  }
  const subtotalMinor = lines.reduce((sum, line) => sum + line.price.priceMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.price.taxMinor, 0);
  return {
    customerId: car.ownerId,
    carId: car.id,
    carPlate: car.plate,
    carDescription: `${car.carModel.make} ${car.carModel.model}`,
    slotStart,
    slotEnd: new Date(slotStart.getTime() + settings.GARAGE_SLOT_MINUTES * 60_000),
    bay,
    labourMinutes: Math.max(1, lines.reduce((sum, line) => sum + line.price.labourMinutes, 0)),
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
    currency: settings.GARAGE_CURRENCY,
    services: {
      create: lines.map((line) => ({
        serviceId: line.serviceId,
        serviceName: line.serviceName,
        labourMinutes: line.price.labourMinutes,
        priceMinor: line.price.priceMinor,
        priceSource: line.price.source,
        priceChartId: line.price.priceChartId,
        gstCode: line.price.gstCode,
        gstBasisPoints: line.price.gstBasisPoints,
        taxMinor: line.price.taxMinor,
      })),
    },
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
        history: { create: { fromStatus: null, toStatus: "BOOKED", actorId: first.ownerId, actorName: "Customer" } },
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
        history: {
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
      history: {
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
