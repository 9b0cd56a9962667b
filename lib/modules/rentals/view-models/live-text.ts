/**
 * What staff pages say about a rental-module event someone else caused. Pure and
 * client-safe: it reads the event's payload (the aggregate after the change).
 */
import { isRentalEventType, VEHICLE_STATUS_LABELS, type RentalEventType, type VehicleStatusName } from "../vocabulary";

interface EventLike {
  type: string;
  payload: unknown;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function string(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function vehicleName(vehicle: Record<string, unknown>): string {
  const name = [string(vehicle.make), string(vehicle.model)].filter(Boolean).join(" ");
  const plate = string(vehicle.plate);
  return name ? (plate ? `${name} (${plate})` : name) : "A vehicle";
}

const RENTAL_VERBS: Record<RentalEventType, string> = {
  "rental.requested": "requested",
  "rental.approved": "approved",
  "rental.rejected": "rejected",
  "rental.picked_up": "picked up",
  "rental.returned": "returned",
  "rental.cancelled": "cancelled",
};

export function describeRentalModuleEvent(event: EventLike): { title: string; body: string } | null {
  const payload = record(event.payload);
  if (isRentalEventType(event.type)) {
    const customer = string(record(payload.customer).name) ?? "A customer";
    const period = string(payload.startDate) && string(payload.endDate) ? `${string(payload.startDate)} → ${string(payload.endDate)}` : "";
    const vehicle = vehicleName(record(payload.vehicle));
    if (event.type === "rental.requested") return { title: "New rental request", body: `${customer}: ${vehicle}, ${period}` };
    return { title: `Rental ${RENTAL_VERBS[event.type]}`, body: `${customer}: ${vehicle}, ${period}` };
  }
  if (event.type === "vehicle.status_changed") {
    const status = string(payload.status) as VehicleStatusName | undefined;
    const label = status && status in VEHICLE_STATUS_LABELS ? VEHICLE_STATUS_LABELS[status] : "changed";
    return { title: "Vehicle status changed", body: `${vehicleName(payload)} is now ${label.toLowerCase()}.` };
  }
  if (event.type.startsWith("vehicle.")) {
    const action = event.type.slice("vehicle.".length);
    return { title: `Vehicle ${action}`, body: vehicleName(payload) };
  }
  if (event.type.startsWith("branch.")) {
    const action = event.type.slice("branch.".length);
    return { title: `Branch ${action}`, body: string(payload.name) ?? "A branch" };
  }
  return null;
}
