import { z } from "zod";
import { readSettings } from "./settings";
import { NotFoundError, ValidationError, type FieldError } from "./errors";

function toFieldErrors(error: z.ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
    msg: issue.message,
    type: issue.code,
  }));
}

/** PostgreSQL cannot store U+0000 in text: it is refused at every boundary before anything reaches a query. */
const NUL = "\u0000";
const NUL_MESSAGE = "must not contain a NUL character";
/** Deep enough for any input we accept; deeper documents are refused by their schemas anyway. */
const MAX_SCAN_DEPTH = 32;

function collectNulPaths(value: unknown, path: Array<string | number>, found: Array<Array<string | number>>, depth: number): void {
  if (typeof value === "string") {
    if (value.includes(NUL)) found.push(path);
    return;
  }
  if (depth >= MAX_SCAN_DEPTH || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulPaths(item, [...path, index], found, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) found.push([...path, key]);
    else collectNulPaths(item, [...path, key], found, depth + 1);
  }
}

/**
 * The last line of defence for strings on their way to PostgreSQL: any input
 * (query, body, form, GraphQL variables, action arguments) holding a NUL anywhere
 * is a 422 naming where, whatever schema a later change forgets to tighten.
 */
export function refuseNul(input: unknown, location: string): void {
  const found: Array<Array<string | number>> = [];
  collectNulPaths(input, [], found, 0);
  if (found.length > 0) {
    throw new ValidationError(found.map((path) => ({ loc: [location, ...path], msg: NUL_MESSAGE, type: "string_nul" })));
  }
}

/**
 * Validates input at a boundary; failures become a 422 listing every failing field.
 * A query parameter given more than once (an array from `searchParams`) is refused by name,
 * and a NUL character anywhere is refused before the schema runs.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  location = "body",
): z.infer<Schema> {
  if (location === "query" && input && typeof input === "object") {
    const repeated = Object.entries(input).filter(([, value]) => Array.isArray(value));
    if (repeated.length > 0) {
      throw new ValidationError(repeated.map(([key]) => ({ loc: [location, key], msg: "give this parameter once", type: "too_big" })));
    }
  }
  refuseNul(input, location);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error, location));
  return result.data;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A phone number in E.164 (`+15550000004`), the one spelling uniqueness and login
 * compare: spaces and punctuation go, a leading `00` is `+`, and a number without
 * either is national in the default country (PHONE_DEFAULT_COUNTRY_CODE) with its
 * trunk prefix (PHONE_NATIONAL_PREFIX) dropped: with the defaults `15550000004`,
 * `555-000-0004` and `+1 (555) 000-0004` are all `+15550000004`.
 * Undefined when the result is not 7 to 15 digits after a +.
 */
/** How numbers written without + are read (validated at start with the rest of the configuration: lib/env.ts). */
export const PHONE_SETTINGS = z.object({
  /** Country calling code a phone number written without + (or 00) belongs to. */
  PHONE_DEFAULT_COUNTRY_CODE: z.string().regex(/^[1-9][0-9]{0,2}$/, "must be a country calling code such as 1 or 44").default("1"),
  /** The default country's trunk prefix, dropped from a number written without + ("1" in the US, "0" in the UK, "" for none). */
  PHONE_NATIONAL_PREFIX: z.string().regex(/^[0-9]{0,2}$/, "must be up to two digits, or empty").default("1"),
});

export function normalisePhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s().-]/g, "");
  let international: string;
  if (compact.startsWith("+")) international = compact;
  else if (compact.startsWith("00")) international = `+${compact.slice(2)}`;
  else {
    const { PHONE_DEFAULT_COUNTRY_CODE: countryCode, PHONE_NATIONAL_PREFIX: trunk } = readSettings(PHONE_SETTINGS);
    const national = trunk && compact.startsWith(trunk) ? compact.slice(trunk.length) : compact;
    international = `+${countryCode}${national}`;
  }
  return E164.test(international) ? international : undefined;
}

/** Phone numbers are stored in E.164; see `normalisePhone`. */
export const phoneSchema = z.string().transform((value, context) => {
  const phone = normalisePhone(value);
  if (phone === undefined) {
    context.addIssue({ code: "custom", message: "must be a phone number of 7 to 15 digits" });
    return z.NEVER;
  }
  return phone;
});

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("must be an email address"))
  .transform((value) => value.toLowerCase());

/** bcrypt reads at most 72 bytes, so longer passwords would be silently truncated. */
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .refine((value) => Buffer.byteLength(value, "utf8") <= 72, "must be at most 72 bytes");

/** C0 and C1 control characters and DEL: never part of a one-line value. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but a multi-line text keeps line feeds and tabs (carriage returns are folded into line feeds first). */
const CONTROL_CHARACTERS_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/**
 * Whitespace and invisible format characters (zero-width spaces and joiners, bidi
 * marks and overrides, soft hyphen, byte-order mark…) at either end: a name that is
 * nothing but these is empty.
 */
const EDGE_INVISIBLES = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

export function trimInvisible(value: string): string {
  return value.replace(EDGE_INVISIBLES, "");
}

export interface TextOptions {
  /** Fewest characters after trimming; 1 (the default) makes an all-invisible value "must not be empty". */
  min?: number;
  /** Allow line feeds and tabs (descriptions, reasons). */
  multiline?: boolean;
}

/**
 * The shared string schema for free text (names, labels, addresses, filters): no
 * control characters (a multi-line text may hold line feeds and tabs), trimmed of
 * whitespace and invisible characters at both ends, then `min`..`max` characters.
 */
export function safeText(max: number, { min = 1, multiline = false }: TextOptions = {}) {
  const refused = multiline ? CONTROL_CHARACTERS_EXCEPT_LINES : CONTROL_CHARACTERS;
  return z
    .string()
    .transform((value, context) => {
      const text = multiline ? value.replace(/\r\n?/g, "\n") : value;
      if (refused.test(text)) {
        context.addIssue({
          code: "custom",
          message: multiline ? "must not contain control characters other than line breaks and tabs" : "must not contain control characters or line breaks",
        });
        return z.NEVER;
      }
      return trimInvisible(text);
    })
    .pipe(
      z
        .string()
        .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
}

export const nameSchema = safeText(100);

/**
 * A number in a query string, written out plainly: `pattern` decides what is
 * acceptable, so `" 5"`, `0x10` or `1e2` are refused instead of being read as 5,
 * 16 or 100 the way `Number()` would. Callers in the app may pass numbers.
 */
export function queryNumber(pattern: RegExp, message: string) {
  return z.union([z.number(), z.string()], message).transform((value, context) => {
    if (typeof value === "number") return value;
    if (!pattern.test(value)) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return Number(value);
  });
}

/** A whole number between `min` and `max` in a query string, `fallback` when absent. */
export function queryInteger(min: number, max: number, fallback: number) {
  return queryNumber(/^\d{1,16}$/, "must be a whole number")
    .pipe(z.number().int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);
}

/** Years an instant may name at all; each module narrows this with its own rule (e.g. a booking horizon). */
export const FIRST_INSTANT_YEAR = 2000;
export const LAST_INSTANT_YEAR = 2200;

/**
 * An ISO 8601 instant with an offset or Z, as a Date. Years outside
 * FIRST_INSTANT_YEAR..LAST_INSTANT_YEAR (in UTC) are refused, so an instant such as
 * `9999-12-31T23:59:59-01:00` (year 10000 in UTC) never reaches a Date that cannot be printed.
 */
export const instantSchema = z
  .iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset or Z" })
  .transform((value, context) => {
    const instant = new Date(value);
    const year = instant.getUTCFullYear();
    if (Number.isNaN(instant.getTime()) || year < FIRST_INSTANT_YEAR || year > LAST_INSTANT_YEAR) {
      context.addIssue({ code: "custom", message: `must be between the years ${FIRST_INSTANT_YEAR} and ${LAST_INSTANT_YEAR}` });
      return z.NEVER;
    }
    return instant;
  });

/** A 422 for one field that passed its schema but breaks a rule (in the past, too long, …). */
export function fieldError(loc: Array<string | number>, msg: string): ValidationError {
  return new ValidationError([{ loc, msg, type: "value_error" }]);
}

/*
 * The one input policy every module follows (README "How a module is built"):
 * path ids, query strings and pages.
 */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * A path id (`/spots/{id}`): anything that is not one of ours cannot name a row, so a
 * malformed id is the same 404 as an unknown one. Returns the id in its stored (lower-case) form.
 */
export function pathId(value: unknown, notFound: string, pattern: RegExp = UUID_PATTERN): string {
  if (typeof value !== "string" || !pattern.test(value)) throw new NotFoundError(notFound);
  return pattern === UUID_PATTERN ? value.toLowerCase() : value;
}

/** An id inside a body or query (`spotId`, `ownerId`): a malformed one is a 422 naming the field. */
export const idSchema = z.string().trim().regex(UUID_PATTERN, "must be an id (UUID)").transform((value) => value.toLowerCase());

/**
 * Validates a query string: a parameter the endpoint does not know is a 422 naming it
 * (rather than silently ignored), as is one given twice (`parseInput`).
 */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, query: unknown): z.infer<Schema> {
  const unknown = query && typeof query === "object" ? Object.keys(query).filter((key) => !(key in schema.shape)) : [];
  if (unknown.length > 0) {
    throw new ValidationError(unknown.map((key): FieldError => ({ loc: ["query", key], msg: "is not a parameter of this list", type: "unrecognized_keys" })));
  }
  return parseInput(schema, query, "query");
}

/** The query of an endpoint that takes no parameters: any parameter is a 422 naming it. */
export const noParameters = z.object({});

/** `limit` and `offset`, the same on every list. */
export const pageQuery = {
  limit: queryInteger(1, 200, 50),
  offset: queryInteger(0, 1_000_000_000, 0),
};

/** One page of a list: what every list service returns (HTTP: a JSON array with `X-Total-Count`). */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Query-string booleans: `true`/`false`/`1`/`0`. */
export const queryBoolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
