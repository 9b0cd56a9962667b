import { z } from "zod";
import { ValidationError, type FieldError } from "./errors";

function toFieldErrors(error: z.ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
    msg: issue.message,
    type: issue.code,
  }));
}

/**
 * Validates input at a boundary; failures become a 422 listing every failing field.
 * A query parameter given more than once (an array from `searchParams`) is refused by name.
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
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error, location));
  return result.data;
}

/** Phone numbers are stored as digits with an optional leading +, spaces and punctuation removed. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+?[0-9]{7,15}$/, "must be a phone number of 7 to 15 digits"));

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

export const nameSchema = z.string().trim().min(1, "must not be empty").max(100);

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

/** A 422 for one field that passed its schema but breaks a rule (in the past, too long, …). */
export function fieldError(loc: Array<string | number>, msg: string): ValidationError {
  return new ValidationError([{ loc, msg, type: "value_error" }]);
}
