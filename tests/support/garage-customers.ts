import { randomBytes } from "node:crypto";
import * as addressCollection from "@/app/api/v1/addresses/route";
import * as cartCollection from "@/app/api/v1/cart/route";
import * as carCollection from "@/app/api/v1/customer-cars/route";
import { db } from "@/lib/db";
import type { CarSegment } from "@/lib/generated/prisma/enums";
import type { AddressView, CartLineView, CustomerCarView } from "@/lib/modules/garage/views";
import { call } from "./http";
import { databaseSnapshot } from "./identity";

export const uniqueSuffix = () => randomBytes(4).toString("hex").toUpperCase();
/** A plate key no other test uses: 2 letters and 8 hex characters. */
export const uniquePlate = () => `TS ${uniqueSuffix()}`;

/** Catalogue rows (another area's) created directly. */
export async function newCarModel(overrides: { make?: string; model?: string; segment?: CarSegment } = {}) {
  return db.carModel.create({
    data: { make: overrides.make ?? "Maruti", model: overrides.model ?? `Swift ${uniqueSuffix()}`, yearFrom: 2018, yearTo: null, segment: overrides.segment ?? "HATCHBACK", fuel: "PETROL" },
  });
}

export async function newGarageService(overrides: { basePriceMinor?: number; active?: boolean } = {}) {
  const suffix = uniqueSuffix().toLowerCase();
  const category = await db.serviceCategory.create({ data: { name: `Category ${suffix}`, slug: `category-${suffix}` } });
  return db.garageService.create({
    data: {
      categoryId: category.id,
      name: `Oil change ${suffix}`,
      slug: `oil-change-${suffix}`,
      labourMinutes: 45,
      basePriceMinor: overrides.basePriceMinor ?? 100_000,
      active: overrides.active ?? true,
    },
  });
}

export async function newArea(active = true) {
  return db.garageArea.create({ data: { name: `Area ${uniqueSuffix()}`, city: "Bengaluru", postcode: "560001", active } });
}

export const carInput = (carModelId: string, overrides: Record<string, unknown> = {}) => ({
  carModelId,
  plate: uniquePlate(),
  colour: "Red",
  odometerKm: 12_000,
  ...overrides,
});

export async function newCar(token: string, carModelId: string, overrides: Record<string, unknown> = {}): Promise<CustomerCarView> {
  const response = await call<CustomerCarView>(carCollection.POST, { path: "/api/v1/customer-cars", token, json: carInput(carModelId, overrides) });
  if (response.status !== 201) throw new Error(`car not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function newAddress(token: string, areaId: string, overrides: Record<string, unknown> = {}): Promise<AddressView> {
  const response = await call<AddressView>(addressCollection.POST, {
    path: "/api/v1/addresses",
    token,
    json: { areaId, label: "Home", line1: "12 MG Road", postcode: "560001", ...overrides },
  });
  if (response.status !== 201) throw new Error(`address not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function newCartLine(token: string, serviceId: string, carId: string): Promise<CartLineView> {
  const response = await call<CartLineView>(cartCollection.POST, { path: "/api/v1/cart", token, json: { serviceId, carId } });
  if (response.status !== 201) throw new Error(`line not added: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Everything a refused or invalid request must leave untouched: identity plus the customers' garage tables. */
export async function garageCustomerSnapshot() {
  const [identity, cars, addresses, cartLines, bookings] = await Promise.all([
    databaseSnapshot(),
    db.customerCar.findMany({ orderBy: { id: "asc" } }),
    db.garageAddress.findMany({ orderBy: { id: "asc" } }),
    db.cartLine.findMany({ orderBy: { id: "asc" } }),
    db.booking.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { identity, cars, addresses, cartLines, bookings };
}

export async function eventsFor(key: string) {
  return db.outboxEvent.findMany({ where: { key }, orderBy: { id: "asc" }, select: { topic: true, type: true, payload: true, actor: true } });
}

/** A booking row for a car (the bookings area's table), inserted directly. */
export async function insertBooking(car: CustomerCarView, status: "BOOKED" | "DELIVERED" | "CANCELLED") {
  const start = new Date(Date.now() + 86_400_000 * (1 + Math.floor(Math.random() * 300)));
  start.setUTCMinutes(Math.floor(Math.random() * 60), 0, 0);
  return db.booking.create({
    data: {
      customerId: car.ownerId,
      carId: car.id,
      carPlate: car.plate,
      carDescription: `${car.carModel.make} ${car.carModel.model}`,
      slotStart: start,
      slotEnd: new Date(start.getTime() + 30 * 60_000),
      bay: 1 + Math.floor(Math.random() * 1000),
      labourMinutes: 45,
      status,
      subtotalMinor: 100_000,
      taxMinor: 18_000,
      totalMinor: 118_000,
      currency: "INR",
    },
  });
}

export const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
