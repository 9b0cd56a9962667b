/**
 * The garage's names (RevCare spec: revcare-auth-rbac.md), enumerations and their
 * labels. Free of server imports, so client components use them too; `satisfies`
 * keeps them equal to the database enums.
 */
import type { AssignmentStatus, BookingStatus, CarFuel, CarSegment, InspectionRating, InvoiceKind, PaymentMethod, SupportQueryStatus } from "../../generated/prisma/enums";
import type { RoleName } from "../../identity/roles";

export const GARAGE_RESOURCES = {
  SERVICES: "Services",
  SERVICE_CATEGORIES: "Service categories",
  PRICE_CHART: "Price chart",
  SERVICE_REVIEWS: "Service reviews",
  BOOKINGS: "Bookings",
  BOOKED_SERVICES: "Booked services",
  BOOKING_ASSIGNMENT: "Booking assignment",
  BOOKING_ANALYSIS: "Booking analysis",
  BOOKING_PROGRESS: "Booking progress",
  BOOKING_RECOMMENDATIONS: "Booking recommendations",
  CARS: "Car models",
  CUSTOMER_CARS: "Customer cars",
  ADDRESSES: "Addresses",
  AREAS: "Areas",
  CART: "Cart",
  FAVOURITES: "Favourites",
  CONTENT: "Content",
  GST: "GST",
  QUERIES: "Queries",
  NOTIFICATION_LOG: "Notification logs",
  BACKUP: "Backup",
  UTILS: "Utilities",
} as const;
export type GarageResource = keyof typeof GARAGE_RESOURCES;

export const CAR_SEGMENTS = ["HATCHBACK", "SEDAN", "SUV", "MUV", "LUXURY", "EV"] as const satisfies readonly CarSegment[];
export type CarSegmentName = (typeof CAR_SEGMENTS)[number];
export const CAR_FUELS = ["PETROL", "DIESEL", "CNG", "HYBRID", "ELECTRIC"] as const satisfies readonly CarFuel[];
export type CarFuelName = (typeof CAR_FUELS)[number];

export const CAR_SEGMENT_LABELS: Record<CarSegmentName, string> = {
  HATCHBACK: "Hatchback",
  SEDAN: "Sedan",
  SUV: "SUV",
  MUV: "MUV",
  LUXURY: "Luxury",
  EV: "Electric",
};

export const CAR_FUEL_LABELS: Record<CarFuelName, string> = {
  PETROL: "Petrol",
  DIESEL: "Diesel",
  CNG: "CNG",
  HYBRID: "Hybrid",
  ELECTRIC: "Electric",
};

export const BOOKING_STATUSES = [
  "BOOKED",
  "CHECKED_IN",
  "INSPECTING",
  "AWAITING_APPROVAL",
  "IN_PROGRESS",
  "QUALITY_CHECK",
  "READY",
  "DELIVERED",
  "CANCELLED",
] as const satisfies readonly BookingStatus[];
export type BookingStatusName = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatusName, string> = {
  BOOKED: "Booked",
  CHECKED_IN: "Checked in",
  INSPECTING: "Inspecting",
  AWAITING_APPROVAL: "Awaiting approval",
  IN_PROGRESS: "In progress",
  QUALITY_CHECK: "Quality check",
  READY: "Ready for collection",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

/** Bookings that still hold a slot, a car and the customer: they block deleting the car or the account. */
export const OPEN_BOOKING_STATUSES = [
  "BOOKED",
  "CHECKED_IN",
  "INSPECTING",
  "AWAITING_APPROVAL",
  "IN_PROGRESS",
  "QUALITY_CHECK",
  "READY",
] as const satisfies readonly BookingStatusName[];

/** Work has not started in these: an admin may still cancel (a customer only while BOOKED). */
export const ADMIN_CANCELLABLE_BOOKING_STATUSES = ["BOOKED", "CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL"] as const satisfies readonly BookingStatusName[];

/**
 * The workshop's moves a person makes on the status endpoint (and the job board). Two more
 * happen by themselves: submitting the inspection leaves INSPECTING (for AWAITING_APPROVAL
 * when it recommended work, else IN_PROGRESS), and the customer's last decision on
 * recommended work leaves AWAITING_APPROVAL for IN_PROGRESS (and a revision of approved work
 * brings an IN_PROGRESS booking back to AWAITING_APPROVAL). Cancelling has its own endpoint.
 */
export const WORKSHOP_TRANSITIONS: Readonly<Partial<Record<BookingStatusName, readonly BookingStatusName[]>>> = {
  BOOKED: ["CHECKED_IN"],
  CHECKED_IN: ["INSPECTING"],
  IN_PROGRESS: ["QUALITY_CHECK"],
  QUALITY_CHECK: ["IN_PROGRESS", "READY"],
  READY: ["DELIVERED"],
};

export function canMoveTo(from: BookingStatusName, to: BookingStatusName): boolean {
  return WORKSHOP_TRANSITIONS[from]?.includes(to) ?? false;
}

/**
 * A mechanic's assignment: ASSIGNED → ACCEPTED → STARTED → FINISHED (the mechanic, or an admin);
 * REASSIGNED (handed over: its successor names it as `previousId`) and CANCELLED hold no time.
 */
export const ASSIGNMENT_STATUSES = ["ASSIGNED", "ACCEPTED", "STARTED", "FINISHED", "REASSIGNED", "CANCELLED"] as const satisfies readonly AssignmentStatus[];
export type AssignmentStatusName = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatusName, string> = {
  ASSIGNED: "Assigned",
  ACCEPTED: "Accepted",
  STARTED: "Started",
  FINISHED: "Finished",
  REASSIGNED: "Handed over",
  CANCELLED: "Cancelled",
};
/** The mechanic's steps on an assignment: each from exactly one status. */
export const ASSIGNMENT_STEPS = {
  accept: { from: "ASSIGNED", to: "ACCEPTED" },
  start: { from: "ACCEPTED", to: "STARTED" },
  finish: { from: "STARTED", to: "FINISHED" },
} as const satisfies Record<string, { from: AssignmentStatusName; to: AssignmentStatusName }>;
export type AssignmentStep = keyof typeof ASSIGNMENT_STEPS;
/** Assignments an admin may still hand over or cancel: the work is not finished. */
export const LIVE_ASSIGNMENT_STATUSES = ["ASSIGNED", "ACCEPTED", "STARTED"] as const satisfies readonly AssignmentStatusName[];
/** An inspection item's rating; ATTENTION and CRITICAL items can become recommended work. */
export const INSPECTION_RATINGS = ["OK", "ATTENTION", "CRITICAL"] as const satisfies readonly InspectionRating[];
export type InspectionRatingName = (typeof INSPECTION_RATINGS)[number];
export const INSPECTION_RATING_LABELS: Record<InspectionRatingName, string> = { OK: "OK", ATTENTION: "Needs attention", CRITICAL: "Critical" };

export const SUPPORT_QUERY_STATUSES = ["OPEN", "ANSWERED", "CLOSED"] as const satisfies readonly SupportQueryStatus[];
export type SupportQueryStatusName = (typeof SUPPORT_QUERY_STATUSES)[number];
export const SUPPORT_QUERY_STATUS_LABELS: Record<SupportQueryStatusName, string> = { OPEN: "Open", ANSWERED: "Answered", CLOSED: "Closed" };

/** An issued document: an invoice, or a credit note correcting one (its lines negative). */
export const INVOICE_KINDS = ["INVOICE", "CREDIT_NOTE"] as const satisfies readonly InvoiceKind[];
export type InvoiceKindName = (typeof INVOICE_KINDS)[number];
export const INVOICE_NUMBER_PREFIX: Record<InvoiceKindName, string> = { INVOICE: "INV", CREDIT_NOTE: "CN" };

/** How the desk takes money (no payment gateway). */
export const PAYMENT_METHODS = ["CASH", "CARD", "BANK_TRANSFER"] as const satisfies readonly PaymentMethod[];
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethodName, string> = { CASH: "Cash", CARD: "Card at the desk", BANK_TRANSFER: "Bank transfer" };

/** Where a price came from: the chart's row for the car's model, its segment's row, or the service's base price. */
export const PRICE_SOURCES = ["MODEL", "SEGMENT", "BASE"] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/** The shop's pages (Content: read and update only, so the set is fixed; the migration creates them). */
export const CONTENT_SLUGS = ["about", "terms", "faq", "opening-hours"] as const;
export type ContentSlug = (typeof CONTENT_SLUGS)[number];

/**
 * The matrix grants customers several garage scopes only "(own)" (cars, addresses, cart,
 * favourites, bookings, queries): they act on their own rows. Every other role holding
 * such a scope acts on every row. Pure, so navigation and client code can ask too.
 */
export function actsOnOwnRowsOnly(principal: { role: RoleName }): boolean {
  return principal.role === "CUSTOMER";
}

export const GARAGE_TOPICS = [
  "catalogue_events",
  "content_events",
  "car_events",
  "address_events",
  "cart_events",
  "booking_events",
  "query_events",
] as const;
export type GarageTopic = (typeof GARAGE_TOPICS)[number];

/** The `type` of each topic's events (lib/modules/garage/events.ts pairs them with their payloads). */
export const CATALOGUE_EVENT_TYPES = [
  "category.created",
  "category.updated",
  "category.deleted",
  "service.created",
  "service.updated",
  "service.deleted",
  "car_model.created",
  "car_model.updated",
  "car_model.deleted",
  "price.created",
  "price.updated",
  "price.deleted",
  "gst.updated",
  "area.created",
  "area.updated",
  "area.deleted",
  "inspection_template.created",
  "inspection_template.updated",
  "inspection_template.deleted",
  "review.created",
  "review.updated",
  "review.deleted",
] as const;
export type CatalogueEventType = (typeof CATALOGUE_EVENT_TYPES)[number];
export const CONTENT_EVENT_TYPES = ["content.updated"] as const;
export type ContentEventType = (typeof CONTENT_EVENT_TYPES)[number];
export const CAR_EVENT_TYPES = ["car.created", "car.updated", "car.deleted"] as const;
export type CarEventType = (typeof CAR_EVENT_TYPES)[number];
export const ADDRESS_EVENT_TYPES = ["address.created", "address.updated", "address.deleted"] as const;
export type AddressEventType = (typeof ADDRESS_EVENT_TYPES)[number];
export const CART_EVENT_TYPES = ["cart.line_added", "cart.line_updated", "cart.line_removed", "cart.cleared", "favourite.added", "favourite.removed"] as const;
export type CartEventType = (typeof CART_EVENT_TYPES)[number];
export const BOOKING_EVENT_TYPES = [
  "booking.created",
  "booking.updated",
  "booking.cancelled",
  "booking.status_changed",
  "booking.deleted",
  "booking.progress_added",
  "booking.progress_updated",
  "booking.progress_deleted",
  "recommendation.created",
  "recommendation.updated",
  "assignment.created",
  "assignment.updated",
  "assignment.reassigned",
  "assignment.deleted",
  "recommendation.revised",
  "recommendation.approved",
  "recommendation.declined",
  "inspection.started",
  "inspection.updated",
  "inspection.submitted",
  "invoice.issued",
  "invoice.credited",
  "payment.recorded",
] as const;
export type BookingEventType = (typeof BOOKING_EVENT_TYPES)[number];
export const QUERY_EVENT_TYPES = ["query.opened", "query.answered", "query.updated"] as const;
export type QueryEventType = (typeof QUERY_EVENT_TYPES)[number];

/** TanStack Query keys of garage data, invalidated by the topics' events. */
export const GARAGE_QUERY_KEYS: Record<GarageTopic, ReadonlyArray<readonly string[]>> = {
  catalogue_events: [["garage", "catalogue"]],
  content_events: [["garage", "content"]],
  car_events: [["garage", "cars"]],
  address_events: [["garage", "addresses"]],
  cart_events: [["garage", "cart"]],
  booking_events: [["garage", "bookings"]],
  query_events: [["garage", "queries"]],
};

/** Toasts for a customer's own booking and query events (their user channel). */
export const GARAGE_EVENT_TEXT: Readonly<Record<string, { title: string; body: string }>> = {
  "booking.created": { title: "Booking confirmed", body: "See My bookings for your drop-off slot." },
  "booking.updated": { title: "Booking updated", body: "See My bookings for the details." },
  "booking.cancelled": { title: "Booking cancelled", body: "Your drop-off slot is released." },
  "booking.status_changed": { title: "Your car's service moved on", body: "See My bookings for its status." },
  "booking.progress_added": { title: "A note from the workshop", body: "See your booking's timeline." },
  "recommendation.created": { title: "Recommended work awaits your approval", body: "Approve or decline it on your booking's page." },
  "recommendation.revised": { title: "Approved work was changed", body: "It needs your approval again: see your booking's page." },
  "invoice.issued": { title: "Your invoice is ready", body: "See your booking for the invoice and the balance due." },
  "invoice.credited": { title: "Your invoice was corrected", body: "See your booking for the credit note and the balance due." },
  "payment.recorded": { title: "Payment received", body: "See your booking for the receipt and the balance due." },
  "query.answered": { title: "The garage answered your question", body: "See Support for the answer." },
};
