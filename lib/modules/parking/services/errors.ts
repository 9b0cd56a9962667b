import { ConflictError } from "../../../errors";

/** The exclusion and unique constraints that guard parking, and what each means to a person. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  reservations_spot_no_overlap: "This spot is already reserved for part of that time.",
  reservations_reserver_no_overlap: "You already have a reservation that overlaps that time.",
  availability_windows_no_overlap: "That window overlaps another window of this spot.",
  parking_spots_owner_label_live_key: "You already have a spot with this label.",
  reservations_not_own_spot: "You cannot reserve your own spot.",
};

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  const withMeta = error as Error & { meta?: unknown; cause?: unknown };
  if (withMeta.meta) parts.push(JSON.stringify(withMeta.meta));
  if (withMeta.cause) parts.push(describe(withMeta.cause));
  return parts.join(" ");
}

/** Turns a database constraint violation into the 409 it stands for; anything else is rethrown. */
export function conflictFromConstraint(error: unknown): never {
  const text = describe(error);
  for (const [constraint, message] of Object.entries(CONSTRAINT_MESSAGES)) {
    if (text.includes(constraint)) throw new ConflictError(message);
  }
  throw error;
}
