import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import type { SqlTransaction } from "../../../events/transaction";
import type { CreditTransactionKind } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { ROLES, type RoleName } from "../../../identity/roles";
import { STARTING_CREDITS } from "../vocabulary";
import { parseQuery } from "../../../validation";
import type { CreditSheet, CreditsView } from "../views";
import { creditsQuerySchema } from "../schemas";
import { CREDIT_MOVE_EVENT_TYPES, recordParkingEvent } from "../events";
import type { DashboardHighlight } from "../../contract";
import { parkingSettings } from "../settings";

/** Sum of the user's escrowed costs: reservations they made that are confirmed and not yet settled. */
export async function escrowOf(client: Transaction | typeof db, userId: string): Promise<number> {
  const { _sum } = await client.reservation.aggregate({
    where: { reserverId: userId, status: "CONFIRMED", settledAt: null },
    _sum: { cost: true },
  });
  return _sum.cost ?? 0;
}

export interface CreditMove {
  userId: string;
  amount: number;
  kind: CreditTransactionKind;
  reservationId: string;
  actor: string;
}

/** The event of a credit move written to the ledger (`moveCredits`, or a reservation's own statement): balance and escrow after it. */
export async function recordCreditMove(
  tx: Transaction | SqlTransaction,
  move: CreditMove,
  after: { transactionId: string; balance: number; escrow: number },
): Promise<void> {
  await recordParkingEvent(tx, {
    topic: "credit_events",
    key: move.userId,
    type: CREDIT_MOVE_EVENT_TYPES[move.kind],
    payload: {
      userId: move.userId,
      transactionId: after.transactionId,
      kind: move.kind,
      amount: move.amount,
      balance: after.balance,
      escrow: after.escrow,
      reservationId: move.reservationId,
    },
    actor: move.actor,
  });
}

/**
 * Moves credits into or out of a balance inside the caller's transaction, with its
 * ledger row and event. A debit is a guarded update (`balance >= amount`): it
 * returns null instead of ever letting a balance go negative.
 */
export async function moveCredits(
  tx: Transaction,
  move: CreditMove,
): Promise<number | null> {
  const rows =
    move.amount < 0
      ? await tx.$queryRaw<Array<{ parking_credits: number }>>`
          UPDATE users SET parking_credits = parking_credits + ${move.amount}, updated_at = now()
          WHERE id = ${move.userId} AND parking_credits >= ${-move.amount}
          RETURNING parking_credits`
      : await tx.$queryRaw<Array<{ parking_credits: number }>>`
          UPDATE users SET parking_credits = parking_credits + ${move.amount}, updated_at = now()
          WHERE id = ${move.userId}
          RETURNING parking_credits`;
  const balance = rows[0]?.parking_credits;
  if (balance === undefined) return null;
  const entry = await tx.creditTransaction.create({
    data: { userId: move.userId, amount: move.amount, kind: move.kind, reservationId: move.reservationId, balanceAfter: balance },
  });
  await recordCreditMove(tx, move, { transactionId: entry.id.toString(), balance, escrow: await escrowOf(tx, move.userId) });
  return balance;
}

/** `GET /credits`: one's balance, escrow and ledger (newest first, paginated by `before`). */
export async function getCredits(principal: Principal, query: unknown): Promise<CreditsView> {
  await requireScope(principal, "READ:CREDITS");
  const { limit, before } = parseQuery(creditsQuerySchema, query);
  const [user, escrow, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { credits: true } }),
    escrowOf(db, principal.userId),
    db.creditTransaction.findMany({
      where: { userId: principal.userId, ...(before ? { id: { lt: BigInt(before) } } : {}) },
      orderBy: { id: "desc" },
      take: limit + 1,
    }),
  ]);
  const page = rows.slice(0, limit);
  return {
    balance: user.credits,
    escrow,
    transactions: page.map((row) => ({
      id: row.id.toString(),
      kind: row.kind,
      amount: row.amount,
      balanceAfter: row.balanceAfter,
      reservationId: row.reservationId,
      createdAt: row.createdAt.toISOString(),
    })),
    nextBefore: rows.length > limit ? page.at(-1)!.id.toString() : null,
  };
}

/** The credit books now (see CreditSheet): one SQL statement, so one snapshot. */
export async function creditSheet(client: Transaction | typeof db): Promise<CreditSheet> {
  const [row] = await client.$queryRaw<Array<{ balances: bigint; escrow: bigint; pool: bigint; customers: bigint; departed: bigint }>>`
    SELECT
      (SELECT coalesce(sum(parking_credits), 0) FROM users)::bigint AS balances,
      (SELECT coalesce(sum(cost), 0) FROM reservations WHERE status = 'CONFIRMED' AND settled_at IS NULL)::bigint AS escrow,
      (SELECT coalesce(sum(balance), 0) FROM parking_credit_pool)::bigint AS pool,
      (SELECT count(*) FROM users WHERE role_id = ${ROLES.CUSTOMER.id})::bigint AS customers,
      (SELECT coalesce(sum(departed_customers), 0) FROM parking_credit_pool)::bigint AS departed`;
  const [balances, escrow, pool, customers, departedCustomers] = [row!.balances, row!.escrow, row!.pool, row!.customers, row!.departed].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    balances,
    escrow,
    pool,
    customers,
    departedCustomers,
    held: balances + escrow + pool,
    issued: STARTING_CREDITS * (customers + departedCustomers),
  };
}

/** Parking's reaction to a new account: every customer starts with STARTING_CREDITS (in the account's creating transaction). */
export async function grantStartingCredits(tx: Transaction, account: { id: string; role: RoleName }): Promise<void> {
  if (account.role !== "CUSTOMER") return;
  await tx.user.update({ where: { id: account.id }, data: { credits: STARTING_CREDITS }, select: { id: true } });
}

/** The dashboard's credit card for a customer: their balance and what a reservation costs. */
export async function creditHighlight(principal: Principal): Promise<DashboardHighlight | null> {
  if (principal.role !== "CUSTOMER") return null;
  const user = await db.user.findUnique({ where: { id: principal.userId }, select: { credits: true } });
  if (!user) return null;
  return {
    title: "Parking credits",
    value: String(user.credits),
    note: `A reservation costs ${parkingSettings().PARKING_RESERVATION_COST} credits; sharing your spot earns them.`,
    link: principal.scopes.has("READ:CREDITS") ? { href: "/parking/credits", label: "Ledger and balance history" } : undefined,
    testId: "credit-balance",
  };
}
