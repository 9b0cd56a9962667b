import { z } from "zod";
import type { FormState } from "../../ui/form-state";
import { idSchema, instantSchema, pageQuery, queryInteger, safeText } from "../../validation";
import { RESERVATION_STATUSES, SPOT_KINDS } from "./vocabulary";

/**
 * What parking accepts: the services' input schemas and the pages' form field lists.
 * Client components import only types from here.
 */

/** For refinements comparing fields: run them only once every field parsed, so a malformed one is reported alone. */
function wellFormed(payload: { issues: readonly unknown[] }): boolean {
  return payload.issues.length === 0;
}

const spotFields = {
  label: safeText(40),
  zone: safeText(60),
  description: safeText(500, { min: 0, multiline: true }),
  kind: z.enum(SPOT_KINDS),
};

export const spotInputSchema = z.object({
  ...spotFields,
  description: spotFields.description.default(""),
  kind: spotFields.kind.default("STANDARD"),
});

/** No defaults here: a field left out of a PATCH stays as it is. */
export const spotUpdateSchema = z
  .object(spotFields)
  .partial()
  .refine((value) => Object.values(value).some((field) => field !== undefined), "give at least one field to change");

/** `true`/`false`/`1`/`0` in a query string, or a boolean from GraphQL. */
const booleanParam = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])], { error: "must be true or false" })
  .transform((value) => value === true || value === "true" || value === "1");

export const spotFilterSchema = z
  .object({
    availableNow: booleanParam.optional(),
    availableFrom: instantSchema.optional(),
    availableTo: instantSchema.optional(),
    zone: safeText(60).optional(),
    kind: z.enum(SPOT_KINDS).optional(),
    ownerId: z.string().regex(/^CST\d{6}$/, "must be a customer id").optional(),
    ...pageQuery,
    // The board reads up to 100 spots unless told otherwise (other lists: 50).
    limit: queryInteger(1, 200, 100),
  })
  .refine((filter) => (filter.availableFrom === undefined) === (filter.availableTo === undefined), {
    message: "give both availableFrom and availableTo",
    path: ["availableTo"],
    when: wellFormed,
  })
  .refine((filter) => !filter.availableFrom || !filter.availableTo || filter.availableTo > filter.availableFrom, {
    message: "must be after availableFrom",
    path: ["availableTo"],
    when: wellFormed,
  });

export const windowInputSchema = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((window) => window.to > window.from, { message: "must be after from", path: ["to"], when: wellFormed });

export const toggleInputSchema = z.discriminatedUnion("available", [
  z.object({ available: z.literal(true), until: instantSchema }),
  z.object({ available: z.literal(false) }),
]);

export const availabilityQuerySchema = z
  .object({ from: instantSchema.optional(), to: instantSchema.optional() })
  .refine((range) => !range.from || !range.to || range.to > range.from, { message: "must be after from", path: ["to"], when: wellFormed });

export const reserveInputSchema = z
  .object({ spotId: idSchema, startsAt: instantSchema, endsAt: instantSchema })
  .refine((input) => input.endsAt > input.startsAt, { message: "must be after startsAt", path: ["endsAt"], when: wellFormed });

export const reservationListSchema = z.object({
  status: z.enum(RESERVATION_STATUSES).optional(),
  role: z.enum(["reserver", "owner", "all"]).default("all"),
  all: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  ...pageQuery,
});

export const creditsQuerySchema = z.object({
  limit: pageQuery.limit,
  before: z.string().regex(/^\d{1,18}$/, "must be a transaction id").optional(),
});

/** The fields of the parking forms: a 422 on one of them is shown next to it. */
export const SPOT_FIELDS = ["label", "zone", "description", "kind"] as const;
export type SpotField = (typeof SPOT_FIELDS)[number];

export const WINDOW_FIELDS = ["from", "to"] as const;
export type WindowField = (typeof WINDOW_FIELDS)[number];

export const TOGGLE_FIELDS = ["until"] as const;
export type ToggleField = (typeof TOGGLE_FIELDS)[number];

export const RESERVE_FIELDS = ["startsAt", "endsAt"] as const;
export type ReserveField = (typeof RESERVE_FIELDS)[number];

/** A reservation's outcome: on success the reservation; on "insufficient credits" the balance and the cost. */
export interface ReserveState extends FormState<ReserveField> {
  reservation?: { id: string; startsAt: string; endsAt: string; cost: number };
  credits?: { balance: number; cost: number };
}
