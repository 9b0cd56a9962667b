/**
 * The customer's decisions on recommended work: approve or decline each pending item (or all
 * at once), in the app or by phone through staff. Every decision is an immutable approval
 * record (the database refuses to change one); approved items become booked services and
 * change the booking's totals; declined items stay on the car as deferred work and are
 * offered again at its next booking. Approved work that is revised needs a new approval.
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { ApprovalItem as ApprovalItemRow, ApprovalRecord as ApprovalRecordRow, Prisma, Recommendation as RecommendationRow } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, pathId } from "../../../validation";
import { recordGarageEvent } from "../events";
import { approvalDecisionSchema, recommendationReviseSchema } from "../schemas";
import { taxOn } from "../view-models/money";
import type { ApprovalOutcomeView, ApprovalRecordView, RecommendationView } from "../views";
import { actsOnOwnRowsOnly, type BookingStatusName } from "../vocabulary";
import { BOOKING_MESSAGES, toBookingView } from "./bookings";
import { CUSTOMER_MESSAGES } from "./customer-access";
import { recommendWork, toRecommendationView } from "./recommendations";
import { lockBooking, moveBooking, requireWorkshopActor, type WorkshopBooking } from "./workshop";

export const APPROVAL_MESSAGES = {
  notDecidable: "Recommended work is decided while the booking awaits approval or is in progress.",
  notPending: "This recommendation is already decided.",
  nothingPending: "No recommended work on this booking awaits a decision.",
  stale: "This recommendation was changed since you saw it: look at it again before deciding.",
  customersInApp: "Customers decide in the app; only staff record a decision given by phone.",
  staffByPhone: "Staff record the customer's decision given by phone (channel PHONE); customers decide in the app.",
  recommendationNotFound: "Recommendation not found.",
  staffRevise: "Only the mechanic on the job or an admin revises recommended work.",
  notApproved: "Only approved work is revised here; a pending recommendation is edited as it is.",
  notRevisable: "Approved work is revised while the booking awaits approval or is in progress.",
} as const;

/** The booking statuses in which the customer decides on recommended work. */
export const DECIDING_STATUSES = ["AWAITING_APPROVAL", "IN_PROGRESS"] as const satisfies readonly BookingStatusName[];
const isDeciding = (status: BookingStatusName) => (DECIDING_STATUSES as readonly BookingStatusName[]).includes(status);

type ApprovalRecordWithItems = ApprovalRecordRow & { items: ApprovalItemRow[] };

export function toApprovalRecordView(row: ApprovalRecordWithItems): ApprovalRecordView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    decision: row.decision,
    channel: row.channel,
    customerId: row.customerId,
    customerName: row.customerName,
    recordedById: row.recordedById,
    recordedByName: row.recordedByName,
    amountMinor: row.amountMinor,
    currency: row.currency,
    note: row.note,
    at: row.at.toISOString(),
    items: row.items.map((item) => ({
      id: item.id,
      recommendationId: item.recommendationId,
      version: item.version,
      serviceName: item.serviceName,
      priceMinor: item.priceMinor,
      taxMinor: item.taxMinor,
    })),
  };
}

const itemsInOrder = { items: { orderBy: [{ serviceName: "asc" as const }, { id: "asc" as const }] } };

/** A booking's labour and money are the sums of its booked services: set them again after its lines change. */
export async function recomputeBookingTotals(tx: Transaction, bookingId: string): Promise<void> {
  const sums = await tx.bookedService.aggregate({ where: { bookingId }, _sum: { labourMinutes: true, priceMinor: true, taxMinor: true } });
  const subtotalMinor = sums._sum.priceMinor ?? 0;
  const taxMinor = sums._sum.taxMinor ?? 0;
  await tx.booking.update({
    where: { id: bookingId },
    data: { labourMinutes: sums._sum.labourMinutes ?? 0, subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor },
  });
}

/** Customers decide in the app on their own bookings; staff (admin, the assigned mechanic) record decisions given by phone. */
async function decisionChannel(tx: Transaction, principal: Principal, booking: WorkshopBooking, asked: "IN_APP" | "PHONE" | undefined) {
  if (actsOnOwnRowsOnly(principal)) {
    if (asked === "PHONE") throw new ForbiddenError(APPROVAL_MESSAGES.customersInApp);
    return "IN_APP" as const;
  }
  if (asked === "IN_APP") throw new ForbiddenError(APPROVAL_MESSAGES.staffByPhone);
  await requireWorkshopActor(tx, principal, booking.id);
  return "PHONE" as const;
}

/**
 * POST /bookings/{id}/approvals. Under the booking's row lock: each named item must be
 * pending and at the version the customer saw. One record per decision kind; approved items
 * become booked services (the totals follow); the last decision moves an awaiting booking on.
 */
export async function decideRecommendations(principal: Principal, id: string, input: unknown): Promise<ApprovalOutcomeView> {
  await requireScope(principal, "UPDATE:BOOKING_RECOMMENDATIONS");
  const data = parseInput(approvalDecisionSchema, input);
  return transaction(async (tx) => {
    let booking = await lockBooking(tx, principal, id);
    const channel = await decisionChannel(tx, principal, booking, data.channel);
    if (!isDeciding(booking.status)) throw new ConflictError(APPROVAL_MESSAGES.notDecidable);
    const rows = await tx.recommendation.findMany({ where: { bookingId: booking.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const byId = new Map(rows.map((row) => [row.id, row]));

    let chosen: Array<{ row: RecommendationRow; decision: "APPROVED" | "DECLINED" }>;
    if (data.decisions) {
      chosen = data.decisions.map((decision, index) => {
        const row = byId.get(decision.recommendationId);
        if (!row) throw fieldError(["body", "decisions", index, "recommendationId"], "is not a recommendation of this booking");
        return { row, decision: decision.decision };
      });
      for (const [index, { row }] of chosen.entries()) {
        if (row.status !== "PENDING") throw new ConflictError(APPROVAL_MESSAGES.notPending);
        if (row.version !== data.decisions[index]!.version) throw new ConflictError(APPROVAL_MESSAGES.stale);
      }
    } else {
      const pending = rows.filter((row) => row.status === "PENDING");
      if (pending.length === 0) throw new ConflictError(APPROVAL_MESSAGES.nothingPending);
      chosen = pending.map((row) => ({ row, decision: data.all! }));
    }

    const now = new Date();
    const records: ApprovalRecordView[] = [];
    for (const decision of ["APPROVED", "DECLINED"] as const) {
      const items = chosen.filter((item) => item.decision === decision).map((item) => item.row);
      if (items.length === 0) continue;
      const record = await tx.approvalRecord.create({
        include: itemsInOrder,
        data: {
          bookingId: booking.id,
          decision,
          channel,
          customerId: booking.customerId,
          customerName: booking.customer?.name ?? "Former customer",
          recordedById: principal.userId,
          recordedByName: principal.name,
          amountMinor: items.reduce((sum, item) => sum + item.priceMinor + item.taxMinor, 0),
          currency: booking.currency,
          note: data.note ?? null,
          at: now,
          items: {
            create: items.map((item) => ({ recommendationId: item.id, version: item.version, serviceName: item.serviceName, priceMinor: item.priceMinor, taxMinor: item.taxMinor })),
          },
        },
      });
      for (const item of items) {
        const bookedService =
          decision === "APPROVED"
            ? await tx.bookedService.create({
                data: {
                  bookingId: booking.id,
                  serviceId: item.serviceId,
                  serviceName: item.serviceName,
                  labourMinutes: item.labourMinutes,
                  priceMinor: item.priceMinor,
                  priceSource: item.priceSource,
                  priceChartId: item.priceChartId,
                  gstCode: item.gstCode,
                  gstBasisPoints: item.gstBasisPoints,
                  taxMinor: item.taxMinor,
                },
              })
            : null;
        // Guarded by status and version too: the row lock makes this the only writer, the guard keeps it honest.
        const updated = await tx.recommendation.updateMany({
          where: { id: item.id, status: "PENDING", version: item.version },
          data: { status: decision, decidedAt: now, bookedServiceId: bookedService?.id ?? null },
        });
        if (updated.count === 0) throw new ConflictError(APPROVAL_MESSAGES.stale);
      }
      const view = toApprovalRecordView(record);
      records.push(view);
      await recordGarageEvent(tx, {
        topic: "booking_events",
        type: decision === "APPROVED" ? "recommendation.approved" : "recommendation.declined",
        key: booking.id,
        payload: { ...view, carPlate: booking.carPlate },
        actor: principal.userId,
      });
    }

    if (chosen.some((item) => item.decision === "APPROVED")) await recomputeBookingTotals(tx, booking.id);
    const stillPending = await tx.recommendation.count({ where: { bookingId: booking.id, status: "PENDING" } });
    if (stillPending === 0 && booking.status === "AWAITING_APPROVAL") {
      booking = await moveBooking(tx, principal, booking, "IN_PROGRESS", { note: "Every recommended item is decided: work goes on." });
    } else {
      booking = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, include: { customer: { select: { id: true, name: true } } } });
    }
    const decided = await tx.recommendation.findMany({ where: { id: { in: chosen.map((item) => item.row.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return { records, booking: toBookingView(booking), recommendations: decided.map((row) => toRecommendationView(row, booking.currency)) };
  });
}

/** GET /bookings/{id}/approvals: the booking's approval records with their items, newest first (customers: their own bookings). */
export async function listApprovals(principal: Principal, id: string): Promise<ApprovalRecordView[]> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, customerId: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  return (await approvalsForBookings(principal, [booking.id])).get(booking.id) ?? [];
}

/** Approval records of many bookings in one query (GraphQL's Booking.approvals); customers get their own bookings' only. */
export async function approvalsForBookings(principal: Principal, bookingIds: readonly string[]): Promise<Map<string, ApprovalRecordView[]>> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const rows = await db.approvalRecord.findMany({
    where: { bookingId: { in: [...bookingIds] }, ...(actsOnOwnRowsOnly(principal) ? { booking: { customerId: principal.userId } } : {}) },
    include: itemsInOrder,
    orderBy: [{ at: "desc" }, { decision: "asc" }, { id: "asc" }],
  });
  const result = new Map<string, ApprovalRecordView[]>(bookingIds.map((bookingId) => [bookingId, []]));
  for (const row of rows) result.get(row.bookingId)?.push(toApprovalRecordView(row));
  return result;
}

// ── deferred work: declined items kept on the car, offered again at its next booking ──

/**
 * Deferred work of the given cars: recommendations not offered again that the customer declined, or
 * that were left undecided on a booking since cancelled (the work was never done either way).
 */
const deferredWhere = (carIds: readonly string[]): Prisma.RecommendationWhereInput => ({
  carId: { in: [...carIds] },
  offeredAgain: { is: null },
  OR: [{ status: "DECLINED" }, { status: "PENDING", booking: { status: "CANCELLED" } }],
});

/** GET /customer-cars/{id}/deferred-work: work declined (or left undecided on a cancelled booking) on the car's earlier bookings, not yet offered again (owner and staff). */
export async function listDeferredWork(principal: Principal, id: string): Promise<RecommendationView[]> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const carId = pathId(id, CUSTOMER_MESSAGES.carNotFound);
  const car = await db.customerCar.findUnique({ where: { id: carId }, select: { id: true, ownerId: true } });
  if (!car || (actsOnOwnRowsOnly(principal) && car.ownerId !== principal.userId)) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
  return (await deferredWorkForCars(principal, [car.id])).get(car.id) ?? [];
}

/** Deferred work of many cars in one query (the cars page, GraphQL's CustomerCar.deferredWork); customers get their own cars' only. */
export async function deferredWorkForCars(principal: Principal, carIds: readonly string[]): Promise<Map<string, RecommendationView[]>> {
  await requireScope(principal, "READ:BOOKING_RECOMMENDATIONS");
  const rows = await db.recommendation.findMany({
    where: { ...deferredWhere(carIds), ...(actsOnOwnRowsOnly(principal) ? { car: { ownerId: principal.userId } } : {}) },
    include: { booking: { select: { currency: true } } },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
  });
  const result = new Map<string, RecommendationView[]>(carIds.map((carId) => [carId, []]));
  for (const row of rows) if (row.carId) result.get(row.carId)?.push(toRecommendationView(row, row.booking.currency));
  return result;
}

/**
 * Called by createBooking inside its transaction: the car's deferred work becomes pending
 * recommendations on the new booking, priced again from today's chart. Work whose service
 * is no longer offered stays deferred.
 */
export async function offerDeferredWork(tx: Transaction, principal: Principal, booking: WorkshopBooking): Promise<RecommendationView[]> {
  if (!booking.carId) return [];
  // Bookings of one car on different days run side by side: a lock per car makes the second see the first's offers.
  // (Not the car's row lock: each booking's foreign key already holds a share lock on it, and the two would deadlock.)
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`garage-car:${booking.carId}`}))`;
  const deferred = await tx.recommendation.findMany({
    where: { ...deferredWhere([booking.carId]), bookingId: { not: booking.id }, service: { is: { active: true } } },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
  });
  const offered: RecommendationView[] = [];
  for (const row of deferred) {
    offered.push(
      await recommendWork(tx, principal, booking, {
        serviceId: row.serviceId!,
        severity: row.severity === "CRITICAL" ? "CRITICAL" : "ATTENTION",
        reason: row.reason,
        deferredFromId: row.id,
      }),
    );
  }
  return offered;
}

// ── revising approved work ──

/**
 * POST /recommendations/{id}/revise: staff change the price of approved work. Its booked
 * service goes (the totals follow), it is pending again at the next version, and an
 * in-progress booking waits for the customer's approval again. Earlier records stay as they were.
 */
export async function reviseApprovedRecommendation(principal: Principal, id: string, input: unknown): Promise<RecommendationView> {
  await requireScope(principal, "UPDATE:BOOKING_RECOMMENDATIONS");
  const recommendationId = pathId(id, APPROVAL_MESSAGES.recommendationNotFound);
  if (actsOnOwnRowsOnly(principal)) throw new ForbiddenError(APPROVAL_MESSAGES.staffRevise);
  const data = parseInput(recommendationReviseSchema, input);
  return transaction(async (tx) => {
    const found = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { bookingId: true } });
    if (!found) throw new NotFoundError(APPROVAL_MESSAGES.recommendationNotFound);
    const booking = await lockBooking(tx, principal, found.bookingId);
    await requireWorkshopActor(tx, principal, booking.id);
    const row = await tx.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    if (row.status !== "APPROVED") throw new ConflictError(APPROVAL_MESSAGES.notApproved);
    if (!isDeciding(booking.status)) throw new ConflictError(APPROVAL_MESSAGES.notRevisable);
    if (data.priceMinor === row.priceMinor) throw fieldError(["body", "priceMinor"], "is the price already approved");
    const backToChart = data.priceMinor === row.chartPriceMinor;
    if (!backToChart && !data.adjustmentReason) throw fieldError(["body", "adjustmentReason"], "say why the price differs from the price chart");
    const updated = await tx.recommendation.update({
      where: { id: row.id },
      data: {
        status: "PENDING",
        version: { increment: 1 },
        bookedServiceId: null,
        decidedAt: null,
        priceMinor: data.priceMinor,
        adjustmentReason: backToChart ? null : (data.adjustmentReason ?? null),
        taxMinor: taxOn(data.priceMinor, row.gstBasisPoints),
      },
    });
    if (row.bookedServiceId) await tx.bookedService.delete({ where: { id: row.bookedServiceId } });
    await recomputeBookingTotals(tx, booking.id);
    const view = toRecommendationView(updated, booking.currency);
    await recordGarageEvent(tx, {
      topic: "booking_events",
      type: "recommendation.revised",
      key: booking.id,
      payload: { ...view, customerId: booking.customerId, carPlate: booking.carPlate },
      actor: principal.userId,
    });
    if (booking.status === "IN_PROGRESS") {
      await moveBooking(tx, principal, booking, "AWAITING_APPROVAL", { note: `${row.serviceName} was changed: it needs your approval again.` });
    }
    return view;
  });
}
