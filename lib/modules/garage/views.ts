/**
 * The JSON shapes the garage returns (API, pages, event payloads), as zod schemas (the
 * OpenAPI document and the tests' response checks read them) with their types derived.
 * Money fields end in `Minor` (integer minor units of GARAGE_CURRENCY).
 */
import { z } from "zod";
import {
  ASSIGNMENT_STATUSES,
  BOOKING_STATUSES,
  type BookingStatusName,
  CAR_FUELS,
  CAR_SEGMENTS,
  CONTENT_SLUGS,
  INVOICE_KINDS,
  PAYMENT_METHODS,
  PRICE_SOURCES,
  SUPPORT_QUERY_STATUSES,
} from "./vocabulary";

export const instant = z.iso.datetime();
export const calendarDate = z.iso.date();

/** A service's reviews in sum: the average rating (null without reviews) and how many there are. */
export const serviceRatingSchema = z
  .strictObject({
    average: z.number().min(1).max(5).nullable().describe("Mean of the ratings, rounded to one decimal; null without reviews."),
    count: z.number().int().min(0),
  })
  .meta({ title: "ServiceRating" });
export type ServiceRating = z.infer<typeof serviceRatingSchema>;

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──

const money = { currency: z.string() };

export const serviceCategoryViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    position: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "ServiceCategoryView" });
export type ServiceCategoryView = z.infer<typeof serviceCategoryViewSchema>;

export const serviceViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    categoryId: z.string(),
    category: z.strictObject({ id: z.string(), name: z.string(), slug: z.string() }),
    labourMinutes: z.number().int(),
    basePriceMinor: z.number().int(),
    ...money,
    gstCode: z.string(),
    active: z.boolean(),
    rating: serviceRatingSchema,
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "ServiceView" });
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const carModelViewSchema = z
  .strictObject({
    id: z.string(),
    make: z.string(),
    model: z.string(),
    yearFrom: z.number().int(),
    yearTo: z.number().int().nullable(),
    segment: z.enum(CAR_SEGMENTS),
    fuel: z.enum(CAR_FUELS),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "CarModelView" });
export type CarModelView = z.infer<typeof carModelViewSchema>;

export const priceChartEntryViewSchema = z
  .strictObject({
    id: z.string(),
    serviceId: z.string(),
    carModelId: z.string().nullable(),
    segment: z.enum(CAR_SEGMENTS).nullable(),
    priceMinor: z.number().int(),
    ...money,
    validFrom: calendarDate,
    validUntil: calendarDate.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "PriceChartEntryView" });
export type PriceChartEntryView = z.infer<typeof priceChartEntryViewSchema>;

export const servicePriceViewSchema = z
  .strictObject({
    serviceId: z.string(),
    carModelId: z.string(),
    priceMinor: z.number().int(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    gstCode: z.string(),
    gstBasisPoints: z.number().int(),
    ...money,
    source: z.enum(PRICE_SOURCES),
    priceChartId: z.string().nullable(),
    validFrom: calendarDate.nullable(),
    validUntil: calendarDate.nullable(),
    date: calendarDate,
  })
  .meta({ title: "ServicePriceView" });
export type ServicePriceView = z.infer<typeof servicePriceViewSchema>;

export const gstRateViewSchema = z
  .strictObject({ code: z.string(), label: z.string(), basisPoints: z.number().int(), updatedAt: instant })
  .meta({ title: "GstRateView" });
export type GstRateView = z.infer<typeof gstRateViewSchema>;

export const areaViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    postcode: z.string(),
    active: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "GarageAreaView" });
export type AreaView = z.infer<typeof areaViewSchema>;

export const contentPageViewSchema = z
  .strictObject({ slug: z.enum(CONTENT_SLUGS), title: z.string(), body: z.string(), html: z.string(), updatedAt: instant })
  .meta({ title: "ContentPageView" });
export type ContentPageView = z.infer<typeof contentPageViewSchema>;

export const favouriteViewSchema = z
  .strictObject({
    ownerId: z.string(),
    serviceId: z.string(),
    createdAt: instant,
    service: z.strictObject({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      categoryId: z.string(),
      labourMinutes: z.number().int(),
      basePriceMinor: z.number().int(),
      ...money,
      active: z.boolean(),
    }),
  })
  .meta({ title: "FavouriteView" });
export type FavouriteView = z.infer<typeof favouriteViewSchema>;


// ── customers: cars, addresses, cart, favourites ──

export const carModelSummarySchema = z
  .strictObject({
    id: z.string(),
    make: z.string(),
    model: z.string(),
    yearFrom: z.number().int(),
    yearTo: z.number().int().nullable(),
    segment: z.enum(CAR_SEGMENTS),
    fuel: z.enum(CAR_FUELS),
  })
  .meta({ title: "CarModelSummary" });
export type CarModelSummary = z.infer<typeof carModelSummarySchema>;

export const customerCarViewSchema = z
  .strictObject({
    id: z.string(),
    ownerId: z.string(),
    carModelId: z.string(),
    carModel: carModelSummarySchema,
    plate: z.string(),
    plateKey: z.string().describe("The plate without spaces, dashes, dots or case: unique across the system."),
    vin: z.string().nullable(),
    colour: z.string(),
    odometerKm: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "CustomerCarView" });
export type CustomerCarView = z.infer<typeof customerCarViewSchema>;

export const addressViewSchema = z
  .strictObject({
    id: z.string(),
    ownerId: z.string(),
    areaId: z.string(),
    area: z.strictObject({ id: z.string(), name: z.string(), city: z.string(), active: z.boolean() }),
    label: z.string(),
    line1: z.string(),
    line2: z.string(),
    postcode: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ title: "GarageAddressView" });
export type AddressView = z.infer<typeof addressViewSchema>;

export const cartLineViewSchema = z
  .strictObject({
    id: z.string(),
    serviceId: z.string(),
    service: z.strictObject({ id: z.string(), name: z.string(), slug: z.string(), labourMinutes: z.number().int(), active: z.boolean() }),
    carId: z.string(),
    car: z.strictObject({ id: z.string(), plate: z.string(), carModel: carModelSummarySchema }),
    priceShownMinor: z.number().int().describe("The price when the line was added (or its new price was accepted)."),
    priceNowMinor: z.number().int().describe("Today's price for this service and car."),
    taxNowMinor: z.number().int(),
    gstBasisPoints: z.number().int().describe("Today's GST rate on the line, in hundredths of a percent."),
    priceChanged: z.boolean(),
    available: z.boolean().describe("False once the service is no longer offered: such lines are left out of the totals."),
    addedAt: instant,
  })
  .meta({ title: "CartLineView" });
export type CartLineView = z.infer<typeof cartLineViewSchema>;

export const cartViewSchema = z
  .strictObject({
    ownerId: z.string(),
    lines: z.array(cartLineViewSchema),
    subtotalMinor: z.number().int(),
    taxMinor: z.number().int(),
    totalMinor: z.number().int(),
    labourMinutes: z.number().int(),
    currency: z.string(),
    changedLines: z.number().int().describe("How many lines' prices changed since they were shown."),
  })
  .meta({ title: "CartView" });
export type CartView = z.infer<typeof cartViewSchema>;


// ── bookings, slots and support queries ──
export const garageSlotViewSchema = z.strictObject({
  start: instant,
  end: instant,
  freeBays: z.number().int(),
}).meta({ title: "GarageSlotView" });
export type GarageSlotView = z.infer<typeof garageSlotViewSchema>;

export const bookingViewSchema = z.strictObject({
  id: z.string(),
  customerId: z.string().nullable(),
  customer: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  carId: z.string().nullable(),
  carPlate: z.string(),
  carDescription: z.string(),
  slotStart: instant,
  slotEnd: instant,
  bay: z.number().int(),
  labourMinutes: z.number().int(),
  pickupAddressId: z.string().nullable(),
  pickupText: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  notes: z.string(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  currency: z.string(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  promisedAt: instant.nullable().describe("When the shop promised the car back (set at check-in)."),
  odometerInKm: z.number().int().nullable().describe("Read at check-in."),
  odometerOutKm: z.number().int().nullable().describe("Read at delivery."),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "BookingView" });
export type BookingView = z.infer<typeof bookingViewSchema>;

export const bookedServiceViewSchema = z.strictObject({
  id: z.string(),
  bookingId: z.string(),
  serviceId: z.string().nullable(),
  serviceName: z.string(),
  labourMinutes: z.number().int(),
  priceMinor: z.number().int(),
  priceSource: z.enum(PRICE_SOURCES),
  gstCode: z.string(),
  gstBasisPoints: z.number().int(),
  taxMinor: z.number().int(),
  currency: z.string(),
}).meta({ title: "BookedServiceView" });
export type BookedServiceView = z.infer<typeof bookedServiceViewSchema>;

/** One entry of a booking's timeline: a status transition (toStatus set) or a note from the shop (toStatus null). */
export const bookingProgressViewSchema = z.strictObject({
  id: z.string(),
  fromStatus: z.enum(BOOKING_STATUSES).nullable(),
  toStatus: z.enum(BOOKING_STATUSES).nullable(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: instant,
  editedAt: instant.nullable(),
}).meta({ title: "BookingProgressView" });
export type BookingProgressView = z.infer<typeof bookingProgressViewSchema>;

/** A progress entry as its events carry it: with the booking and its customer, who hear it. */
export type BookingProgressEvent = BookingProgressView & { bookingId: string; customerId: string | null; carPlate: string; status: BookingStatusName };

export const bookingDetailViewSchema = bookingViewSchema
  .extend({ services: z.array(bookedServiceViewSchema), progress: z.array(bookingProgressViewSchema) })
  .meta({ title: "BookingDetailView" });
export type BookingDetailView = z.infer<typeof bookingDetailViewSchema>;

/** 409 on booking: the slot is full or the work does not fit; the next free slots for the same work. */
export const bookingConflictSchema = z.strictObject({
  detail: z.string(),
  nextFreeSlots: z.array(garageSlotViewSchema),
}).meta({ title: "BookingConflict" });

export const supportQueryViewSchema = z.strictObject({
  id: z.string(),
  customerId: z.string(),
  bookingId: z.string().nullable(),
  subject: z.string(),
  message: z.string(),
  status: z.enum(SUPPORT_QUERY_STATUSES),
  answer: z.string().nullable(),
  answeredById: z.string().nullable(),
  answeredAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "SupportQueryView" });
export type SupportQueryView = z.infer<typeof supportQueryViewSchema>;

// ── the workshop floor: recommended work ──

export const recommendationViewSchema = z.strictObject({
  id: z.string(),
  bookingId: z.string(),
  carId: z.string().nullable(),
  inspectionItemId: z.string().nullable(),
  deferredFromId: z.string().nullable().describe("The declined recommendation of an earlier booking this one offers again."),
  serviceId: z.string().nullable(),
  serviceName: z.string(),
  severity: z.enum(["ATTENTION", "CRITICAL"]),
  reason: z.string(),
  labourMinutes: z.number().int(),
  chartPriceMinor: z.number().int().describe("What the price chart says for the car."),
  priceSource: z.enum(PRICE_SOURCES),
  priceMinor: z.number().int().describe("The price offered: the chart's unless adjusted with a reason."),
  adjustmentReason: z.string().nullable(),
  gstCode: z.string(),
  gstBasisPoints: z.number().int(),
  taxMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(["PENDING", "APPROVED", "DECLINED"]),
  version: z.number().int().describe("Bumped by every edit; an approval names the version it approved."),
  bookedServiceId: z.string().nullable(),
  createdByName: z.string(),
  decidedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "RecommendationView" });
export type RecommendationView = z.infer<typeof recommendationViewSchema>;

/** A card of the workshop's job board. */
export const workshopCardViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(BOOKING_STATUSES),
  carPlate: z.string(),
  carDescription: z.string(),
  customerName: z.string().nullable(),
  slotStart: instant,
  promisedAt: instant.nullable(),
  labourMinutesEstimated: z.number().int().describe("The booked labour."),
  labourMinutesDone: z.number().int().describe("Time the mechanics have worked on it so far (started assignments)."),
  mechanics: z.array(z.strictObject({ id: z.string().nullable(), name: z.string() })),
  approval: z.strictObject({ pending: z.number().int(), approved: z.number().int(), declined: z.number().int() }),
  nextStatuses: z.array(z.enum(BOOKING_STATUSES)).describe("Where a person can move it (the status endpoint's flow)."),
  mayMove: z.boolean().describe("Whether the caller may move it: admins, and mechanics assigned to it."),
}).meta({ title: "WorkshopCardView" });
export type WorkshopCardView = z.infer<typeof workshopCardViewSchema>;

/** The garage dashboard's figures over the last `days` shop days (today included). */
export const garageDashboardViewSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string(),
  days: z.array(
    z.strictObject({
      date: z.iso.date(),
      bookings: z.number().int().describe("Drop-offs that day, cancelled ones left out."),
      cancelled: z.number().int(),
      invoicedMinor: z.number().int().describe("Invoices issued that day less credit notes."),
      paidMinor: z.number().int().describe("Payments received that day."),
      approved: z.number().int().describe("Recommendations the customers approved that day."),
      declined: z.number().int(),
    }),
  ),
  approvalRate: z.number().nullable().describe("Approved ÷ decided recommendations over the period; null when none was decided."),
  mechanics: z.array(
    z.strictObject({
      id: z.string().nullable(),
      name: z.string(),
      assignedMinutes: z.number().int(),
      openMinutes: z.number().int().describe("The shop's opening minutes over the period."),
      utilisation: z.number().describe("assignedMinutes ÷ openMinutes."),
    }),
  ),
}).meta({ title: "GarageDashboardView" });
export type GarageDashboardView = z.infer<typeof garageDashboardViewSchema>;
// ── the workshop floor: mechanics' assignments ──

/** What an assignment shows of its booking: enough for the mechanic's job list. */
export const assignmentBookingSchema = z.strictObject({
  id: z.string(),
  carPlate: z.string(),
  carDescription: z.string(),
  status: z.enum(BOOKING_STATUSES),
  slotStart: instant,
  promisedAt: instant.nullable(),
  labourMinutes: z.number().int(),
}).meta({ title: "AssignmentBooking" });

export const assignmentViewSchema = z.strictObject({
  id: z.string(),
  bookingId: z.string(),
  bookedServiceId: z.string().nullable(),
  bookedServiceName: z.string().nullable(),
  mechanicId: z.string().nullable().describe("Null once the mechanic's account is deleted; the name stays."),
  mechanicName: z.string(),
  startsAt: instant,
  endsAt: instant.describe("Exclusive."),
  minutes: z.number().int(),
  status: z.enum(ASSIGNMENT_STATUSES),
  assignedByName: z.string(),
  acceptedAt: instant.nullable(),
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  previousId: z.string().nullable().describe("The assignment this one was handed over from (its status is REASSIGNED)."),
  note: z.string().nullable(),
  booking: assignmentBookingSchema,
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "AssignmentView" });
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

/** An assignment as its events carry it: with the booking's customer and the mechanic, who hear it (and, when handed over, the one it left). */
export type AssignmentEvent = AssignmentView & { customerId: string | null; previousMechanicId?: string | null };
// ── the workshop floor: the customer's decisions (immutable authorization records) ──

export const approvalItemViewSchema = z.strictObject({
  id: z.string(),
  recommendationId: z.string(),
  version: z.number().int().describe("The recommendation's version decided on."),
  serviceName: z.string(),
  priceMinor: z.number().int(),
  taxMinor: z.number().int(),
}).meta({ title: "ApprovalItemView" });
export type ApprovalItemView = z.infer<typeof approvalItemViewSchema>;

export const approvalRecordViewSchema = z.strictObject({
  id: z.string(),
  bookingId: z.string(),
  decision: z.enum(["APPROVED", "DECLINED"]),
  channel: z.enum(["IN_APP", "PHONE"]).describe("IN_APP: the customer in the app; PHONE: staff recorded what the customer said."),
  customerId: z.string().nullable().describe("The customer the decision is for (null once the account is deleted)."),
  customerName: z.string(),
  recordedById: z.string().nullable(),
  recordedByName: z.string(),
  amountMinor: z.number().int().describe("The decided items' price plus tax."),
  currency: z.string(),
  note: z.string().nullable(),
  at: instant,
  items: z.array(approvalItemViewSchema),
}).meta({ title: "ApprovalRecordView" });
export type ApprovalRecordView = z.infer<typeof approvalRecordViewSchema>;

/** What one call of POST /bookings/{id}/approvals did: its records (one per decision) and the booking after it. */
export const approvalOutcomeViewSchema = z.strictObject({
  records: z.array(approvalRecordViewSchema),
  booking: bookingViewSchema,
  recommendations: z.array(recommendationViewSchema).describe("The decided recommendations after the decision."),
}).meta({ title: "ApprovalOutcomeView" });
export type ApprovalOutcomeView = z.infer<typeof approvalOutcomeViewSchema>;
// ── workshop: inspection templates, inspections and their photos ──

export const inspectionTemplateItemViewSchema = z.strictObject({
  id: z.string(),
  position: z.number().int(),
  label: z.string(),
  measurementUnit: z.string().nullable().describe('e.g. "mm" (tyre tread) or "%" (brake pad); null when the item takes no measurement.'),
  serviceId: z.string().nullable().describe("The service recommended when the item is flagged."),
  serviceName: z.string().nullable(),
}).meta({ title: "InspectionTemplateItemView" });
export type InspectionTemplateItemView = z.infer<typeof inspectionTemplateItemViewSchema>;

export const inspectionTemplateViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  items: z.array(inspectionTemplateItemViewSchema),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "InspectionTemplateView" });
export type InspectionTemplateView = z.infer<typeof inspectionTemplateViewSchema>;

export const inspectionPhotoViewSchema = z.strictObject({
  id: z.string(),
  itemId: z.string(),
  contentType: z.enum(["image/jpeg", "image/png", "image/webp"]).describe("The original's type, from its bytes."),
  sizeBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string().describe("The display copy (at most 1280 px wide)."),
  originalUrl: z.string(),
  uploadedById: z.string().nullable(),
  createdAt: instant,
}).meta({ title: "InspectionPhotoView" });
export type InspectionPhotoView = z.infer<typeof inspectionPhotoViewSchema>;

export const inspectionItemViewSchema = z.strictObject({
  id: z.string(),
  position: z.number().int(),
  label: z.string(),
  rating: z.enum(["OK", "ATTENTION", "CRITICAL"]).nullable().describe("Null until rated; every item is rated before submitting."),
  note: z.string(),
  measurement: z.number().nullable(),
  measurementUnit: z.string().nullable(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  photos: z.array(inspectionPhotoViewSchema),
  recommendationId: z.string().nullable(),
}).meta({ title: "InspectionItemView" });
export type InspectionItemView = z.infer<typeof inspectionItemViewSchema>;

export const inspectionViewSchema = z.strictObject({
  id: z.string(),
  bookingId: z.string(),
  templateId: z.string().nullable(),
  templateName: z.string(),
  mechanicId: z.string().nullable(),
  mechanicName: z.string(),
  summary: z.string(),
  submittedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  items: z.array(inspectionItemViewSchema),
}).meta({ title: "InspectionView" });
export type InspectionView = z.infer<typeof inspectionViewSchema>;

/** An inspection as its events carry it: with the booking's customer, who hears it. */
export type InspectionEvent = InspectionView & { customerId: string | null; carPlate: string };

export const inspectionSubmittedViewSchema = z.strictObject({
  inspection: inspectionViewSchema,
  recommendations: z.array(recommendationViewSchema),
  booking: bookingViewSchema,
}).meta({ title: "InspectionSubmittedView" });
export type InspectionSubmittedView = z.infer<typeof inspectionSubmittedViewSchema>;
// ── the workshop floor: reviews, invoices and payments ──

export const serviceReviewViewSchema = z.strictObject({
  id: z.string(),
  bookedServiceId: z.string(),
  bookingId: z.string(),
  serviceId: z.string().nullable(),
  serviceName: z.string(),
  customerId: z.string().nullable(),
  authorName: z.string(),
  rating: z.number().int().min(1).max(5),
  text: z.string(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "ServiceReviewView" });
export type ServiceReviewView = z.infer<typeof serviceReviewViewSchema>;

export const invoiceLineViewSchema = z.strictObject({
  position: z.number().int(),
  description: z.string(),
  priceMinor: z.number().int(),
  gstCode: z.string(),
  gstBasisPoints: z.number().int(),
  taxMinor: z.number().int(),
}).meta({ title: "InvoiceLineView" });
export type InvoiceLineView = z.infer<typeof invoiceLineViewSchema>;

export const paymentViewSchema = z.strictObject({
  id: z.string(),
  invoiceId: z.string(),
  amountMinor: z.number().int(),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string(),
  recordedByName: z.string(),
  receivedAt: instant,
}).meta({ title: "PaymentView" });
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** An issued document, as lists show it: invoice or credit note, with what is still due on an invoice. */
export const invoiceViewSchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INVOICE_KINDS),
  bookingId: z.string(),
  correctsId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string(),
  carPlate: z.string(),
  carDescription: z.string(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  currency: z.string(),
  note: z.string().nullable(),
  issuedByName: z.string(),
  issuedAt: instant,
  creditedMinor: z.number().int().describe("What credit notes took off this invoice (positive; 0 on a credit note)."),
  paidMinor: z.number().int(),
  balanceDueMinor: z.number().int().min(0).describe("total − credited − paid; never negative (0 on a credit note)."),
}).meta({ title: "InvoiceView" });
export type InvoiceView = z.infer<typeof invoiceViewSchema>;

export const creditNoteSummarySchema = invoiceViewSchema
  .omit({ creditedMinor: true, paidMinor: true, balanceDueMinor: true })
  .extend({ lines: z.array(invoiceLineViewSchema) })
  .meta({ title: "CreditNoteView" });
export type CreditNoteView = z.infer<typeof creditNoteSummarySchema>;

export const invoiceDetailViewSchema = invoiceViewSchema
  .extend({ lines: z.array(invoiceLineViewSchema), payments: z.array(paymentViewSchema), creditNotes: z.array(creditNoteSummarySchema) })
  .meta({ title: "InvoiceDetailView" });
export type InvoiceDetailView = z.infer<typeof invoiceDetailViewSchema>;
