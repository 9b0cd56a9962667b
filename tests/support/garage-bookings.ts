import { randomBytes } from "node:crypto";
import * as bookingCollection from "@/app/api/v1/bookings/route";
import { db } from "@/lib/db";
import type { BookingStatus, CarSegment } from "@/lib/generated/prisma/enums";
import { garageSettings } from "@/lib/modules/garage/settings";
import { addCalendarDays, isoWeekday, shopDate, shopInstant } from "@/lib/modules/garage/view-models/shop-clock";
import { call } from "./http";
import { databaseSnapshot, type TestUser } from "./identity";

const suffix = () => randomBytes(4).toString("hex").toUpperCase();

/**
 * The `index`-th open shop day (0-based) counting from a week ahead, so the clock never bites
 * and tests that pass different indexes never share a day.
 */
export function openDay(index: number): string {
  const settings = garageSettings();
  let date = addCalendarDays(shopDate(new Date(), settings.GARAGE_TIME_ZONE), 7);
  for (let seen = -1; ; date = addCalendarDays(date, 1)) {
    if (settings.GARAGE_OPEN_DAYS.includes(isoWeekday(date)) && ++seen === index) return date;
  }
}

/** The first closed shop day at least `daysAhead` days from today, or null when the shop never closes. */
export function closedDay(daysAhead: number): string | null {
  const settings = garageSettings();
  const from = addCalendarDays(shopDate(new Date(), settings.GARAGE_TIME_ZONE), daysAhead);
  for (let offset = 0; offset < 7; offset++) {
    const date = addCalendarDays(from, offset);
    if (!settings.GARAGE_OPEN_DAYS.includes(isoWeekday(date))) return date;
  }
  return null;
}

export const slotAt = (date: string, time: string) => shopInstant(date, time, garageSettings().GARAGE_TIME_ZONE).toISOString();

export interface GarageFixture {
  gstCode: string;
  carModelId: string;
  segment: CarSegment;
  /** Two active services: 60 and 90 minutes of labour. */
  serviceIds: [string, string];
  inactiveServiceId: string;
}

/** Catalogue rows (another helper's area), created directly: a GST rate of its own, a car model, services and a price chart row. */
export async function garageCatalogue(): Promise<GarageFixture> {
  const tag = suffix();
  const gst = await db.gstRate.create({ data: { code: `T${tag}`, label: `Test GST ${tag}`, basisPoints: 1800 } });
  const category = await db.serviceCategory.create({ data: { name: `Bookings ${tag}`, slug: `bookings-${tag.toLowerCase()}` } });
  const carModel = await db.carModel.create({ data: { make: "Maruti", model: `Swift ${tag}`, yearFrom: 2018, segment: "HATCHBACK", fuel: "PETROL" } });
  const service = (name: string, labourMinutes: number, basePriceMinor: number, active = true) =>
    db.garageService.create({
      data: { categoryId: category.id, name: `${name} ${tag}`, slug: `${name.toLowerCase().replace(/ /g, "-")}-${tag.toLowerCase()}`, labourMinutes, basePriceMinor, gstCode: gst.code, active },
    });
  const oil = await service("Oil change", 60, 150_000);
  const brakes = await service("Brake service", 90, 250_000);
  const retired = await service("Retired", 30, 10_000, false);
  await db.priceChartEntry.create({ data: { serviceId: oil.id, segment: "HATCHBACK", priceMinor: 120_000, validFrom: new Date("2020-01-01T00:00:00Z") } });
  return { gstCode: gst.code, carModelId: carModel.id, segment: "HATCHBACK", serviceIds: [oil.id, brakes.id], inactiveServiceId: retired.id };
}

export async function customerCar(ownerId: string, carModelId: string) {
  const plate = `KA01 ${suffix()}`;
  return db.customerCar.create({ data: { ownerId, carModelId, plate, plateKey: plate.replace(/\s/g, "") } });
}

export async function customerAddress(ownerId: string) {
  const area = await db.garageArea.create({ data: { name: `Area ${suffix()}`, city: "Bengaluru" } });
  return db.garageAddress.create({ data: { ownerId, areaId: area.id, label: "Home", line1: "1 MG Road" } });
}

export async function cartLine(ownerId: string, carId: string, serviceId: string) {
  return db.cartLine.create({ data: { ownerId, carId, serviceId, priceShownMinor: 1 } });
}

/** A booking written directly (to fill slots and days, or reach statuses the API cannot yet). */
export async function insertBooking(
  customerId: string,
  carId: string,
  slotStart: string,
  { bay = 1, labourMinutes = 30, status = "BOOKED" as BookingStatus } = {},
) {
  const start = new Date(slotStart);
  return db.booking.create({
    data: {
      customerId,
      carId,
      carPlate: "TEST",
      carDescription: "Test car",
      slotStart: start,
      slotEnd: new Date(start.getTime() + garageSettings().GARAGE_SLOT_MINUTES * 60_000),
      bay,
      labourMinutes,
      status,
      subtotalMinor: 1000,
      taxMinor: 180,
      totalMinor: 1180,
      currency: garageSettings().GARAGE_CURRENCY,
    },
  });
}

export function bookCall(user: TestUser, json: Record<string, unknown>) {
  return call<Record<string, unknown>>(bookingCollection.POST, { token: user.token, json });
}

/** Everything a refused request must leave untouched: identity and outbox plus the garage's booking tables. */
export async function garageSnapshot() {
  const [identity, bookings, bookedServices, history, queries, cartLines] = await Promise.all([
    databaseSnapshot(),
    db.booking.findMany({ orderBy: { id: "asc" } }),
    db.bookedService.findMany({ orderBy: { id: "asc" } }),
    db.bookingProgress.findMany({ orderBy: { id: "asc" } }),
    db.supportQuery.findMany({ orderBy: { id: "asc" } }),
    db.cartLine.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { identity, bookings, bookedServices, history, queries, cartLines };
}

export async function eventsFor(key: string) {
  return db.outboxEvent.findMany({ where: { key }, orderBy: { id: "asc" }, select: { topic: true, type: true, payload: true, actor: true } });
}

export const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
