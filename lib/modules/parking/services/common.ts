import type { Principal } from "../../../auth/principal";
import type { Transaction } from "../../../db";
import type { SpotKind } from "../../../generated/prisma/enums";
import { NotFoundError } from "../../../errors";
import { lockAccounts } from "../../../identity/account-locks";
import { sqlTransaction, transaction, type SqlTransaction } from "../../../events/transaction";
import { invalidateSpotLists } from "./cache";
import { parkingSettings } from "../settings";

/** How far ahead anything in parking may lie: windows and reservations end within PARKING_MAX_WINDOW_DAYS of now. */
export function parkingHorizon(now: number = Date.now()): number {
  return now + parkingSettings().PARKING_MAX_WINDOW_DAYS * 86_400_000;
}

/** The spec's "(own)" rules: acting on someone else's spot or reservation takes an admin. */
export function actsForOthers(principal: Principal): boolean {
  return principal.role === "ADMIN";
}

/** What a missing (or malformed: see `pathId`) spot or reservation is called. */
export const NOT_FOUND = {
  spot: "Spot not found.",
  reservation: "Reservation not found.",
} as const;

/** The constraints that guard parking, and what each violation means to a person (for `withConflicts`). */
export const PARKING_CONSTRAINTS: Record<string, string> = {
  reservations_spot_no_overlap: "This spot is already reserved for part of that time.",
  reservations_reserver_no_overlap: "You already have a reservation that overlaps that time.",
  availability_windows_no_overlap: "That window overlaps another window of this spot.",
  parking_spots_owner_label_live_key: "You already have a spot with this label.",
  reservations_not_own_spot: "You cannot reserve your own spot.",
};

/** A parking change: one transaction with its events; afterwards the cached spot lists are stale. */
export async function parkingTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await transaction(work);
  await invalidateSpotLists();
  return result;
}

/** `parkingTransaction` in SQL (`sqlTransaction`), for the busiest parking write. */
export async function parkingSqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const result = await sqlTransaction(work);
  await invalidateSpotLists();
  return result;
}

export interface LockedSpot {
  id: string;
  owner_id: string;
  label: string;
  zone: string;
  kind: SpotKind;
}

/** Locks a live spot for the rest of the transaction (its edits, its windows, its deletion). */
export async function lockSpot(tx: Transaction, spotId: string): Promise<LockedSpot> {
  const rows = await tx.$queryRaw<LockedSpot[]>`
    SELECT id, owner_id, label, zone, kind::text AS kind FROM parking_spots WHERE id = ${spotId}::uuid AND deleted_at IS NULL FOR UPDATE`;
  const spot = rows[0];
  if (!spot) throw new NotFoundError(NOT_FOUND.spot);
  return spot;
}

/**
 * Locks the people a credit move touches, in id order (`lockAccounts`). Every parking
 * transaction takes these locks before it locks a spot or writes a reservation row
 * (cancel and settle here; a reservation in its own first statement, FOR NO KEY UPDATE, see
 * `reserve`), and so does account deletion: none waits for a spot or a reservation while
 * holding a person another one needs. Returns who still exists.
 */
export async function lockPeople(tx: Transaction, ids: string[]): Promise<Map<string, { name: string }>> {
  return lockAccounts(tx, ids, "write");
}
