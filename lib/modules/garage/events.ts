import type { Transaction } from "../../db";
import { type DomainEvent, recordEvent } from "../../events/outbox";
import type {
  AddressView,
  AssignmentEvent,
  ApprovalRecordView,
  AreaView,
  BookingProgressEvent,
  BookingProgressView,
  BookingView,
  CarModelView,
  CartLineView,
  ContentPageView,
  CustomerCarView,
  FavouriteView,
  GstRateView,
  InspectionEvent,
  InspectionTemplateView,
  InvoiceView,
  PaymentView,
  PriceChartEntryView,
  RecommendationView,
  ServiceCategoryView,
  ServiceReviewView,
  ServiceView,
  SupportQueryView,
} from "./views";
import type { AddressEventType, CarEventType } from "./vocabulary";

/**
 * Every event the garage records; each payload is the aggregate's view after the change
 * (before it, for deletions). Topics and types: vocabulary.ts.
 */
export type GarageModuleEvent =
  // ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
  | never
  | { topic: "catalogue_events"; type: "category.created" | "category.updated" | "category.deleted"; payload: ServiceCategoryView }
  | { topic: "catalogue_events"; type: "service.created" | "service.updated" | "service.deleted"; payload: ServiceView }
  | { topic: "catalogue_events"; type: "car_model.created" | "car_model.updated" | "car_model.deleted"; payload: CarModelView }
  | { topic: "catalogue_events"; type: "price.created" | "price.updated" | "price.deleted"; payload: PriceChartEntryView }
  | { topic: "catalogue_events"; type: "gst.updated"; payload: GstRateView }
  | { topic: "catalogue_events"; type: "area.created" | "area.updated" | "area.deleted"; payload: AreaView }
  | { topic: "catalogue_events"; type: "inspection_template.created" | "inspection_template.updated" | "inspection_template.deleted"; payload: InspectionTemplateView }
  | { topic: "catalogue_events"; type: "review.created" | "review.updated" | "review.deleted"; payload: ServiceReviewView }
  | { topic: "content_events"; type: "content.updated"; payload: ContentPageView }
  | { topic: "cart_events"; type: "favourite.added" | "favourite.removed"; payload: FavouriteView }
  // ── customers: cars, addresses, cart, favourites ──
  | { topic: "car_events"; type: CarEventType; payload: CustomerCarView }
  | { topic: "address_events"; type: AddressEventType; payload: AddressView }
  | { topic: "cart_events"; type: "cart.line_added" | "cart.line_updated" | "cart.line_removed"; payload: CartLineView & { ownerId: string } }
  | { topic: "cart_events"; type: "cart.cleared"; payload: { ownerId: string; lineIds: string[] } }
  // ── bookings and support queries ──
  | { topic: "booking_events"; type: "booking.created" | "booking.updated" | "booking.cancelled" | "booking.deleted"; payload: BookingView }
  | { topic: "booking_events"; type: "booking.status_changed"; payload: BookingView & { change: BookingProgressView } }
  | { topic: "booking_events"; type: "recommendation.created" | "recommendation.updated"; payload: RecommendationView & { customerId: string | null; carPlate: string } }
  | { topic: "booking_events"; type: "recommendation.revised"; payload: RecommendationView & { customerId: string | null; carPlate: string } }
  | { topic: "booking_events"; type: "recommendation.approved" | "recommendation.declined"; payload: ApprovalRecordView & { carPlate: string } }
  | { topic: "booking_events"; type: "inspection.started" | "inspection.updated" | "inspection.submitted"; payload: InspectionEvent }
  | { topic: "booking_events"; type: "booking.progress_added" | "booking.progress_updated" | "booking.progress_deleted"; payload: BookingProgressEvent }
  | { topic: "booking_events"; type: "assignment.created" | "assignment.updated" | "assignment.reassigned" | "assignment.deleted"; payload: AssignmentEvent }
  | { topic: "booking_events"; type: "invoice.issued" | "invoice.credited"; payload: InvoiceView & { creditNote?: InvoiceView } }
  | { topic: "booking_events"; type: "payment.recorded"; payload: PaymentView & { bookingId: string; customerId: string | null; invoiceNumber: string; balanceDueMinor: number; currency: string } }
  | { topic: "query_events"; type: "query.opened" | "query.answered" | "query.updated"; payload: SupportQueryView }
;


/** Records one of the module's events in the caller's transaction (the outbox): the only way its events are written. */
export async function recordGarageEvent(tx: Transaction, event: DomainEvent<GarageModuleEvent>): Promise<void> {
  await recordEvent(tx, event);
}
