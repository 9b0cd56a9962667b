import type { Transaction } from "../../db";
import { recordEvent, type DomainEvent } from "../../events/outbox";
import type { BookingView, SupportQueryView } from "./views";

/**
 * Every event the garage records; each payload is the aggregate's view after the change
 * (before it, for deletions). Topics and types: vocabulary.ts.
 */
export type GarageModuleEvent =
  // ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
  | never
  // ── customers: cars, addresses, cart, favourites ──
  // ── bookings and support queries ──
  | { topic: "booking_events"; type: "booking.created" | "booking.updated" | "booking.cancelled" | "booking.deleted"; payload: BookingView }
  | { topic: "query_events"; type: "query.opened" | "query.answered" | "query.updated"; payload: SupportQueryView }
;

/** Records one of the module's events in the caller's transaction (the outbox): the only way its events are written. */
export async function recordGarageEvent(tx: Transaction, event: DomainEvent<GarageModuleEvent>): Promise<void> {
  await recordEvent(tx, event);
}
