/**
 * The garage's inputs: the zod schemas its services validate with, and the fields of
 * its forms (a 422 on one of them is shown next to it).
 */
import { z } from "zod";
import { idSchema, instantSchema, pageQuery, queryNumber, safeText } from "../../validation";
import { BOOKING_STATUSES, SUPPORT_QUERY_STATUSES } from "./vocabulary";

export const calendarDateInput = z.iso.date("must be a date YYYY-MM-DD");

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──



// ── customers: cars, addresses, cart, favourites ──



// ── bookings, slots and support queries ──
const minutesInput = queryNumber(/^\d{1,16}$/, "must be a whole number").pipe(
  z.number().int("must be a whole number").min(1, "must be at least 1").max(1440, "must be at most 1440"),
);

export const slotQuerySchema = z.object({ date: calendarDateInput, minutes: minutesInput });

const bookingNotes = safeText(1000, { min: 0, multiline: true });

/** Exactly one of `serviceIds` and `fromCart` (the service answers a 422 otherwise). */
export const bookingInputSchema = z.strictObject({
  customerId: safeText(16).optional().describe("Staff only: the customer booked for (customers book for themselves)."),
  carId: idSchema,
  slotStart: instantSchema,
  serviceIds: z.array(idSchema).min(1, "must name at least one service").max(20, "must name at most 20 services").optional(),
  fromCart: z.literal(true).optional().describe("Book the caller's cart lines for the car."),
  pickupAddressId: idSchema.optional(),
  notes: bookingNotes.optional(),
});

export const bookingUpdateSchema = z.strictObject({
  notes: bookingNotes.optional(),
  pickupAddressId: idSchema.nullable().optional().describe("null: drop-off at the shop instead of pick-up."),
});

export const bookingCancelSchema = z.strictObject({ reason: safeText(500, { multiline: true }).optional() });

export const bookingListQuerySchema = z.object({
  status: z.enum(BOOKING_STATUSES).optional(),
  date: calendarDateInput.optional(),
  customerId: safeText(16).optional(),
  sort: z.enum(["-slot", "slot"]).default("-slot"),
  ...pageQuery,
});

export const myBookingsQuerySchema = z.object({ ...pageQuery });

export const supportQueryInputSchema = z.strictObject({
  customerId: safeText(16).optional().describe("Staff only: the customer the query is opened for (customers open their own)."),
  subject: safeText(200),
  message: safeText(5000, { multiline: true }),
  bookingId: idSchema.optional(),
});

export const supportQueryUpdateSchema = z.strictObject({
  answer: safeText(5000, { multiline: true }).optional(),
  status: z.enum(SUPPORT_QUERY_STATUSES).optional(),
});

export const supportQueryListQuerySchema = z.object({ status: z.enum(SUPPORT_QUERY_STATUSES).optional(), ...pageQuery });

export const BOOKING_FIELDS = ["carId", "slotStart", "serviceIds", "fromCart", "pickupAddressId", "notes"] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];
export const SUPPORT_QUERY_FIELDS = ["subject", "message", "bookingId"] as const;
export const SUPPORT_ANSWER_FIELDS = ["answer", "status"] as const;
