import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId } from "../../../validation";
import { actsForOthers, lockSpot, NOT_FOUND, parkingHorizon, parkingTransaction } from "./common";
import { spotChanged } from "./spots";
import type { AvailabilityView, SpotView } from "../views";
import { availabilityQuerySchema, toggleInputSchema, windowInputSchema } from "../schemas";
import { LIVE_RESERVATION_STATUSES } from "../vocabulary";
import { parkingSettings } from "../settings";

/** A little slack for clocks: "from now" sent a moment ago is still now. */
const CLOCK_SKEW_MS = 60_000;

async function ownSpotForAvailability(principal: Principal, tx: Transaction, spotId: string) {
  const spot = await lockSpot(tx, spotId);
  if (spot.owner_id !== principal.userId && !actsForOthers(principal)) {
    throw new ForbiddenError("Only the spot's owner or an admin may change its availability.");
  }
  return spot;
}

/** `end` names the field that carries the window's end: `to` when publishing, `until` for the quick toggle. */
function checkWindowBounds(from: Date, to: Date, end: "to" | "until" = "to"): void {
  const now = Date.now();
  if (to.getTime() <= now) throw fieldError(["body", end], "must be in the future");
  if (from.getTime() < now - CLOCK_SKEW_MS) throw fieldError(["body", "from"], "must not be in the past");
  if (to.getTime() - from.getTime() > parkingSettings().PARKING_MAX_WINDOW_DAYS * 86_400_000) {
    throw fieldError(["body", end], `a window lasts at most ${parkingSettings().PARKING_MAX_WINDOW_DAYS} days`);
  }
  if (to.getTime() > parkingHorizon(now)) {
    throw fieldError(["body", end], `must be within ${parkingSettings().PARKING_MAX_WINDOW_DAYS} days from now`);
  }
}

/**
 * Adds [from, to) to the spot's windows, merging with any window it overlaps or
 * touches. The merged window keeps the maximum length: longer is a 409.
 */
async function addWindow(tx: Transaction, spotId: string, from: Date, to: Date): Promise<void> {
  const touching = await tx.availabilityWindow.findMany({
    where: { spotId, startsAt: { lte: to }, endsAt: { gte: from } },
  });
  const start = new Date(Math.min(from.getTime(), ...touching.map((window) => window.startsAt.getTime())));
  const end = new Date(Math.max(to.getTime(), ...touching.map((window) => window.endsAt.getTime())));
  const maxDays = parkingSettings().PARKING_MAX_WINDOW_DAYS;
  if (end.getTime() - start.getTime() > maxDays * 86_400_000) {
    throw new ConflictError(
      `Merging with the window ${start.toISOString()} – ${end.toISOString()} would make a window longer than ${maxDays} days; publish a shorter one or withdraw the existing window first.`,
    );
  }
  if (touching.length > 0) await tx.availabilityWindow.deleteMany({ where: { id: { in: touching.map((window) => window.id) } } });
  await tx.availabilityWindow.create({ data: { spotId, startsAt: start, endsAt: end } });
}

/** `POST /spots/{id}/availability {from, to}`: publishes a window when the spot is free. */
export async function publishWindow(principal: Principal, spotId: string, input: unknown): Promise<SpotView> {
  await requireScope(principal, "UPDATE:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  const { from, to } = parseInput(windowInputSchema, input);
  checkWindowBounds(from, to);
  return parkingTransaction(async (tx) => {
    await ownSpotForAvailability(principal, tx, id);
    await addWindow(tx, id, new Date(Math.max(from.getTime(), Date.now())), to);
    return spotChanged(tx, id, "spot.availability_published", principal.userId);
  });
}

/**
 * `PUT /spots/{id}/availability`, the quick toggle: `{available: true, until}` opens a
 * window from now; `{available: false}` withdraws everything offered from now on —
 * refused with 409 naming the reservation when a confirmed or active one lies in it.
 */
export async function setAvailability(principal: Principal, spotId: string, input: unknown): Promise<SpotView> {
  await requireScope(principal, "UPDATE:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  const toggle = parseInput(toggleInputSchema, input);
  if (toggle.available) checkWindowBounds(new Date(), toggle.until, "until");
  return parkingTransaction(async (tx) => {
    await ownSpotForAvailability(principal, tx, id);
    const now = new Date();
    if (toggle.available) {
      await addWindow(tx, id, now, toggle.until);
      return spotChanged(tx, id, "spot.opened", principal.userId);
    }
    const blocking = await tx.reservation.findFirst({
      where: { spotId: id, status: { in: [...LIVE_RESERVATION_STATUSES] }, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
    });
    if (blocking) {
      throw new ConflictError(
        `Reservation ${blocking.id} (${blocking.startsAt.toISOString()} – ${blocking.endsAt.toISOString()}) is ${blocking.status.toLowerCase()} in that time; cancel it first.`,
        { reservationId: blocking.id },
      );
    }
    await tx.availabilityWindow.deleteMany({ where: { spotId: id, startsAt: { gte: now } } });
    await tx.availabilityWindow.updateMany({ where: { spotId: id, startsAt: { lt: now }, endsAt: { gt: now } }, data: { endsAt: now } });
    return spotChanged(tx, id, "spot.closed", principal.userId);
  });
}

/** `GET /spots/{id}/availability?from=&to=`: windows and busy periods (default: the next 7 days). */
export async function getAvailability(principal: Principal, spotId: string, query: unknown): Promise<AvailabilityView> {
  await requireScope(principal, "READ:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  const range = parseQuery(availabilityQuerySchema, query);
  const from = range.from ?? new Date();
  const to = range.to ?? new Date(from.getTime() + 7 * 86_400_000);
  const spot = await db.parkingSpot.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
  if (!spot) throw new NotFoundError(NOT_FOUND.spot);
  const [windows, busy] = await Promise.all([
    db.availabilityWindow.findMany({ where: { spotId: id, startsAt: { lt: to }, endsAt: { gt: from } }, orderBy: { startsAt: "asc" } }),
    db.reservation.findMany({
      where: { spotId: id, status: { in: [...LIVE_RESERVATION_STATUSES] }, startsAt: { lt: to }, endsAt: { gt: from } },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true, endsAt: true, status: true },
    }),
  ]);
  return {
    spotId: id,
    from: from.toISOString(),
    to: to.toISOString(),
    windows: windows.map((window) => ({ id: window.id, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() })),
    busy: busy.map((entry) => ({ startsAt: entry.startsAt.toISOString(), endsAt: entry.endsAt.toISOString(), status: entry.status })),
  };
}
