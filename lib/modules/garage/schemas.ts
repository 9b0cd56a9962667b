/**
 * The garage's inputs: the zod schemas its services validate with, and the fields of
 * its forms (a 422 on one of them is shown next to it).
 */
import { z } from "zod";

export const calendarDateInput = z.iso.date("must be a date YYYY-MM-DD");

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──



// ── customers: cars, addresses, cart, favourites ──
import { PUBLIC_ID_PATTERN } from "../../identity/roles";
import { idSchema, pageQuery, safeText } from "../../validation";

/** A plate's comparison key: upper-case, without spaces, dashes or dots (unique across the system). */
export function plateKeyOf(plate: string): string {
  return plate.toUpperCase().replace(/[\s.-]/g, "");
}
const PLATE_KEY_PATTERN = /^[A-Z0-9]{2,15}$/;

/** Stored as written, upper-cased with runs of spaces collapsed; its key must be 2–15 letters and digits. */
const plateSchema = safeText(30)
  .transform((value) => value.replace(/\s+/g, " ").toUpperCase())
  .refine((value) => PLATE_KEY_PATTERN.test(plateKeyOf(value)), "must be 2 to 15 letters and digits (spaces, dashes and dots aside)");

/** 17 characters, A–Z and 0–9 without I, O or Q; stored upper-case. An empty value means none. */
const vinSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^([A-HJ-NPR-Z0-9]{17})?$/, "must be 17 letters and digits without I, O or Q"))
  .transform((value) => (value === "" ? null : value));

export const MAX_ODOMETER_KM = 2_000_000;
const odometerSchema = z
  .number("must be a whole number of kilometres")
  .int("must be a whole number of kilometres")
  .min(0, "must be at least 0")
  .max(MAX_ODOMETER_KM, `must be at most ${MAX_ODOMETER_KM}`);

const ownerIdSchema = z.string().trim().regex(PUBLIC_ID_PATTERN, "must be a customer's id such as CST000001");
const optionalText = (max: number) => safeText(max, { min: 0 });

export const customerCarInputSchema = z.object({
  ownerId: ownerIdSchema.optional().describe("The customer the car belongs to: staff name one; a customer's own id is implied."),
  carModelId: idSchema,
  plate: plateSchema,
  vin: vinSchema.nullable().optional(),
  colour: optionalText(40).default(""),
  odometerKm: odometerSchema.default(0),
});

export const customerCarUpdateSchema = z
  .object({
    carModelId: idSchema,
    plate: plateSchema,
    vin: vinSchema.nullable(),
    colour: optionalText(40),
    odometerKm: odometerSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one field to change");

export const CUSTOMER_CAR_FIELDS = ["carModelId", "plate", "vin", "colour", "odometerKm"] as const;

export const customerCarListQuerySchema = z.object({
  ownerId: ownerIdSchema.optional(),
  q: safeText(30).optional(),
  ...pageQuery,
});

export const addressInputSchema = z.object({
  ownerId: ownerIdSchema.optional().describe("The customer the address belongs to: staff name one; a customer's own id is implied."),
  areaId: idSchema,
  label: optionalText(40).default(""),
  line1: safeText(200),
  line2: optionalText(200).default(""),
  postcode: optionalText(12).default(""),
});

export const addressUpdateSchema = z
  .object({ areaId: idSchema, label: optionalText(40), line1: safeText(200), line2: optionalText(200), postcode: optionalText(12) })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one field to change");

export const ADDRESS_FIELDS = ["areaId", "label", "line1", "line2", "postcode"] as const;

export const addressListQuerySchema = z.object({ ownerId: ownerIdSchema.optional(), ...pageQuery });

export const cartLineInputSchema = z.object({ serviceId: idSchema, carId: idSchema });
export const cartLineMoveSchema = z.object({ carId: idSchema });
/** Whose cart: staff may name a customer; everyone else reads their own. */
export const cartOwnerQuerySchema = z.object({ customerId: ownerIdSchema.optional() });



// ── bookings, slots and support queries ──
