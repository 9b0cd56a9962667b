import type { Transaction } from "../db";
import type { Prisma } from "../generated/prisma/client";

export const TOPICS = [
  "user_events",
  "vehicle_events",
  "branch_events",
  "rental_events",
  "parking_events",
  "reservation_events",
  "credit_events",
  "booking_events",
  "security_events",
] as const;
export type Topic = (typeof TOPICS)[number];

export interface DomainEvent {
  topic: Topic;
  /** The aggregate's id. */
  key: string;
  /** e.g. `user.registered`, `rental.approved`. */
  type: string;
  /** The aggregate's full state after the change (any JSON-serialisable object). */
  payload: object;
  actor: string | null;
  schemaVersion?: number;
}

/** Records an event in the caller's transaction (the outbox); it commits or rolls back with the change. */
export async function recordEvent(tx: Transaction, event: DomainEvent): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      topic: event.topic,
      key: event.key,
      type: event.type,
      payload: JSON.parse(JSON.stringify(event.payload)) as Prisma.InputJsonObject,
      actor: event.actor,
      schemaVersion: event.schemaVersion ?? 1,
    },
  });
}
