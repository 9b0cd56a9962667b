import { z } from "zod";
import { ValidationError, type FieldError } from "./errors";

function toFieldErrors(error: z.ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
    msg: issue.message,
    type: issue.code,
  }));
}

/** Validates input at a boundary; failures become a 422 listing every failing field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  location = "body",
): z.infer<Schema> {
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

/** A 422 for one field that passed its schema but breaks a rule (in the past, too long, …). */
export function fieldError(loc: Array<string | number>, msg: string): ValidationError {
  return new ValidationError([{ loc, msg, type: "value_error" }]);
}
