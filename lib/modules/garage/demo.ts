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
async function seedCustomerDemo(_database: PrismaClient): Promise<Record<string, number>> {
  return {};
}



// ── bookings and support queries ──
async function seedBookingDemo(_database: PrismaClient): Promise<Record<string, number>> {
  return {};
}
