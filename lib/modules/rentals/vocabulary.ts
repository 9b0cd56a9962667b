/**
 * The rental module's enumerations and their labels. Free of server imports, so
 * client components use them too; `satisfies` keeps them equal to the database enums.
 */
import type { FuelType, RentalStatus, Transmission, VehicleStatus, VehicleType } from "../../generated/prisma/enums";
import type { RoleName } from "../../identity/roles";

export const VEHICLE_TYPES = ["CAR", "SUV", "VAN", "TRUCK", "MOTORBIKE"] as const satisfies readonly VehicleType[];
export const TRANSMISSIONS = ["MANUAL", "AUTOMATIC"] as const satisfies readonly Transmission[];
export const FUELS = ["PETROL", "DIESEL", "HYBRID", "ELECTRIC"] as const satisfies readonly FuelType[];
export const VEHICLE_STATUSES = ["AVAILABLE", "RENTED", "MAINTENANCE", "RETIRED"] as const satisfies readonly VehicleStatus[];
export const RENTAL_STATUSES = ["PENDING", "APPROVED", "REJECTED", "ACTIVE", "COMPLETED", "CANCELLED"] as const satisfies readonly RentalStatus[];

export type VehicleTypeName = (typeof VEHICLE_TYPES)[number];
export type TransmissionName = (typeof TRANSMISSIONS)[number];
export type FuelName = (typeof FUELS)[number];
export type VehicleStatusName = (typeof VEHICLE_STATUSES)[number];
export type RentalStatusName = (typeof RENTAL_STATUSES)[number];

/** Statuses staff may set by hand; RENTED follows from picking up and returning a rental. */
export const SETTABLE_VEHICLE_STATUSES = ["AVAILABLE", "MAINTENANCE", "RETIRED"] as const satisfies readonly VehicleStatusName[];
/** A vehicle in one of these cannot be approved for a rental. */
export const UNRENTABLE_VEHICLE_STATUSES = ["MAINTENANCE", "RETIRED"] as const satisfies readonly VehicleStatusName[];
/** A customer may cancel a rental in these statuses, before its start date. */
export const CANCELLABLE_RENTAL_STATUSES = ["PENDING", "APPROVED"] as const satisfies readonly RentalStatusName[];

/** Whether the customer can still cancel (the service decides; pages use this to offer the button). */
export function isCancellable(rental: { status: RentalStatusName; startDate: string }, today: string): boolean {
  return (CANCELLABLE_RENTAL_STATUSES as readonly string[]).includes(rental.status) && rental.startDate > today;
}

/** Rentals that hold the vehicle: only these are exclusive. */
export const BOOKED_RENTAL_STATUSES = ["APPROVED", "ACTIVE"] as const satisfies readonly RentalStatusName[];

export const VEHICLE_TYPE_LABELS: Record<VehicleTypeName, string> = {
  CAR: "Car",
  SUV: "SUV",
  VAN: "Van",
  TRUCK: "Truck",
  MOTORBIKE: "Motorbike",
};

export const TRANSMISSION_LABELS: Record<TransmissionName, string> = { MANUAL: "Manual", AUTOMATIC: "Automatic" };

export const FUEL_LABELS: Record<FuelName, string> = {
  PETROL: "Petrol",
  DIESEL: "Diesel",
  HYBRID: "Hybrid",
  ELECTRIC: "Electric",
};

export const VEHICLE_STATUS_LABELS: Record<VehicleStatusName, string> = {
  AVAILABLE: "Available",
  RENTED: "Rented",
  MAINTENANCE: "Maintenance",
  RETIRED: "Retired",
};

export const RENTAL_STATUS_LABELS: Record<RentalStatusName, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const VEHICLE_SORTS = ["make", "-make", "price", "-price", "year", "-year"] as const;
export type VehicleSort = (typeof VEHICLE_SORTS)[number];

export const VEHICLE_SORT_LABELS: Record<VehicleSort, string> = {
  make: "Make A–Z",
  "-make": "Make Z–A",
  price: "Price: low to high",
  "-price": "Price: high to low",
  year: "Year: oldest first",
  "-year": "Year: newest first",
};

/**
 * The matrix grants customers their RENTALS scopes "(own)": they request, see and
 * cancel their own rentals. Every other role holding a RENTALS scope is rental
 * staff and acts on every rental (approve, reject, hand over, take back).
 * Pure, so navigation and client code can ask too.
 */
export function isRentalStaff(principal: { role: RoleName }): boolean {
  return principal.role !== "CUSTOMER";
}

export const RENTAL_RESOURCES = {
  BRANCHES: "Branches",
  VEHICLES: "Vehicles",
  RENTALS: "Rentals",
} as const;
export type RentalResource = keyof typeof RENTAL_RESOURCES;

export const RENTAL_TOPICS = ["vehicle_events", "branch_events", "rental_events"] as const;
export type RentalTopic = (typeof RENTAL_TOPICS)[number];

/** The `type` of each topic's events (lib/modules/rentals/events.ts pairs them with their payloads). */
export const BRANCH_EVENT_TYPES = ["branch.created", "branch.updated", "branch.deleted"] as const;
export type BranchEventType = (typeof BRANCH_EVENT_TYPES)[number];
export const VEHICLE_EVENT_TYPES = ["vehicle.created", "vehicle.updated", "vehicle.status_changed", "vehicle.deleted"] as const;
export type VehicleEventType = (typeof VEHICLE_EVENT_TYPES)[number];
export const RENTAL_EVENT_TYPES = ["rental.requested", "rental.approved", "rental.rejected", "rental.picked_up", "rental.returned", "rental.cancelled"] as const;
export type RentalEventType = (typeof RENTAL_EVENT_TYPES)[number];

export function isRentalEventType(type: string): type is RentalEventType {
  return (RENTAL_EVENT_TYPES as readonly string[]).includes(type);
}

/** Rentals that still commit the customer (and a vehicle): they block deleting the account. */
export const OPEN_RENTAL_STATUSES = ["PENDING", "APPROVED", "ACTIVE"] as const satisfies readonly RentalStatusName[];

/** The queries each rentals topic's events change. */
export const RENTAL_QUERY_KEYS: Record<RentalTopic, ReadonlyArray<readonly string[]>> = {
  vehicle_events: [["vehicles"]],
  branch_events: [["branches"]],
  rental_events: [["rentals"]],
};

/** Toasts for a customer's own rental events (their user channel). */
export const RENTAL_EVENT_TEXT: Readonly<Record<RentalEventType, { title: string; body: string }>> = {
  "rental.requested": { title: "Rental requested", body: "The rental desk will approve or decline it soon." },
  "rental.approved": { title: "Your rental was approved", body: "See My rentals for the details." },
  "rental.rejected": { title: "Your rental request was declined", body: "See My rentals for the reason." },
  "rental.picked_up": { title: "Rental picked up", body: "Enjoy your trip." },
  "rental.returned": { title: "Rental completed", body: "Thanks for returning the vehicle." },
  "rental.cancelled": { title: "Rental cancelled", body: "The booking is withdrawn." },
};
