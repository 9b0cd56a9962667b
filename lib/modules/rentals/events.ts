import type { Transaction } from "../../db";
import { recordEvent, type DomainEvent } from "../../events/outbox";
import type { BranchEventType, RentalEventType, VehicleEventType } from "./vocabulary";
import type { BranchView, RentalView, VehicleView } from "./views";

/** Every event the rental module records; each payload is the aggregate's view after the change. */
export type RentalModuleEvent =
  | { topic: "branch_events"; type: BranchEventType; payload: BranchView }
  | { topic: "vehicle_events"; type: VehicleEventType; payload: VehicleView }
  | { topic: "rental_events"; type: RentalEventType; payload: RentalView };

/** Records one of the module's events in the caller's transaction (the outbox): the only way its events are written. */
export async function recordRentalEvent(tx: Transaction, event: DomainEvent<RentalModuleEvent>): Promise<void> {
  await recordEvent(tx, event);
}
