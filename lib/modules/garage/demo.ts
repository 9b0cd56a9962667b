import type { PrismaClient } from "../../db";

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
async function seedBookingDemo(_database: PrismaClient): Promise<Record<string, number>> {
  return {};
}
