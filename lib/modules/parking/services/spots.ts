import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { ACCOUNT_GONE, lockAccounts } from "../../../identity/account-locks";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { cachedSpotList } from "./cache";
import { actsForOthers, lockSpot, NOT_FOUND, PARKING_CONSTRAINTS, parkingTransaction } from "./common";
import { withConflicts } from "../../../db-conflicts";
import type { SpotView } from "../views";
import { spotFilterSchema, spotInputSchema, spotUpdateSchema } from "../schemas";
import { LIVE_RESERVATION_STATUSES, type ReservationStatusName, type SpotKindName } from "../vocabulary";
import { recordParkingEvent, type SpotEventType } from "../events";

/** What a spot view needs, loaded in a fixed number of queries however many spots. */
function spotInclude(now: Date) {
  return {
    owner: { select: { id: true, name: true } },
    windows: { where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 20 },
    reservations: {
      where: { status: { in: [...LIVE_RESERVATION_STATUSES] }, endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      take: 1,
      select: { startsAt: true, endsAt: true, status: true },
    },
  } satisfies Prisma.ParkingSpotInclude;
}
/** What a spot's view is made of: a row loaded with `spotInclude`, or what a transaction read itself (`reserve`). */
export interface SpotViewSource {
  id: string;
  label: string;
  zone: string;
  description: string;
  kind: SpotKindName;
  createdAt: Date;
  updatedAt: Date;
  owner: { id: string; name: string };
  /** Its windows that have not ended, by start, at most 20. */
  windows: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date }>;
  /** Its next live reservation that has not ended, if any. */
  reservations: ReadonlyArray<{ startsAt: Date; endsAt: Date; status: ReservationStatusName }>;
}

export function toSpotView(row: SpotViewSource, now: Date): SpotView {
  const next = row.reservations[0] ?? null;
  const inWindow = row.windows.some((window) => window.startsAt <= now && window.endsAt > now);
  const reservedNow = next !== null && next.startsAt <= now && next.endsAt > now;
  return {
    id: row.id,
    label: row.label,
    zone: row.zone,
    description: row.description,
    kind: row.kind,
    owner: { id: row.owner.id, name: row.owner.name },
    availableNow: inWindow && !reservedNow,
    availability: row.windows.map((window) => ({
      id: window.id,
      startsAt: window.startsAt.toISOString(),
      endsAt: window.endsAt.toISOString(),
    })),
    nextReservation: next ? { startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString(), status: next.status } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Free for the whole of [from, to): inside one window, no live reservation overlapping. */
function freeDuring(from: Date, to: Date): Prisma.ParkingSpotWhereInput {
  return {
    windows: { some: { startsAt: { lte: from }, endsAt: { gte: to } } },
    reservations: { none: { status: { in: [...LIVE_RESERVATION_STATUSES] }, startsAt: { lt: to }, endsAt: { gt: from } } },
  };
}

/** Spots with their owner, open windows and next reservation. Cached; invalidated by every parking change. */
export async function listSpots(principal: Principal, input: unknown): Promise<Page<SpotView>> {
  await requireScope(principal, "READ:SPOTS");
  const filter = parseQuery(spotFilterSchema, input);
  return cachedSpotList(filter, async () => {
    const now = new Date();
    const conditions: Prisma.ParkingSpotWhereInput[] = [{ deletedAt: null }];
    if (filter.zone) conditions.push({ zone: { equals: filter.zone, mode: "insensitive" } });
    if (filter.kind) conditions.push({ kind: filter.kind });
    if (filter.ownerId) conditions.push({ ownerId: filter.ownerId });
    if (filter.availableNow !== undefined) {
      const freeNow = freeDuring(now, new Date(now.getTime() + 1000));
      conditions.push(filter.availableNow ? freeNow : { NOT: freeNow });
    }
    if (filter.availableFrom && filter.availableTo) conditions.push(freeDuring(filter.availableFrom, filter.availableTo));
    const where: Prisma.ParkingSpotWhereInput = { AND: conditions };
    const [rows, total] = await Promise.all([
      db.parkingSpot.findMany({
        where,
        include: spotInclude(now),
        orderBy: [{ zone: "asc" }, { label: "asc" }],
        take: filter.limit,
        skip: filter.offset,
      }),
      db.parkingSpot.count({ where }),
    ]);
    return { items: rows.map((row) => toSpotView(row, now)), total };
  });
}

/** One's own spots: only residents (customers) own any, so for anyone else the list is empty. */
export async function listOwnSpots(principal: Principal): Promise<SpotView[]> {
  await requireScope(principal, "READ:SPOTS");
  if (principal.role !== "CUSTOMER") return [];
  return (await listSpots(principal, { ownerId: principal.userId, limit: 200 })).items;
}

export async function getSpot(principal: Principal, spotId: string): Promise<SpotView> {
  await requireScope(principal, "READ:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  const now = new Date();
  const row = await db.parkingSpot.findFirst({ where: { id, deletedAt: null }, include: spotInclude(now) });
  if (!row) throw new NotFoundError(NOT_FOUND.spot);
  return toSpotView(row, now);
}

/** Reloads a spot inside a transaction, for event payloads and responses. */
export async function spotViewIn(tx: Transaction, id: string): Promise<SpotView> {
  const now = new Date();
  const row = await tx.parkingSpot.findUniqueOrThrow({ where: { id }, include: spotInclude(now) });
  return toSpotView(row, now);
}

/** The spot's new state, recorded on `parking_events` as `type` (the live board listens to these); returns it. */
export async function spotChanged(tx: Transaction, spotId: string, type: SpotEventType, actor: string): Promise<SpotView> {
  const view = await spotViewIn(tx, spotId);
  await recordParkingEvent(tx, { topic: "parking_events", key: spotId, type, payload: view, actor });
  return view;
}

/** A deleted spot as the board last sees it: offered never again. */
export function deletedSpotView(view: SpotView): SpotView {
  return { ...view, availability: [], availableNow: false };
}

/** Residents (customers) register their own spots. */
export async function createSpot(principal: Principal, input: unknown): Promise<SpotView> {
  await requireScope(principal, "WRITE:SPOTS");
  const data = parseInput(spotInputSchema, input);
  if (principal.role !== "CUSTOMER") throw new ForbiddenError("Only residents (customer accounts) own parking spots.");
  return withConflicts(
    () =>
      parkingTransaction(async (tx) => {
        // Against the account's deletion meanwhile (see lockAccounts).
        if (!(await lockAccounts(tx, [principal.userId], "key share")).has(principal.userId)) throw new NotFoundError(ACCOUNT_GONE);
        const spot = await tx.parkingSpot.create({ data: { ...data, ownerId: principal.userId } });
        return spotChanged(tx, spot.id, "spot.created", principal.userId);
      }),
    { constraints: PARKING_CONSTRAINTS },
  );
}

async function ownedSpotFor(principal: Principal, tx: Transaction, spotId: string) {
  const spot = await lockSpot(tx, spotId);
  if (spot.owner_id !== principal.userId && !actsForOthers(principal)) {
    throw new ForbiddenError("Only the spot's owner or an admin may change it.");
  }
  return spot;
}

export async function updateSpot(principal: Principal, spotId: string, input: unknown): Promise<SpotView> {
  await requireScope(principal, "UPDATE:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  const changes = parseInput(spotUpdateSchema, input);
  return withConflicts(
    () =>
      parkingTransaction(async (tx) => {
        await ownedSpotFor(principal, tx, id);
        await tx.parkingSpot.update({ where: { id }, data: changes });
        return spotChanged(tx, id, "spot.updated", principal.userId);
      }),
    { constraints: PARKING_CONSTRAINTS },
  );
}

/** A spot with upcoming (confirmed or active) reservations stays. Deleting keeps the history. */
export async function deleteSpot(principal: Principal, spotId: string): Promise<void> {
  await requireScope(principal, "DELETE:SPOTS");
  const id = pathId(spotId, NOT_FOUND.spot);
  await parkingTransaction(async (tx) => {
    await ownedSpotFor(principal, tx, id);
    const upcoming = await tx.reservation.findFirst({
      where: { spotId: id, status: { in: [...LIVE_RESERVATION_STATUSES] }, endsAt: { gt: new Date() } },
      orderBy: { startsAt: "asc" },
    });
    if (upcoming) {
      throw new ConflictError(
        `The spot has an upcoming reservation (${upcoming.id}, ${upcoming.startsAt.toISOString()} – ${upcoming.endsAt.toISOString()}); cancel it first.`,
        { reservationId: upcoming.id },
      );
    }
    const view = await spotViewIn(tx, id);
    await tx.availabilityWindow.deleteMany({ where: { spotId: id } });
    await tx.parkingSpot.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordParkingEvent(tx, { topic: "parking_events", key: id, type: "spot.deleted", payload: deletedSpotView(view), actor: principal.userId });
  });
}
