import type { Transaction } from "../db";
import { ConflictError } from "../errors";

/**
 * For the identity module's account deletion, inside its transaction: reservations
 * and spots cascade with their user, so deleting a customer with a live reservation
 * (made by them or on their spots) would silently swallow the reserver's escrow.
 * Locks the user row (as `reserve` does) and refuses with 409 naming the reservation.
 */
export async function assertNoLiveParking(tx: Transaction, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  const live = await tx.reservation.findFirst({
    where: { status: { in: ["CONFIRMED", "ACTIVE"] }, OR: [{ reserverId: userId }, { ownerId: userId }] },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, endsAt: true },
  });
  if (live) {
    throw new ConflictError(
      `Reservation ${live.id} (${live.startsAt.toISOString()} – ${live.endsAt.toISOString()}) is still live; cancel it or let it end first.`,
      { reservationId: live.id },
    );
  }
}
