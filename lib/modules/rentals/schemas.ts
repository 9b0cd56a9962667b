/**
 * The rental module's inputs: the zod schemas its services validate with, and the
 * fields of its forms (a 422 on one of them is shown next to it).
 */
import { z } from "zod";
import { idSchema, pageQuery, phoneSchema, queryBoolean, queryNumber, safeText } from "../../validation";
import { addDays, daysBetween, parseCalendarDate, today } from "./view-models/dates";
import { hasWholeCents, toCents } from "./view-models/money";
import {
  FUELS,
  RENTAL_STATUSES,
  SETTABLE_VEHICLE_STATUSES,
  TRANSMISSIONS,
  VEHICLE_SORTS,
  VEHICLE_STATUSES,
  VEHICLE_TYPES,
} from "./vocabulary";

const calendarDate = z.string("must be a date YYYY-MM-DD").transform((value, context) => {
  const date = parseCalendarDate(value);
  if (!date) {
    context.addIssue({ code: "custom", message: "must be a date YYYY-MM-DD" });
    return z.NEVER;
  }
  return date;
});

// ── branches ─────────────────────────────────────────────────────────────────

/** Names compare without case or repeated spaces (a unique index on lower(name) holds it). */
const nameSchema = safeText(100).transform((value) => value.replace(/\s+/g, " "));

export const branchInputSchema = z.object({
  name: nameSchema,
  address: safeText(200),
  city: safeText(100),
  phone: phoneSchema,
  openingHours: safeText(200),
  active: z.boolean().default(true),
});

export const branchUpdateSchema = z
  .object({
    name: nameSchema,
    address: safeText(200),
    city: safeText(100),
    phone: phoneSchema,
    openingHours: safeText(200),
    active: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one field to change");

export const branchListQuerySchema = z.object({
  city: safeText(100).optional(),
  active: queryBoolean.optional(),
  ...pageQuery,
});

// ── vehicles ─────────────────────────────────────────────────────────────────

export const FIRST_VEHICLE_YEAR = 1950;
const latestVehicleYear = () => new Date().getUTCFullYear() + 1;

const yearSchema = z
  .number("must be a year")
  .int("must be a whole year")
  .min(FIRST_VEHICLE_YEAR, `must be ${FIRST_VEHICLE_YEAR} or later`)
  .refine((year) => year <= latestVehicleYear(), { message: "must not be later than next year" });

/**
 * Plates are stored upper-case with single spaces, and compare on their letters and
 * digits alone: "ab 123", "AB-123" and "AB123" are one plate (a unique index holds it).
 */
const plateSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, " ").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9 -]{0,14}[A-Z0-9]$|^[A-Z0-9]$/, "must be 1 to 16 letters, digits, spaces or dashes"));

export const dailyPriceSchema = z
  .number("must be an amount")
  .positive("must be more than 0")
  .max(100_000, "must be at most 100000")
  .refine(hasWholeCents, { message: "must have at most two decimals" })
  .refine((amount) => toCents(amount) >= 1, { message: "must be at least 0.01" });

const photoUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(500)
  .nullable();

const vehicleFields = {
  make: safeText(60),
  model: safeText(60),
  year: yearSchema,
  type: z.enum(VEHICLE_TYPES),
  plate: plateSchema,
  seats: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100"),
  transmission: z.enum(TRANSMISSIONS),
  fuel: z.enum(FUELS),
  dailyPrice: dailyPriceSchema,
  branchId: idSchema,
  photoUrl: photoUrlSchema,
};

export const vehicleInputSchema = z.object({
  ...vehicleFields,
  photoUrl: photoUrlSchema.optional().default(null),
  status: z.enum(SETTABLE_VEHICLE_STATUSES, "must be AVAILABLE, MAINTENANCE or RETIRED").default("AVAILABLE"),
});

export const vehicleUpdateSchema = z
  .object(vehicleFields)
  .partial()
  .extend({ status: z.never("change the status with PATCH /vehicles/{id}/status").optional() })
  .refine((value) => Object.keys(value).length > 0, "give at least one field to change");

export const vehicleStatusSchema = z.object({
  status: z.enum(SETTABLE_VEHICLE_STATUSES, "must be AVAILABLE, MAINTENANCE or RETIRED (RENTED follows from a pick-up)"),
});

const priceParam = queryNumber(/^\d{1,6}(\.\d{1,2})?$/, "must be an amount like 25 or 24.99").pipe(z.number().min(0).max(100_000, "must be at most 100000"));

export const vehicleListQuerySchema = z
  .object({
    type: z.enum(VEHICLE_TYPES).optional(),
    status: z.enum(VEHICLE_STATUSES).optional(),
    branchId: idSchema.optional(),
    city: safeText(100).optional(),
    q: safeText(60).optional(),
    minPrice: priceParam.optional(),
    maxPrice: priceParam.optional(),
    availableFrom: calendarDate.optional(),
    availableTo: calendarDate.optional(),
    sort: z.enum(VEHICLE_SORTS).default("make"),
    ...pageQuery,
  })
  .superRefine((query, context) => {
    if ((query.availableFrom === undefined) !== (query.availableTo === undefined)) {
      const missing = query.availableFrom === undefined ? "availableFrom" : "availableTo";
      context.addIssue({ code: "custom", path: [missing], message: "give both availableFrom and availableTo" });
    }
    if (query.availableFrom && query.availableTo && query.availableTo <= query.availableFrom) {
      context.addIssue({ code: "custom", path: ["availableTo"], message: "must be after availableFrom" });
    }
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.maxPrice < query.minPrice) {
      context.addIssue({ code: "custom", path: ["maxPrice"], message: "must not be less than minPrice" });
    }
  });
export type VehicleListQuery = z.input<typeof vehicleListQuerySchema>;

// ── rentals ──────────────────────────────────────────────────────────────────

/** The longest period one request may cover. */
export const MAX_RENTAL_DAYS = 90;
/** How far ahead a rental may start. */
export const MAX_DAYS_AHEAD = 365;

export const rentalRequestSchema = z
  .object({ vehicleId: idSchema, startDate: calendarDate, endDate: calendarDate })
  .superRefine(({ startDate, endDate }, context) => {
    const first = today();
    if (startDate < first) context.addIssue({ code: "custom", path: ["startDate"], message: "must not be in the past" });
    if (startDate > addDays(first, MAX_DAYS_AHEAD)) {
      context.addIssue({ code: "custom", path: ["startDate"], message: `must be within ${MAX_DAYS_AHEAD} days from today` });
    }
    if (endDate <= startDate) context.addIssue({ code: "custom", path: ["endDate"], message: "must be after startDate" });
    else if (daysBetween(startDate, endDate) > MAX_RENTAL_DAYS) {
      context.addIssue({ code: "custom", path: ["endDate"], message: `must be at most ${MAX_RENTAL_DAYS} days after startDate` });
    }
  });
export type RentalRequestInput = z.input<typeof rentalRequestSchema>;

export const rejectionSchema = z.object({ reason: safeText(500, { multiline: true }) });

export const rentalListQuerySchema = z
  .object({
    status: z.enum(RENTAL_STATUSES).optional(),
    vehicleId: idSchema.optional(),
    branchId: idSchema.optional(),
    customerId: safeText(16).optional(),
    /** Rentals whose period `[startDate, endDate)` overlaps `[from, to)`; either end may be left open. */
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    sort: z.enum(["created", "-created", "start", "-start"]).default("-created"),
    ...pageQuery,
  })
  .superRefine(({ from, to }, context) => {
    if (from && to && to <= from) context.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  });
export type RentalListQuery = z.input<typeof rentalListQuerySchema>;

// ── form fields ─────────────────────────────────────────────────────────────

export const RENTAL_REQUEST_FIELDS = ["startDate", "endDate"] as const;
export type RentalRequestField = (typeof RENTAL_REQUEST_FIELDS)[number];

export const REJECTION_FIELDS = ["reason"] as const;
export type RejectionField = (typeof REJECTION_FIELDS)[number];

export const VEHICLE_FIELDS = ["make", "model", "year", "type", "plate", "seats", "transmission", "fuel", "dailyPrice", "branchId", "photoUrl", "status"] as const;
export type VehicleField = (typeof VEHICLE_FIELDS)[number];

/** The branch form's text fields; `active` is its checkbox. */
export const BRANCH_TEXT_FIELDS = ["name", "address", "city", "phone", "openingHours"] as const;
export type BranchField = (typeof BRANCH_TEXT_FIELDS)[number] | "active";
