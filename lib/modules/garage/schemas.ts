/**
 * The garage's inputs: the zod schemas its services validate with, and the fields of
 * its forms (a 422 on one of them is shown next to it).
 */
import { z } from "zod";
import { PUBLIC_ID_PATTERN } from "../../identity/roles";
import { idSchema, instantSchema, pageQuery, queryBoolean, queryNumber, safeText } from "../../validation";
import { ASSIGNMENT_STATUSES, BOOKING_STATUSES, CAR_FUELS, CAR_SEGMENTS, INSPECTION_RATINGS, PAYMENT_METHODS, SUPPORT_QUERY_STATUSES } from "./vocabulary";

export const calendarDateInput = z.iso.date("must be a date YYYY-MM-DD");

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──

/** Lower-case letters, digits and single dashes: how categories and services appear in links. */
export const catalogueSlug = z
  .string()
  .trim()
  .max(80, "must be at most 80 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single dashes");

/** Names compare without case or repeated spaces (unique indexes on lower(name) hold it). */
const catalogueName = safeText(100).transform((value) => value.replace(/\s+/g, " "));
const catalogueDescription = safeText(2000, { min: 0, multiline: true });
const atLeastOneField = (value: object) => Object.keys(value).length > 0;
const NO_FIELDS = "give at least one field to change";

export const serviceCategoryInputSchema = z.object({
  name: catalogueName,
  slug: catalogueSlug.optional(),
  description: catalogueDescription.default(""),
  position: z.number("must be a whole number").int("must be a whole number").min(0).max(10000).default(0),
});
export const serviceCategoryUpdateSchema = z
  .object({
    name: catalogueName,
    slug: catalogueSlug,
    description: catalogueDescription,
    position: z.number("must be a whole number").int("must be a whole number").min(0).max(10000),
  })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const serviceCategoryListQuerySchema = z.object({ ...pageQuery });

const labourMinutes = z.number("must be a whole number of minutes").int("must be a whole number of minutes").min(1, "must be at least 1").max(1440, "must be at most 1440");
/** Integer minor units; at most ten million major units, well inside PostgreSQL's integer. */
export const amountMinor = z.number("must be a whole amount in minor units").int("must be a whole amount in minor units").min(0, "must not be negative").max(1_000_000_000, "must be at most 1000000000");
const gstCode = z.string("must be a GST rate code").trim().regex(/^[A-Z0-9_]{1,32}$/, "must be a GST rate code such as STANDARD");

export const serviceInputSchema = z.object({
  name: catalogueName,
  slug: catalogueSlug.optional(),
  description: catalogueDescription.default(""),
  categoryId: idSchema,
  labourMinutes,
  basePriceMinor: amountMinor,
  gstCode: gstCode.default("STANDARD"),
  active: z.boolean().default(true),
});
export const serviceUpdateSchema = z
  .object({
    name: catalogueName,
    slug: catalogueSlug,
    description: catalogueDescription,
    categoryId: idSchema,
    labourMinutes,
    basePriceMinor: amountMinor,
    gstCode,
    active: z.boolean(),
  })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const serviceListQuerySchema = z.object({
  q: safeText(100).optional(),
  categoryId: idSchema.optional(),
  category: catalogueSlug.optional(),
  active: queryBoolean.optional(),
  ...pageQuery,
});

const modelYear = z.number("must be a year").int("must be a whole year").min(1900, "must be 1900 or later").max(2100, "must be 2100 or earlier");
const carModelFields = {
  make: safeText(60).transform((value) => value.replace(/\s+/g, " ")),
  model: safeText(60).transform((value) => value.replace(/\s+/g, " ")),
  yearFrom: modelYear,
  yearTo: modelYear.nullable(),
  segment: z.enum(CAR_SEGMENTS, `must be one of ${CAR_SEGMENTS.join(", ")}`),
  fuel: z.enum(CAR_FUELS, `must be one of ${CAR_FUELS.join(", ")}`),
};
export const YEAR_TO_BEFORE_FROM = "must be empty (still made) or not before yearFrom";
export const carModelInputSchema = z
  .object({ ...carModelFields, yearTo: carModelFields.yearTo.default(null) })
  .refine((value) => value.yearTo === null || value.yearTo >= value.yearFrom, { message: YEAR_TO_BEFORE_FROM, path: ["yearTo"] });
export const carModelUpdateSchema = z.object(carModelFields).partial().refine(atLeastOneField, NO_FIELDS);
export const carModelListQuerySchema = z.object({
  q: safeText(60).optional(),
  make: safeText(60).optional(),
  segment: z.enum(CAR_SEGMENTS, `must be one of ${CAR_SEGMENTS.join(", ")}`).optional(),
  ...pageQuery,
});

export const VALID_UNTIL_NOT_AFTER_FROM = "must be after validFrom (it is the first day the row no longer applies)";
export const priceChartInputSchema = z
  .object({
    serviceId: idSchema,
    carModelId: idSchema.nullable().default(null),
    segment: z.enum(CAR_SEGMENTS, `must be one of ${CAR_SEGMENTS.join(", ")}`).nullable().default(null),
    priceMinor: amountMinor,
    validFrom: calendarDateInput,
    validUntil: calendarDateInput.nullable().default(null),
  })
  .superRefine((value, context) => {
    if ((value.carModelId === null) === (value.segment === null)) {
      context.addIssue({ code: "custom", message: "give exactly one of carModelId and segment", path: ["carModelId"] });
    }
    if (value.validUntil !== null && value.validUntil <= value.validFrom) {
      context.addIssue({ code: "custom", message: VALID_UNTIL_NOT_AFTER_FROM, path: ["validUntil"] });
    }
  });
/** The row's service and target stay; a different target is a new row. */
export const priceChartUpdateSchema = z
  .object({ priceMinor: amountMinor, validFrom: calendarDateInput, validUntil: calendarDateInput.nullable() })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const priceChartListQuerySchema = z.object({
  serviceId: idSchema.optional(),
  carModelId: idSchema.optional(),
  segment: z.enum(CAR_SEGMENTS, `must be one of ${CAR_SEGMENTS.join(", ")}`).optional(),
  ...pageQuery,
});
export const servicePriceQuerySchema = z
  .object({ carId: idSchema.optional(), carModelId: idSchema.optional(), date: calendarDateInput.optional() })
  .refine((value) => (value.carId === undefined) !== (value.carModelId === undefined), { message: "give exactly one of carId and carModelId", path: ["carId"] });

export const gstRateUpdateSchema = z
  .object({
    label: safeText(100),
    basisPoints: z.number("must be a whole number of basis points").int("must be a whole number of basis points").min(0, "must be at least 0").max(10000, "must be at most 10000"),
  })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);

export const areaInputSchema = z.object({
  name: catalogueName,
  city: safeText(100),
  postcode: safeText(16, { min: 0 }).default(""),
  active: z.boolean().default(true),
});
export const areaUpdateSchema = z
  .object({ name: catalogueName, city: safeText(100), postcode: safeText(16, { min: 0 }), active: z.boolean() })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const areaListQuerySchema = z.object({ q: safeText(100).optional(), active: queryBoolean.optional(), ...pageQuery });

export const CONTENT_BODY_MAX = 20000;
export const contentUpdateSchema = z
  .object({ title: safeText(200), body: safeText(CONTENT_BODY_MAX, { multiline: true }) })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const contentListQuerySchema = z.object({});
export const markdownPreviewSchema = z.object({ body: z.string().max(CONTENT_BODY_MAX, `must be at most ${CONTENT_BODY_MAX} characters`) });

export const favouriteInputSchema = z.object({ serviceId: idSchema });
export const favouriteListQuerySchema = z.object({
  customerId: z.string().trim().regex(PUBLIC_ID_PATTERN, "must be a user id such as CST000001").optional(),
  ...pageQuery,
});


// ── customers: cars, addresses, cart, favourites ──

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

// ── the workshop floor: statuses and progress ──

const odometerKm = z.number("must be a whole number of kilometres").int("must be a whole number of kilometres").min(0, "must not be negative").max(9_999_999, "must be at most 9999999");
const progressNote = safeText(2000, { multiline: true });

/** POST /bookings/{id}/status. Check-in needs the odometer reading in, delivery the reading out. */
export const bookingTransitionSchema = z.strictObject({
  status: z.enum(BOOKING_STATUSES),
  note: progressNote.optional(),
  odometerKm: odometerKm.optional().describe("Required for CHECKED_IN (reading in) and DELIVERED (reading out, never lower)."),
  promisedAt: instantSchema.optional().describe("At check-in: when the car will be ready (default: the end of its drop-off slot plus the booked labour)."),
});
export const progressNoteInputSchema = z.strictObject({ note: progressNote });
export const progressNoteUpdateSchema = z.strictObject({ note: progressNote });
export const workshopBoardQuerySchema = z.object({
  date: calendarDateInput.optional().describe("The shop day (default today): its drop-offs still booked, every car in the shop, and that day's deliveries."),
});
export const garageDashboardQuerySchema = z.object({
  days: queryNumber(/^\d{1,3}$/, "must be a whole number of days").pipe(z.number().int().min(7, "must be at least 7").max(90, "must be at most 90")).optional(),
});

// ── the workshop floor: mechanics' assignments ──

const HOUR = 3_600_000;
/** The longest span one assignment may hold. */
export const ASSIGNMENT_MAX_HOURS = 12;
const assignmentNote = safeText(500, { multiline: true });
const mechanicId = safeText(16).describe("The mechanic's public id (a user with the MECHANIC role).");

/** End after start, at most ASSIGNMENT_MAX_HOURS, within one shop day (checked by the service, which knows the shop's zone). */
function checkSpan(value: { startsAt?: Date; endsAt?: Date }, context: z.core.$RefinementCtx) {
  // zod runs this even when a field failed (its value is then the raw input): only two parsed instants are compared.
  if (!(value.startsAt instanceof Date) || !(value.endsAt instanceof Date)) return;
  if (value.endsAt.getTime() <= value.startsAt.getTime()) context.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
  else if (value.endsAt.getTime() - value.startsAt.getTime() > ASSIGNMENT_MAX_HOURS * HOUR) {
    context.addIssue({ code: "custom", path: ["endsAt"], message: `must be at most ${ASSIGNMENT_MAX_HOURS} hours after startsAt` });
  }
}

/** POST /assignments: an admin assigns a booking (or one of its booked services) to a mechanic for [startsAt, endsAt). */
export const assignmentInputSchema = z
  .strictObject({
    bookingId: idSchema,
    bookedServiceId: idSchema.optional().describe("One of the booking's services; absent: the whole booking."),
    mechanicId,
    startsAt: instantSchema,
    endsAt: instantSchema.describe("Exclusive; after startsAt, at most 12 hours later, on the same shop day."),
    note: assignmentNote.optional(),
  })
  .superRefine(checkSpan);

/** POST /assignments/auto: the least-loaded free mechanic (of `candidateIds`, default every mechanic) gets the work. */
export const autoAssignInputSchema = z
  .strictObject({
    bookingId: idSchema,
    bookedServiceId: idSchema.optional(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    candidateIds: z.array(mechanicId).min(1, "must name at least one mechanic").max(100, "must name at most 100 mechanics").optional()
      .describe("Mechanics to choose from (e.g. the day's crew); default every mechanic."),
    note: assignmentNote.optional(),
  })
  .superRefine(checkSpan);

/** POST /assignments/{id}/reassign: another mechanic (or the same one at another time); the span stays unless given. */
export const reassignInputSchema = z
  .strictObject({
    mechanicId,
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
    note: assignmentNote.optional(),
  })
  .superRefine(checkSpan);

export const assignmentStepSchema = z.strictObject({ note: assignmentNote.optional() });

export const assignmentListQuerySchema = z.object({
  mechanicId: safeText(16).optional(),
  date: calendarDateInput.optional().describe("Shop day YYYY-MM-DD the assignment starts on."),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  bookingId: idSchema.optional(),
  ...pageQuery,
});

export const myJobsQuerySchema = z.object({ date: calendarDateInput.optional().describe("Shop day YYYY-MM-DD; default today.") });

// ── the workshop floor: the customer's decisions on recommended work ──

export const APPROVAL_DECISIONS = ["APPROVED", "DECLINED"] as const;
export const APPROVAL_CHANNELS = ["IN_APP", "PHONE"] as const;

/**
 * POST /bookings/{id}/approvals: item by item (`decisions`, each naming the version the
 * customer saw) or every pending item at once (`all`). Staff record a decision given by phone.
 */
export const approvalDecisionSchema = z
  .strictObject({
    decisions: z
      .array(
        z.strictObject({
          recommendationId: idSchema,
          decision: z.enum(APPROVAL_DECISIONS),
          version: z.number("must be the version you saw").int("must be a whole number").min(1, "must be at least 1").describe("The recommendation's version the customer decided on (409 when it was edited since)."),
        }),
      )
      .min(1, "decide at least one item")
      .max(100, "at most 100 items at once")
      .optional(),
    all: z.enum(APPROVAL_DECISIONS).optional().describe("Decide every pending recommendation of the booking at once."),
    note: safeText(1000, { multiline: true }).optional(),
    channel: z.enum(APPROVAL_CHANNELS).optional().describe("IN_APP (customers; their default) or PHONE (staff recording what the customer said; their default)."),
  })
  .superRefine((value, context) => {
    if ((value.decisions === undefined) === (value.all === undefined)) {
      context.addIssue({ code: "custom", path: ["decisions"], message: "give either decisions or all" });
    }
    const seen = new Set<string>();
    value.decisions?.forEach((decision, index) => {
      if (seen.has(decision.recommendationId)) context.addIssue({ code: "custom", path: ["decisions", index, "recommendationId"], message: "is decided twice" });
      seen.add(decision.recommendationId);
    });
  });
export type ApprovalDecisionInput = z.infer<typeof approvalDecisionSchema>;

/** POST /recommendations/{id}/revise: a new price for approved work, which then needs a new approval. */
export const recommendationReviseSchema = z.strictObject({
  priceMinor: z.number("must be an amount in minor units").int("must be a whole number of minor units").min(0, "must not be negative").max(100_000_000, "must be at most 100000000"),
  adjustmentReason: safeText(500).optional().describe("Why the price changes; required unless it goes back to the price chart's."),
});

// ── workshop: inspection templates, inspections, recommendations ──

export const INSPECTION_TEMPLATE_MAX_ITEMS = 60;
const templateItemInput = z.strictObject({
  label: safeText(120),
  measurementUnit: safeText(16).nullable().optional().describe('e.g. "mm" or "%"; null or absent when the item takes no measurement.'),
  serviceId: idSchema.nullable().optional().describe("The service to recommend when the item is flagged."),
});
const templateItems = z
  .array(templateItemInput)
  .min(1, "give at least one item")
  .max(INSPECTION_TEMPLATE_MAX_ITEMS, `must have at most ${INSPECTION_TEMPLATE_MAX_ITEMS} items`)
  .describe("In order; the list replaces the template's items.");

/** POST /inspection-templates. */
export const inspectionTemplateInputSchema = z.strictObject({
  name: catalogueName,
  description: catalogueDescription.default(""),
  active: z.boolean().default(true),
  items: templateItems,
});
/** PATCH /inspection-templates/{id}: `items`, when given, replaces every item (inspections already started keep their copies). */
export const inspectionTemplateUpdateSchema = z
  .strictObject({ name: catalogueName, description: catalogueDescription, active: z.boolean(), items: templateItems })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);
export const inspectionTemplateListQuerySchema = z.object({ active: queryBoolean.optional(), ...pageQuery });

/** POST /bookings/{id}/inspection. */
export const inspectionStartSchema = z.strictObject({ templateId: idSchema });

export const MAX_MEASUREMENT = 99_999_999.99;
const measurement = z
  .number("must be a number")
  .min(0, "must not be negative")
  .max(MAX_MEASUREMENT, `must be at most ${MAX_MEASUREMENT}`)
  .refine((value) => Math.round(value * 100) / 100 === value, "must have at most two decimals");

export const inspectionItemChangeSchema = z.strictObject({
  id: idSchema,
  rating: z.enum(INSPECTION_RATINGS).nullable().optional(),
  note: safeText(2000, { min: 0, multiline: true }).optional(),
  measurement: measurement.nullable().optional().describe("In the item's unit; only on items that take a measurement."),
  serviceId: idSchema.nullable().optional().describe("The service to recommend when the item is flagged."),
});
/** PATCH /bookings/{id}/inspection: rate and annotate items of the draft. */
export const inspectionUpdateSchema = z
  .strictObject({
    summary: safeText(4000, { min: 0, multiline: true }).optional(),
    items: z.array(inspectionItemChangeSchema).max(INSPECTION_TEMPLATE_MAX_ITEMS).optional(),
  })
  .refine(atLeastOneField, NO_FIELDS);

/** The multipart form of POST /bookings/{id}/inspection/items/{itemId}/photos (documentation; the service reads the file). */
export const inspectionPhotoUploadSchema = z.strictObject({
  photo: z.string().meta({ format: "binary" }).describe("One JPEG, PNG or WebP image of at most 5 MB, checked by its bytes."),
});
export const inspectionPhotoQuerySchema = z.object({ size: z.enum(["display", "original"]).optional().describe("display (default): at most 1280 px wide.") });

const recommendationReason = safeText(2000, { min: 0, multiline: true });
const adjustmentReason = safeText(500, { multiline: true });

/** POST /bookings/{id}/recommendations: staff recommend work by hand. */
export const recommendationInputSchema = z.strictObject({
  serviceId: idSchema,
  severity: z.enum(["ATTENTION", "CRITICAL"]),
  reason: recommendationReason.default(""),
  priceMinor: amountMinor.optional().describe("Defaults to the price chart's for the car; another price needs adjustmentReason."),
  adjustmentReason: adjustmentReason.optional(),
});
/** PATCH /recommendations/{id}: staff adjust a pending recommendation. */
export const recommendationUpdateSchema = z
  .strictObject({
    severity: z.enum(["ATTENTION", "CRITICAL"]),
    reason: recommendationReason,
    priceMinor: amountMinor.describe("A price other than the chart's needs adjustmentReason."),
    adjustmentReason: adjustmentReason,
  })
  .partial()
  .refine(atLeastOneField, NO_FIELDS);

// ── the workshop floor: reviews, invoices and payments ──

const reviewRating = z.number("must be a whole number from 1 to 5").int("must be a whole number from 1 to 5").min(1, "must be at least 1").max(5, "must be at most 5");
const reviewText = safeText(2000, { min: 0, multiline: true });

/** POST /reviews: the booking's customer reviews one delivered booked service. */
export const reviewInputSchema = z.strictObject({ bookedServiceId: idSchema, rating: reviewRating, text: reviewText.default("") });
export const reviewUpdateSchema = z
  .strictObject({ rating: reviewRating, text: reviewText })
  .partial()
  .refine(atLeastOneField, { message: NO_FIELDS });
export const reviewListQuerySchema = z.object({ serviceId: idSchema.optional(), customerId: safeText(16).optional(), ...pageQuery });
export const serviceReviewListQuerySchema = z.object({ ...pageQuery });
export const REVIEW_FIELDS = ["rating", "text"] as const;

export const invoiceListQuerySchema = z.object({
  bookingId: idSchema.optional(),
  status: z.enum(["paid", "unpaid"]).optional().describe("paid: nothing due; unpaid: a balance due."),
  ...pageQuery,
});

/** POST /invoices/{id}/credit-notes: all of the invoice's lines, or those named by position. */
export const creditNoteInputSchema = z.strictObject({
  reason: safeText(500, { multiline: true }),
  lines: z
    .array(z.strictObject({ position: z.number("must be a line's position").int("must be a line's position").min(1, "must be a line's position").max(1000) }))
    .min(1, "name at least one line, or leave lines out to credit them all")
    .max(200)
    .optional(),
});

export const paymentInputSchema = z.strictObject({
  amountMinor: z.number("must be a whole amount in minor units").int("must be a whole amount in minor units").min(1, "must be more than 0").max(1_000_000_000),
  method: z.enum(PAYMENT_METHODS, "must be CASH, CARD or BANK_TRANSFER"),
  reference: safeText(200, { min: 0 }).default(""),
});
export const PAYMENT_FIELDS = ["amountMinor", "method", "reference"] as const;
