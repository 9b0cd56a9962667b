/**
 * Recommended work as staff handle it before the customer decides: the list on a booking,
 * a recommendation added by hand, and an adjustment of a pending one (price with a reason,
 * severity, reason). Approved and declined recommendations are the customer's decision and
 * are not changed here (409).
 */
import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, pathId } from "../../../validation";
import { recordGarageEvent } from "../events";
import { recommendationInputSchema, recommendationUpdateSchema } from "../schemas";
import { taxOn } from "../view-models/money";
import type { RecommendationView } from "../views";
import { actsOnOwnRowsOnly, type BookingStatusName } from "../vocabulary";
import { BOOKING_MESSAGES } from "./bookings";
import { recommendWork, toRecommendationView } from "./recommendations";
import { lockBooking, moveBooking, requireWorkshopActor } from "./workshop";

export const RECOMMENDATION_MESSAGES = {
  notFound: "Recommendation not found.",
  decided: "The customer has already decided on this recommendation: it is no longer adjusted here.",
  closedBooking: "Work is recommended while the car is inspected, awaits approval or is in progress.",
  reasonWithoutAdjustment: "is given only with a price other than the price chart's",
} as const;

/** Staff recommend work by hand while the car is in the workshop. */
const RECOMMENDING_STATUSES: readonly BookingStatusName[] = ["INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS"];

/** GET /bookings/{id}/recommendations: oldest first (customers: their own bookings). */
export async function listRecommendations(principal: Principal, id: string): Promise<RecommendationView[]> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { customerId: true, currency: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  const rows = await db.recommendation.findMany({ where: { bookingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => toRecommendationView(row, booking.currency));
}

/**
 * POST /bookings/{id}/recommendations: the assigned mechanic or an admin recommends a service,
 * priced from the chart for the car (another price needs a reason). A booking in progress
 * goes back to AWAITING_APPROVAL: the customer decides before the work is done.
 */
export async function addRecommendation(principal: Principal, id: string, input: unknown): Promise<RecommendationView> {
  await requireScope(principal, "WRITE:BOOKING_RECOMMENDATIONS");
  const data = parseInput(recommendationInputSchema, input);
  return transaction(async (tx) => {
    const booking = await lockBooking(tx, principal, id);
    await requireWorkshopActor(tx, principal, booking.id);
    if (!RECOMMENDING_STATUSES.includes(booking.status)) throw new ConflictError(RECOMMENDATION_MESSAGES.closedBooking);
    const view = await recommendWork(tx, principal, booking, data);
    if (booking.status === "IN_PROGRESS") await moveBooking(tx, principal, booking, "AWAITING_APPROVAL", { note: `Recommended: ${view.serviceName}. It awaits your approval.` });
    return view;
  });
}

/**
 * PATCH /recommendations/{id}: staff adjust a PENDING recommendation before the customer decides
 * (a price other than the chart's needs adjustmentReason). Every change bumps `version`.
 */
export async function updateRecommendation(principal: Principal, id: string, input: unknown): Promise<RecommendationView> {
  await requireScope(principal, "UPDATE:BOOKING_RECOMMENDATIONS");
  const recommendationId = pathId(id, RECOMMENDATION_MESSAGES.notFound);
  const changes = parseInput(recommendationUpdateSchema, input);
  return transaction(async (tx) => {
    const found = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { bookingId: true } });
    if (!found) throw new NotFoundError(RECOMMENDATION_MESSAGES.notFound);
    const booking = await lockBooking(tx, principal, found.bookingId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(RECOMMENDATION_MESSAGES.notFound) : error;
    });
    await requireWorkshopActor(tx, principal, booking.id);
    const row = await tx.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    if (row.status !== "PENDING") throw new ConflictError(RECOMMENDATION_MESSAGES.decided);
    const priceMinor = changes.priceMinor ?? row.priceMinor;
    const adjusted = priceMinor !== row.chartPriceMinor;
    let adjustmentReason: string | null;
    if (!adjusted) {
      if (changes.adjustmentReason !== undefined) throw fieldError(["body", "adjustmentReason"], RECOMMENDATION_MESSAGES.reasonWithoutAdjustment);
      adjustmentReason = null;
    } else if (changes.priceMinor !== undefined && changes.priceMinor !== row.priceMinor) {
      // A new price needs its own reason.
      if (changes.adjustmentReason === undefined) throw fieldError(["body", "adjustmentReason"], "say why the price differs from the price chart");
      adjustmentReason = changes.adjustmentReason;
    } else {
      adjustmentReason = changes.adjustmentReason ?? row.adjustmentReason;
    }
    const updated = await tx.recommendation.updateMany({
      where: { id: row.id, version: row.version, status: "PENDING" },
      data: {
        ...(changes.severity ? { severity: changes.severity } : {}),
        ...(changes.reason !== undefined ? { reason: changes.reason } : {}),
        priceMinor,
        adjustmentReason,
        taxMinor: taxOn(priceMinor, row.gstBasisPoints),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ConflictError(RECOMMENDATION_MESSAGES.decided);
    const view = toRecommendationView(await tx.recommendation.findUniqueOrThrow({ where: { id: row.id } }), booking.currency);
    await recordGarageEvent(tx, {
      topic: "booking_events",
      type: "recommendation.updated",
      key: booking.id,
      payload: { ...view, customerId: booking.customerId, carPlate: booking.carPlate },
      actor: principal.userId,
    });
    return view;
  });
}

/**
 * The recommendations of several bookings at once, by booking id (GraphQL's
 * `Booking.recommendations`, one query for a whole list). Customers get their own bookings' only.
 */
export async function recommendationsForBookings(principal: Principal, bookingIds: readonly string[]): Promise<Map<string, RecommendationView[]>> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const rows = await db.recommendation.findMany({
    where: { bookingId: { in: [...bookingIds] }, ...(actsOnOwnRowsOnly(principal) ? { booking: { customerId: principal.userId } } : {}) },
    include: { booking: { select: { currency: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byBooking = new Map<string, RecommendationView[]>(bookingIds.map((id) => [id, []]));
  for (const { booking, ...row } of rows) byBooking.get(row.bookingId)?.push(toRecommendationView(row, booking.currency));
  return byBooking;
}
