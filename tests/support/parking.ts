import * as availability from "@/app/api/v1/spots/[id]/availability/route";
import * as reservations from "@/app/api/v1/reservations/route";
import * as spots from "@/app/api/v1/spots/route";
import { db } from "@/lib/db";
import { call } from "./http";
import type { TestUser } from "./identity";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

let spotCounter = 0;

export async function createSpot(owner: TestUser, overrides: Record<string, unknown> = {}) {
  spotCounter += 1;
  const response = await call<{ id: string }>(spots.POST, {
    token: owner.token,
    json: { label: `S-${Date.now().toString(36)}-${spotCounter}`, zone: "Level 1", kind: "STANDARD", ...overrides },
  });
  if (response.status !== 201) throw new Error(`createSpot: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function publish(owner: TestUser, spotId: string, from: string, to: string) {
  const response = await call(availability.POST, { token: owner.token, params: { id: spotId }, json: { from, to } });
  if (response.status !== 201) throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A spot offered from in a minute for the next `hours`. */
export async function offeredSpot(owner: TestUser, hours = 12, overrides: Record<string, unknown> = {}) {
  const spot = await createSpot(owner, overrides);
  await publish(owner, spot.id, inFuture(MINUTE), inFuture(hours * HOUR));
  return spot;
}

export function reserveCall(user: TestUser, spotId: string, startsAt: string, endsAt: string) {
  return call<Record<string, unknown>>(reservations.POST, { token: user.token, json: { spotId, startsAt, endsAt } });
}

export async function creditsOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { credits: true } });
  const { _sum } = await db.reservation.aggregate({ where: { reserverId: userId, status: "CONFIRMED", settledAt: null }, _sum: { cost: true } });
  return { balance: user.credits, escrow: _sum.cost ?? 0 };
}

/** Everything a refused parking request must leave as it was. */
export async function parkingSnapshot() {
  const [spotRows, windows, reservationRows, ledger, users, outbox] = await Promise.all([
    db.parkingSpot.findMany({ orderBy: { id: "asc" } }),
    db.availabilityWindow.findMany({ orderBy: { id: "asc" } }),
    db.reservation.findMany({ orderBy: { id: "asc" } }),
    db.creditTransaction.count(),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, credits: true } }),
    db.outboxEvent.count({ where: { NOT: { type: { startsWith: "security." } } } }),
  ]);
  return { spotRows, windows, reservationRows, ledger, users, outbox };
}
