import type { Transaction } from "../../db";
import { recordEvent, type DomainEvent } from "../../events/outbox";
import type { SqlTransaction } from "../../events/transaction";
import type { CreditTransactionKind } from "../../generated/prisma/client";
import type { CreditMoveView, CreditPooledView, ReservationView, SpotView } from "./views";

/** A spot's new state (the live board listens to these). */
export type SpotEventType =
  | "spot.created"
  | "spot.updated"
  | "spot.deleted"
  | "spot.availability_published"
  | "spot.opened"
  | "spot.closed"
  | "spot.reserved"
  | "spot.reservation_cancelled"
  | "spot.occupied"
  | "spot.released";

export const RESERVATION_EVENT_TYPES = ["reservation.confirmed", "reservation.cancelled", "reservation.started", "reservation.completed"] as const;
export type ReservationEventType = (typeof RESERVATION_EVENT_TYPES)[number];

/** The event each kind of credit move records. */
export const CREDIT_MOVE_EVENT_TYPES = {
  ESCROW_HOLD: "credit.escrow_hold",
  SETTLEMENT: "credit.settlement",
  REFUND: "credit.refund",
} as const satisfies Record<CreditTransactionKind, `credit.${string}`>;
export type CreditMoveEventType = (typeof CREDIT_MOVE_EVENT_TYPES)[CreditTransactionKind];

/** Every event parking records: its topic, its type and its payload. */
export type ParkingEvent =
  | { topic: "parking_events"; type: SpotEventType; payload: SpotView }
  | { topic: "reservation_events"; type: ReservationEventType; payload: ReservationView }
  | { topic: "credit_events"; type: CreditMoveEventType; payload: CreditMoveView }
  | { topic: "credit_events"; type: "credit.pooled"; payload: CreditPooledView };

export type ParkingEventType = ParkingEvent["type"];

export function isReservationEventType(type: string): type is ReservationEventType {
  return (RESERVATION_EVENT_TYPES as readonly string[]).includes(type);
}

/** Records a parking event in the caller's transaction: the one way parking writes to the outbox. */
export async function recordParkingEvent(tx: Transaction | SqlTransaction, event: DomainEvent<ParkingEvent>): Promise<void> {
  await recordEvent(tx, event);
}
