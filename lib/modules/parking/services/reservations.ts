import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, NotFoundError } from "../../../errors";
import type { Prisma } from "../../../generated/prisma/client";
import { hasScope, requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { ACCOUNT_GONE } from "../../../identity/account-locks";
import { actsForOthers, liveSpotOwner, lockPeople, lockSpot, NOT_FOUND, PARKING_CONSTRAINTS, parkingHorizon, parkingTransaction } from "./common";
import { moveCredits } from "./credits";
import { withConflicts } from "../../../db-conflicts";
import { spotChanged } from "./spots";
import { recordParkingEvent } from "../events";
import type { ReservationView } from "../views";
import { reservationListSchema, reserveInputSchema } from "../schemas";
import { LIVE_RESERVATION_STATUSES } from "../vocabulary";
import { parkingSettings } from "../settings";

const reservationInclude = {
  spot: { select: { id: true, label: true, zone: true, kind: true } },
  reserver: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.ReservationInclude;
type ReservationRow = Prisma.ReservationGetPayload<{ include: typeof reservationInclude }>;

export function toReservationView(row: ReservationRow): ReservationView {
  return {
    id: row.id,
    spot: row.spot,
    reserver: row.reserver,
    owner: row.owner,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    cost: row.cost,
    settledAt: row.settledAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelledById: row.cancelledById,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function reservationViewIn(tx: Transaction | typeof db, id: string): Promise<ReservationView> {
  return toReservationView(await tx.reservation.findUniqueOrThrow({ where: { id }, include: reservationInclude }));
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  const config = parkingSettings();
  if (startsAt.getTime() <= Date.now()) throw fieldError(["body", "startsAt"], "must be in the future");
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (minutes < config.PARKING_MIN_RESERVATION_MINUTES) {
    throw fieldError(["body", "endsAt"], `a reservation lasts at least ${config.PARKING_MIN_RESERVATION_MINUTES} minutes`);
  }
  if (minutes > config.PARKING_MAX_RESERVATION_HOURS * 60) {
    throw fieldError(["body", "endsAt"], `a reservation lasts at most ${config.PARKING_MAX_RESERVATION_HOURS} hours`);
  }
  if (endsAt.getTime() > parkingHorizon()) {
    throw fieldError(["body", "endsAt"], `must be within ${config.PARKING_MAX_WINDOW_DAYS} days from now`);
  }
}

const DAY_MS = 86_400_000;

/** Anti-gaming: reservations made in the last 24 hours, by the reserver and between the two people (one statement). */
async function checkDailyLimits(tx: Transaction, reserverId: string, ownerId: string): Promise<void> {
  const config = parkingSettings();
  const since = new Date(Date.now() - DAY_MS);
  const [counts] = await tx.$queryRaw<Array<{ made: bigint; between_them: bigint }>>`
    SELECT count(*) FILTER (WHERE reserver_id = ${reserverId}) AS made,
           count(*) FILTER (WHERE (reserver_id = ${reserverId} AND owner_id = ${ownerId}) OR (reserver_id = ${ownerId} AND owner_id = ${reserverId})) AS between_them
    FROM reservations
    WHERE created_at >= ${since} AND (reserver_id = ${reserverId} OR reserver_id = ${ownerId})`;
  if (Number(counts?.made ?? 0) >= config.PARKING_DAILY_RESERVATION_LIMIT) {
    throw new ConflictError(`You can make at most ${config.PARKING_DAILY_RESERVATION_LIMIT} reservations a day.`);
  }
  if (Number(counts?.between_them ?? 0) >= config.PARKING_PAIR_DAILY_LIMIT) {
    throw new ConflictError(`At most ${config.PARKING_PAIR_DAILY_LIMIT} reservations a day between the same two people.`);
  }
}

/**
 * `POST /reservations`: inside one published window, in the future, 15 min–24 h, not
 * one's own spot, within the daily limits, paid into escrow. Overlaps are refused by
 * the database's exclusion constraints (per spot and per reserver) as 409s.
 */
export async function reserve(principal: Principal, input: unknown): Promise<ReservationView> {
  await requireScope(principal, "WRITE:RESERVATIONS");
  const { spotId, startsAt, endsAt } = parseInput(reserveInputSchema, input);
  checkTimes(startsAt, endsAt);
  const cost = parkingSettings().PARKING_RESERVATION_COST;
  return withConflicts(
    () =>
      parkingTransaction(async (tx) => {
        // A spot's owner never changes, so it can be read before anything is locked.
        const ownerId = await liveSpotOwner(tx, spotId);
        if (ownerId === principal.userId) throw new ConflictError("You cannot reserve your own spot.");
        // Both people first (their credit moves and daily counts, and against their
        // accounts' deletion), then the spot: the lock order of every parking transaction.
        const present = await lockPeople(tx, [principal.userId, ownerId]);
        const reserver = present.get(principal.userId);
        const owner = present.get(ownerId);
        if (!reserver) throw new NotFoundError(ACCOUNT_GONE);
        if (!owner) throw new NotFoundError(NOT_FOUND.spot);
        const spot = await lockSpot(tx, spotId, "share");
        const covering = await tx.availabilityWindow.findFirst({
          where: { spotId, startsAt: { lte: startsAt }, endsAt: { gte: endsAt } },
          select: { id: true },
        });
        if (!covering) throw new ConflictError("The spot is not offered for that whole time.");
        await checkDailyLimits(tx, principal.userId, spot.owner_id);

        const created = await tx.reservation.create({
          data: { spotId, reserverId: principal.userId, ownerId: spot.owner_id, startsAt, endsAt, cost, status: "CONFIRMED" },
        });
        const balance = await moveCredits(tx, {
          userId: principal.userId,
          amount: -cost,
          kind: "ESCROW_HOLD",
          reservationId: created.id,
          actor: principal.userId,
        });
        if (balance === null) {
          const { credits } = await tx.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { credits: true } });
          throw new ConflictError(`Insufficient credits: you have ${credits}, this costs ${cost}.`, { balance: credits, cost });
        }
        // Built from what this transaction wrote and locked, not read back.
        const view = toReservationView({
          ...created,
          spot: { id: spot.id, label: spot.label, zone: spot.zone, kind: spot.kind },
          reserver: { id: principal.userId, name: reserver.name },
          owner: { id: ownerId, name: owner.name },
        });
        await recordParkingEvent(tx, { topic: "reservation_events", key: created.id, type: "reservation.confirmed", payload: view, actor: principal.userId });
        await spotChanged(tx, spotId, "spot.reserved", principal.userId);
        return view;
      }),
    { constraints: PARKING_CONSTRAINTS },
  );
}

/**
 * `GET /reservations`: mine — made by me or on my spots (`role=reserver|owner`);
 * with `all=true` everyone's, for holders of `READ:RESERVATIONS` who act for others (admins).
 */
export async function listReservations(principal: Principal, query: unknown): Promise<Page<ReservationView>> {
  await requireScope(principal, "READ:RESERVATIONS");
  const filter = parseQuery(reservationListSchema, query);
  const everyone = filter.all === true && actsForOthers(principal) && hasScope(principal, "READ:RESERVATIONS");
  const mine: Prisma.ReservationWhereInput =
    filter.role === "reserver"
      ? { reserverId: principal.userId }
      : filter.role === "owner"
        ? { ownerId: principal.userId }
        : { OR: [{ reserverId: principal.userId }, { ownerId: principal.userId }] };
  const where: Prisma.ReservationWhereInput = { AND: [everyone ? {} : mine, filter.status ? { status: filter.status } : {}] };
  const [rows, total] = await Promise.all([
    db.reservation.findMany({ where, include: reservationInclude, orderBy: { startsAt: "desc" }, take: filter.limit, skip: filter.offset }),
    db.reservation.count({ where }),
  ]);
  return { items: rows.map(toReservationView), total };
}

/** The reserver, the spot's owner and admins see a reservation; to anyone else it does not exist. */
async function visibleReservation(principal: Principal, client: Transaction | typeof db, id: string) {
  const row = await client.reservation.findUnique({ where: { id }, include: reservationInclude });
  if (!row || (row.reserverId !== principal.userId && row.ownerId !== principal.userId && !actsForOthers(principal))) {
    throw new NotFoundError(NOT_FOUND.reservation);
  }
  return row;
}

export async function getReservation(principal: Principal, reservationId: string): Promise<ReservationView> {
  await requireScope(principal, "READ:RESERVATIONS");
  const id = pathId(reservationId, NOT_FOUND.reservation);
  return toReservationView(await visibleReservation(principal, db, id));
}

/**
 * `POST /reservations/{id}/cancel`: the reserver, the owner or an admin, before the
 * start; the escrowed cost goes back to the reserver in full.
 */
export async function cancelReservation(principal: Principal, reservationId: string): Promise<ReservationView> {
  await requireScope(principal, "UPDATE:RESERVATIONS");
  const id = pathId(reservationId, NOT_FOUND.reservation);
  return parkingTransaction(async (tx) => {
    const row = await visibleReservation(principal, tx, id);
    await lockPeople(tx, [row.reserverId, row.ownerId]);
    if (row.status !== "CONFIRMED" || row.startsAt.getTime() <= Date.now()) {
      throw new ConflictError(`Only a confirmed reservation can be cancelled before it starts; this one is ${row.status.toLowerCase()}.`);
    }
    const cancelled = await tx.reservation.updateMany({
      where: { id, status: "CONFIRMED", settledAt: null },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelledById: principal.userId },
    });
    if (cancelled.count === 0) throw new ConflictError("The reservation changed meanwhile; reload and try again.");
    await moveCredits(tx, { userId: row.reserverId, amount: row.cost, kind: "REFUND", reservationId: id, actor: principal.userId });
    const view = await reservationViewIn(tx, id);
    await recordParkingEvent(tx, { topic: "reservation_events", key: id, type: "reservation.cancelled", payload: view, actor: principal.userId });
    await spotChanged(tx, row.spotId, "spot.reservation_cancelled", principal.userId);
    return view;
  });
}

/** Live reservations an account is part of (as reserver or spot owner): their escrowed credits would vanish with the rows. */
export async function countLiveReservations(tx: Transaction, userId: string): Promise<number> {
  return tx.reservation.count({ where: { OR: [{ reserverId: userId }, { ownerId: userId }], status: { in: [...LIVE_RESERVATION_STATUSES] } } });
}
