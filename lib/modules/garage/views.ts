/**
 * The JSON shapes the garage returns (API, pages, event payloads), as zod schemas (the
 * OpenAPI document and the tests' response checks read them) with their types derived.
 * Money fields end in `Minor` (integer minor units of GARAGE_CURRENCY).
 */
import { z } from "zod";
import {
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
