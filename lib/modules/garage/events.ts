import type { Transaction } from "../../db";
import { recordEvent, type DomainEvent } from "../../events/outbox";

/**
 * Every event the garage records; each payload is the aggregate's view after the change
 * (before it, for deletions). Topics and types: vocabulary.ts.
 */
export type GarageModuleEvent =
  // ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
  | never
  // ── customers: cars, addresses, cart, favourites ──
  // ── bookings and support queries ──
;

/** Records one of the module's events in the caller's transaction (the outbox): the only way its events are written. */
export async function recordGarageEvent(tx: Transaction, event: DomainEvent<GarageModuleEvent>): Promise<void> {
  await recordEvent(tx, event);
}
