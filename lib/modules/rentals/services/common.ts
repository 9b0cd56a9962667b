import { z } from "zod";
import { NotFoundError, ValidationError, type FieldError } from "../../../errors";
import { parseInput, queryInteger, safeText } from "../../../validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A path id: anything that is not one of ours cannot exist, so it is a 404 like an unknown one. */
export function requireId(value: string, notFound: string): string {
  if (!isUuid(value)) throw new NotFoundError(notFound);
  return value.toLowerCase();
}

export const idSchema = z.string().trim().regex(UUID, "must be an id (UUID)").transform((value) => value.toLowerCase());

/** One-line free text: see `safeText` (no control characters, invisible edges trimmed, not empty). */
export const text = (max: number) => safeText(max);

export const pageSchema = {
  limit: queryInteger(1, 200, 50),
  offset: queryInteger(0, 1_000_000_000, 0),
};

/** Validates a list's query: a parameter the list does not know is a 422 naming it rather than silently ignored. */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, query: unknown): z.infer<Schema> {
  const unknown = query && typeof query === "object" ? Object.keys(query).filter((key) => !(key in schema.shape)) : [];
  if (unknown.length > 0) {
    throw new ValidationError(unknown.map((key): FieldError => ({ loc: ["query", key], msg: "is not a parameter of this list", type: "unrecognized_keys" })));
  }
  return parseInput(schema, query, "query");
}

/** Query-string booleans: `true`/`false`/`1`/`0`. */
export const queryBoolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export interface Page<T> {
  items: T[];
  total: number;
}

export const MESSAGES = {
  branchNotFound: "Branch not found.",
  vehicleNotFound: "Vehicle not found.",
  rentalNotFound: "Rental not found.",
} as const;
