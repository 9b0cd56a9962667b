import { db, type PrismaClient } from "../../../db";
import { invalidateSpotLists } from "./cache";
import { lockPeople } from "./common";
import { moveCredits } from "./credits";
import { reservationViewIn } from "./reservations";
import { spotChanged } from "./spots";
import { recordParkingEvent } from "../events";
import type { LifecycleResult } from "../views";

const SYSTEM_ACTOR = "system:scheduler";

/**
 * Moves reservations along at their start (CONFIRMED → ACTIVE, escrow settles to
 * the owner) and end (ACTIVE → COMPLETED), catching up on anything missed while
 * no scheduler ran. Each step is a guarded update in its own transaction, so two
 * schedulers running at once settle every reservation exactly once.
 */
export async function advanceReservations(client: PrismaClient = db, asOf: Date = new Date(), batch = 200): Promise<LifecycleResult> {
  const result: LifecycleResult = { activated: 0, completed: 0 };

  // One query finds both kinds of due reservation: at rest, that is all a run costs.
  const due = await client.reservation.findMany({
    where: {
      OR: [
        { status: "CONFIRMED", startsAt: { lte: asOf } },
        { status: "ACTIVE", endsAt: { lte: asOf } },
      ],
    },
    orderBy: { startsAt: "asc" },
    take: batch,
    select: { id: true, reserverId: true, ownerId: true, status: true, endsAt: true },
  });
  const starting = due.filter((reservation) => reservation.status === "CONFIRMED");
  // A reservation whose whole time passed unseen starts and ends in this one run.
  const ending = due.filter((reservation) => reservation.endsAt <= asOf);
  for (const { id, reserverId, ownerId } of starting) {
    const activated = await client.$transaction(async (tx) => {
      await lockPeople(tx, [reserverId, ownerId]);
      const claimed = await tx.reservation.updateMany({
        where: { id, status: "CONFIRMED", settledAt: null, startsAt: { lte: asOf } },
        data: { status: "ACTIVE", settledAt: asOf },
      });
      if (claimed.count === 0) return false;
      const reservation = await tx.reservation.findUniqueOrThrow({ where: { id } });
      await moveCredits(tx, { userId: reservation.ownerId, amount: reservation.cost, kind: "SETTLEMENT", reservationId: id, actor: SYSTEM_ACTOR });
      await recordParkingEvent(tx, { topic: "reservation_events", key: id, type: "reservation.started", payload: await reservationViewIn(tx, id), actor: SYSTEM_ACTOR });
      await spotChanged(tx, reservation.spotId, "spot.occupied", SYSTEM_ACTOR);
      return true;
    });
    if (activated) result.activated += 1;
  }

  for (const { id } of ending) {
    const completed = await client.$transaction(async (tx) => {
      const claimed = await tx.reservation.updateMany({
        where: { id, status: "ACTIVE", endsAt: { lte: asOf } },
        data: { status: "COMPLETED", completedAt: asOf },
      });
      if (claimed.count === 0) return false;
      const view = await reservationViewIn(tx, id);
      await recordParkingEvent(tx, { topic: "reservation_events", key: id, type: "reservation.completed", payload: view, actor: SYSTEM_ACTOR });
      await spotChanged(tx, view.spot.id, "spot.released", SYSTEM_ACTOR);
      return true;
    });
    if (completed) result.completed += 1;
  }

  if (result.activated + result.completed > 0) await invalidateSpotLists();
  return result;
}

/** When the lifecycle next has work: the earliest start of a confirmed reservation or end of an active one (null: none). */
export async function nextReservationTransition(client: PrismaClient = db): Promise<Date | null> {
  const [row] = await client.$queryRaw<Array<{ next: Date | null }>>`
    SELECT LEAST(
      (SELECT min(starts_at) FROM reservations WHERE status = 'CONFIRMED'),
      (SELECT min(ends_at) FROM reservations WHERE status = 'ACTIVE')) AS next`;
  return row?.next ?? null;
}

/** The scheduler's job: move what is due along, and say when the next reservation is due. */
export async function reservationLifecycleJob(): Promise<{ nextDueAt: Date | null }> {
  await advanceReservations();
  return { nextDueAt: await nextReservationTransition() };
}
