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
  | { topic: "car_events"; type: CarEventType; payload: CustomerCarView }
  | { topic: "address_events"; type: AddressEventType; payload: AddressView }
  | { topic: "cart_events"; type: "cart.line_added" | "cart.line_updated" | "cart.line_removed"; payload: CartLineView & { ownerId: string } }
  | { topic: "cart_events"; type: "cart.cleared"; payload: { ownerId: string; lineIds: string[] } }
  // ── bookings and support queries ──
;

// ── customers: imports ──
import type { AddressEventType, CarEventType } from "./vocabulary";
import type { AddressView, CartLineView, CustomerCarView } from "./views";

/** Records one of the module's events in the caller's transaction (the outbox): the only way its events are written. */
export async function recordGarageEvent(tx: Transaction, event: DomainEvent<GarageModuleEvent>): Promise<void> {
  await recordEvent(tx, event);
}
