import type { Transaction } from "../db";
import { Prisma } from "../generated/prisma/client";

export type AccountLockMode = "delete" | "write" | "key share";

const LOCK_CLAUSES: Record<AccountLockMode, string> = { delete: "FOR UPDATE", write: "FOR NO KEY UPDATE", "key share": "FOR KEY SHARE" };

/**
 * The one lock order for people: their user rows, in id order, before any row that
 * refers to them (the modules' bookings, balances and pools). Account deletion
 * takes the same lock first, so a booking racing a deletion either commits before it
 * (and the deletion sees the booking: 409) or waits for it and then finds the account
 * gone (a clean 404) — never a foreign-key error, never a deadlock.
 *
 * `write` (FOR NO KEY UPDATE) serialises writers of the same people (credit moves, per-person limits) without
 * waiting for transactions that only refer to them (a foreign key's KEY SHARE, e.g. the notifications consumer's
 * inserts: FOR UPDATE there deadlocked under load); `delete` (FOR UPDATE) is the account's deletion, which excludes
 * both; `key share` only keeps the accounts from being deleted meanwhile.
 * Returns the accounts that still exist, by id, with their names (read under the lock, so callers need not read them again).
 */
export async function lockAccounts(tx: Transaction, ids: readonly string[], mode: AccountLockMode): Promise<Map<string, { name: string }>> {
  const sorted = [...new Set(ids)].sort();
  const rows = await tx.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id, name FROM users WHERE id = ANY(${sorted}) ORDER BY id ${Prisma.raw(LOCK_CLAUSES[mode])}`;
  return new Map(rows.map((row) => [row.id, { name: row.name }]));
}

export const ACCOUNT_GONE = "Your account no longer exists.";
