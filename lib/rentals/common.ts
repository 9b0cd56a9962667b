import { z } from "zod";
import { NotFoundError } from "../errors";

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

export const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const pageSchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

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
