import type { Transaction } from "../../../db";
import { ROLES } from "../../../identity/roles";
import { deletedSpotView, spotViewIn } from "./spots";
import { recordParkingEvent } from "../events";

/**
 * Parking's part of deleting an account, inside the deletion's transaction, after the
 * account's row is locked and nothing live is left (so nothing of theirs is in escrow):
 * - their balance moves to the community pool, and a departing customer is counted as
 *   departed, so Σ balances + Σ escrow + pool = 50 × (customers + departed) stays exact;
 * - their live spots are announced as deleted (the rows go with the account), so live
 *   boards drop them at once.
 */
export async function releaseDepartingMember(tx: Transaction, userId: string, actor: string): Promise<void> {
  const [member] = await tx.$queryRaw<Array<{ parking_credits: number; role_id: number }>>`
    SELECT parking_credits, role_id FROM users WHERE id = ${userId}`;
  if (!member) return;
  const departedCustomers = member.role_id === ROLES.CUSTOMER.id ? 1 : 0;
  if (member.parking_credits > 0 || departedCustomers > 0) {
    const [pool] = await tx.$queryRaw<Array<{ balance: number }>>`
      UPDATE parking_credit_pool
         SET balance = balance + ${member.parking_credits}, departed_customers = departed_customers + ${departedCustomers}, updated_at = now()
       WHERE id = 1
      RETURNING balance`;
    if (!pool) throw new Error("The parking_credit_pool row is missing: run the migrations.");
    await recordParkingEvent(tx, {
      topic: "credit_events",
      key: userId,
      type: "credit.pooled",
      payload: { userId, amount: member.parking_credits, poolBalance: pool.balance },
      actor,
    });
  }

  const spots = await tx.parkingSpot.findMany({ where: { ownerId: userId, deletedAt: null }, select: { id: true } });
  for (const { id } of spots) {
    const view = await spotViewIn(tx, id);
    await recordParkingEvent(tx, { topic: "parking_events", key: id, type: "spot.deleted", payload: deletedSpotView(view), actor });
  }
}
