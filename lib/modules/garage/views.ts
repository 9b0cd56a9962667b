/**
 * The JSON shapes the garage returns (API, pages, event payloads), as zod schemas (the
 * OpenAPI document and the tests' response checks read them) with their types derived.
 * Money fields end in `Minor` (integer minor units of GARAGE_CURRENCY).
 */
import { z } from "zod";
import { BOOKING_STATUSES, PRICE_SOURCES, SUPPORT_QUERY_STATUSES } from "./vocabulary";

export const instant = z.iso.datetime();
export const calendarDate = z.iso.date();

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──



// ── customers: cars, addresses, cart, favourites ──



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

export const bookingStatusChangeViewSchema = z.strictObject({
  fromStatus: z.enum(BOOKING_STATUSES).nullable(),
  toStatus: z.enum(BOOKING_STATUSES),
  actorName: z.string(),
  note: z.string().nullable(),
  at: instant,
}).meta({ title: "BookingStatusChangeView" });
export type BookingStatusChangeView = z.infer<typeof bookingStatusChangeViewSchema>;

export const bookingDetailViewSchema = bookingViewSchema
  .extend({ services: z.array(bookedServiceViewSchema), history: z.array(bookingStatusChangeViewSchema) })
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
