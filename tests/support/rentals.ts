import { randomBytes } from "node:crypto";
import * as branchCollection from "@/app/api/v1/branches/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import * as vehicleCollection from "@/app/api/v1/vehicles/route";
import { db } from "@/lib/db";
import { addDays, formatCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import type { BranchView, RentalView, VehicleView } from "@/lib/modules/rentals/views";
import { call } from "./http";
import { databaseSnapshot } from "./identity";

/** `YYYY-MM-DD`, `offset` days from today (UTC). */
export const day = (offset: number) => formatCalendarDate(addDays(today(), offset));

export const uniqueSuffix = () => randomBytes(4).toString("hex").toUpperCase();

export const branchInput = (overrides: Record<string, unknown> = {}) => ({
  name: `Branch ${uniqueSuffix()}`,
  address: "1 Depot Road",
  city: "Springfield",
  phone: "+15551234567",
  openingHours: "Mon–Fri 08:00–18:00",
  ...overrides,
});

export const vehicleInput = (branchId: string, overrides: Record<string, unknown> = {}) => ({
  make: "Toyota",
  model: "Corolla",
  year: 2022,
  type: "CAR",
  plate: `T-${uniqueSuffix()}`,
  seats: 5,
  transmission: "AUTOMATIC",
  fuel: "HYBRID",
  dailyPrice: 40,
  branchId,
  photoUrl: "https://example.test/corolla.jpg",
  ...overrides,
});

export async function newBranch(token: string, overrides: Record<string, unknown> = {}): Promise<BranchView> {
  const response = await call<BranchView>(branchCollection.POST, { path: "/api/v1/branches", token, json: branchInput(overrides) });
  if (response.status !== 201) throw new Error(`branch not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function newVehicle(token: string, branchId: string, overrides: Record<string, unknown> = {}): Promise<VehicleView> {
  const response = await call<VehicleView>(vehicleCollection.POST, { path: "/api/v1/vehicles", token, json: vehicleInput(branchId, overrides) });
  if (response.status !== 201) throw new Error(`vehicle not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function newRental(token: string, vehicleId: string, startOffset: number, endOffset: number): Promise<RentalView> {
  const response = await call<RentalView>(rentalCollection.POST, {
    path: "/api/v1/rentals",
    token,
    json: { vehicleId, startDate: day(startOffset), endDate: day(endOffset) },
  });
  if (response.status !== 201) throw new Error(`rental not requested: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Everything a refused or invalid request must leave untouched: the identity tables plus the rental ones. */
export async function rentalSnapshot() {
  const [identity, branches, vehicles, rentals, history] = await Promise.all([
    databaseSnapshot(),
    db.branch.findMany({ orderBy: { id: "asc" } }),
    db.vehicle.findMany({ orderBy: { id: "asc" } }),
    db.rental.findMany({ orderBy: { id: "asc" } }),
    db.rentalStatusChange.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { identity, branches, vehicles, rentals, history };
}

/** The events a change wrote to the outbox (its transaction), newest last. */
export async function eventsFor(key: string) {
  return db.outboxEvent.findMany({ where: { key }, orderBy: { id: "asc" }, select: { topic: true, type: true, payload: true, actor: true } });
}

export const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
