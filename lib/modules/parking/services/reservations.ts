import { randomUUID } from "node:crypto";
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, NotFoundError } from "../../../errors";
import type { Prisma } from "../../../generated/prisma/client";
import { hasScope, requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { ACCOUNT_GONE } from "../../../identity/account-locks";
import { actsForOthers, lockPeople, NOT_FOUND, PARKING_CONSTRAINTS, parkingHorizon, parkingSqlTransaction, parkingTransaction } from "./common";
import { moveCredits, recordCreditMove } from "./credits";
import { withConflicts } from "../../../db-conflicts";
import { spotChanged, toSpotView } from "./spots";
import { recordParkingEvent } from "../events";
import type { ReservationView } from "../views";
import { reservationListSchema, reserveInputSchema } from "../schemas";
import { LIVE_RESERVATION_STATUSES, type ReservationStatusName, type SpotKindName } from "../vocabulary";
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

interface PersonRow {
  owner_id: string;
  id: string;
  name: string;
}

interface SpotStateRow {
  label: string;
  zone: string;
  kind: SpotKindName;
  description: string;
  created_at: Date;
  updated_at: Date;
  covered: boolean;
  made: number;
  between_them: number;
  windows: Array<{ id: string; startsAt: string; endsAt: string }>;
  next_reservation: { startsAt: string; endsAt: string; status: ReservationStatusName } | null;
}

interface EscrowHoldRow {
  transaction_id: string | null;
  balance: number | null;
  credits: number;
  escrow_before: number;
}

/**
 * Both people, in id order, for the rest of the transaction (their credit moves and daily counts, and against
 * their accounts' deletion: the lock order of every parking transaction, see `lockPeople`), with the spot's owner,
 * which never changes and so is read without locking the spot. No row: no live spot.
 * FOR NO KEY UPDATE still excludes every other writer of these people and their deletion (FOR UPDATE), but not a
 * transaction that only refers to them: a foreign key's KEY SHARE, such as the notifications consumer's batch
 * inserting rows for several people in event order, which otherwise could deadlock with this lock's id order.
 */
const LOCK_PEOPLE = `
  SELECT spot.owner_id, person.id, person.name
  FROM parking_spots spot
  JOIN users person ON person.id IN ($2::text, spot.owner_id)
  WHERE spot.id = $1::uuid AND spot.deleted_at IS NULL
  ORDER BY person.id
  FOR NO KEY UPDATE OF person`;

/**
 * The spot, shared-locked (reservations of one spot proceed side by side; its edits and deletion wait), with what
 * the checks need (a window covering [$2, $3], the daily counts since $4 for reserver $5 and owner $6) and what its
 * view on the live board needs (windows not ended at $7, its next live reservation).
 */
const LOCK_SPOT = `
  SELECT spot.label, spot.zone, spot.kind::text AS kind, spot.description, spot.created_at, spot.updated_at,
    EXISTS (SELECT 1 FROM availability_windows w WHERE w.spot_id = spot.id AND w.starts_at <= $2 AND w.ends_at >= $3) AS covered,
    counts.made, counts.between_them,
    (SELECT coalesce(json_agg(json_build_object('id', w.id, 'startsAt', w.starts_at, 'endsAt', w.ends_at) ORDER BY w.starts_at), '[]'::json)
       FROM (SELECT id, starts_at, ends_at FROM availability_windows WHERE spot_id = spot.id AND ends_at > $7
             ORDER BY starts_at LIMIT 20) w) AS windows,
    (SELECT json_build_object('startsAt', r.starts_at, 'endsAt', r.ends_at, 'status', r.status)
       FROM reservations r
       WHERE r.spot_id = spot.id AND r.status::text = ANY($8::text[]) AND r.ends_at > $7
       ORDER BY r.starts_at LIMIT 1) AS next_reservation
  FROM parking_spots spot
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE reserver_id = $5)::int AS made,
           count(*) FILTER (WHERE (reserver_id = $5 AND owner_id = $6) OR (reserver_id = $6 AND owner_id = $5))::int AS between_them
    FROM reservations
    WHERE created_at >= $4 AND (reserver_id = $5 OR reserver_id = $6)) counts
  WHERE spot.id = $1::uuid AND spot.deleted_at IS NULL
  FOR SHARE OF spot`;

/**
 * The reservation ($1…$6, cost $7, at $8) and its escrow hold: a guarded debit of the reserver (never below zero:
 * no ledger row then, and `balance` is null) with its ledger row. `credits` and `escrow_before` are as they were
 * before this statement (the reserver is locked, so nothing else changed them).
 */
const RESERVE_AND_HOLD = `
  WITH reservation AS (
    INSERT INTO reservations (id, spot_id, reserver_id, owner_id, starts_at, ends_at, status, cost, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::text, $4::text, $5::timestamptz, $6::timestamptz, 'CONFIRMED', $7::int, $8::timestamptz, $8::timestamptz)
    RETURNING id
  ), debit AS (
    UPDATE users SET parking_credits = parking_credits - $7::int, updated_at = now()
    WHERE id = $3::text AND parking_credits >= $7::int
    RETURNING parking_credits
  ), entry AS (
    INSERT INTO credit_transactions (user_id, reservation_id, kind, amount, balance_after, created_at)
    SELECT $3::text, reservation.id, 'ESCROW_HOLD', -($7::int), debit.parking_credits, $8::timestamptz FROM reservation, debit
    RETURNING id, balance_after
  )
  SELECT (SELECT id::text FROM entry) AS transaction_id,
         (SELECT balance_after FROM entry) AS balance,
         (SELECT parking_credits FROM users WHERE id = $3::text) AS credits,
         (SELECT coalesce(sum(cost), 0)::int FROM reservations
          WHERE reserver_id = $3::text AND status = 'CONFIRMED' AND settled_at IS NULL) AS escrow_before`;

/**
 * `POST /reservations`: inside one published window, in the future, 15 min–24 h, not
 * one's own spot, within the daily limits, paid into escrow. Overlaps are refused by
 * the database's exclusion constraints (per spot and per reserver) as 409s.
 *
 * The busiest write there is, so it is four statements in SQL (`sqlTransaction`, no Prisma) plus the outbox's one;
 * the responses and events are built from what the transaction read and wrote, not read back.
 */
export async function reserve(principal: Principal, input: unknown): Promise<ReservationView> {
  await requireScope(principal, "WRITE:RESERVATIONS");
  const { spotId, startsAt, endsAt } = parseInput(reserveInputSchema, input);
  checkTimes(startsAt, endsAt);
  const config = parkingSettings();
  const cost = config.PARKING_RESERVATION_COST;
  const reserverId = principal.userId;
  return withConflicts(
    () =>
      parkingSqlTransaction(async (tx) => {
        const people = await tx.query<PersonRow>(LOCK_PEOPLE, [spotId, reserverId]);
        const ownerId = people[0]?.owner_id;
        if (ownerId === undefined) throw new NotFoundError(NOT_FOUND.spot);
        if (ownerId === reserverId) throw new ConflictError("You cannot reserve your own spot.");
        const reserver = people.find((person) => person.id === reserverId);
        const owner = people.find((person) => person.id === ownerId);
        if (!reserver) throw new NotFoundError(ACCOUNT_GONE);
        if (!owner) throw new NotFoundError(NOT_FOUND.spot);

        const now = new Date();
        const [spot] = await tx.query<SpotStateRow>(LOCK_SPOT, [
          spotId,
          startsAt,
          endsAt,
          new Date(now.getTime() - DAY_MS),
          reserverId,
          ownerId,
          now,
          [...LIVE_RESERVATION_STATUSES],
        ]);
        if (!spot) throw new NotFoundError(NOT_FOUND.spot);
        if (!spot.covered) throw new ConflictError("The spot is not offered for that whole time.");
        if (spot.made >= config.PARKING_DAILY_RESERVATION_LIMIT) {
          throw new ConflictError(`You can make at most ${config.PARKING_DAILY_RESERVATION_LIMIT} reservations a day.`);
        }
        if (spot.between_them >= config.PARKING_PAIR_DAILY_LIMIT) {
          throw new ConflictError(`At most ${config.PARKING_PAIR_DAILY_LIMIT} reservations a day between the same two people.`);
        }

        const id = randomUUID();
        const createdAt = new Date();
        const [hold] = await tx.query<EscrowHoldRow>(RESERVE_AND_HOLD, [id, spotId, reserverId, ownerId, startsAt, endsAt, cost, createdAt]);
        if (!hold || hold.transaction_id === null || hold.balance === null) {
          const credits = hold?.credits ?? 0;
          throw new ConflictError(`Insufficient credits: you have ${credits}, this costs ${cost}.`, { balance: credits, cost });
        }
        const view: ReservationView = {
          id,
          spot: { id: spotId, label: spot.label, zone: spot.zone, kind: spot.kind },
          reserver: { id: reserverId, name: reserver.name },
          owner: { id: ownerId, name: owner.name },
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          status: "CONFIRMED",
          cost,
          settledAt: null,
          cancelledAt: null,
          cancelledById: null,
          completedAt: null,
          createdAt: createdAt.toISOString(),
        };
        await recordCreditMove(
          tx,
          { userId: reserverId, amount: -cost, kind: "ESCROW_HOLD", reservationId: id, actor: reserverId },
          { transactionId: hold.transaction_id, balance: hold.balance, escrow: hold.escrow_before + cost },
        );
        await recordParkingEvent(tx, { topic: "reservation_events", key: id, type: "reservation.confirmed", payload: view, actor: reserverId });
        const earlier = spot.next_reservation && new Date(spot.next_reservation.startsAt) < startsAt ? spot.next_reservation : null;
        const spotView = toSpotView(
          {
            id: spotId,
            label: spot.label,
            zone: spot.zone,
            kind: spot.kind,
            description: spot.description,
            createdAt: spot.created_at,
            updatedAt: spot.updated_at,
            owner: { id: ownerId, name: owner.name },
            windows: spot.windows.map((window) => ({ id: window.id, startsAt: new Date(window.startsAt), endsAt: new Date(window.endsAt) })),
            reservations: [
              earlier
                ? { startsAt: new Date(earlier.startsAt), endsAt: new Date(earlier.endsAt), status: earlier.status }
                : { startsAt, endsAt, status: "CONFIRMED" },
            ],
          },
          now,
        );
        await recordParkingEvent(tx, { topic: "parking_events", key: spotId, type: "spot.reserved", payload: spotView, actor: reserverId });
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
