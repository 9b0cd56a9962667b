/**
 * The workshop floor's timeline: status transitions checked against the current status
 * and recorded as progress entries (who, when, a note), notes staff add, and the odometer
 * readings at check-in and delivery.
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import { groupedBy } from "../../../graphql/loaders";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId } from "../../../validation";
import { recordGarageEvent } from "../events";
import { bookingTransitionSchema, progressNoteInputSchema, progressNoteUpdateSchema, workshopBoardQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import { addCalendarDays, shopDate, shopInstant } from "../view-models/shop-clock";
import type { BookingProgressEvent, BookingProgressView, BookingView, WorkshopCardView } from "../views";
import { actsOnOwnRowsOnly, BOOKING_STATUS_LABELS, canMoveTo, WORKSHOP_TRANSITIONS, type BookingStatusName } from "../vocabulary";
import { BOOKING_MESSAGES, toBookingView, toProgressView } from "./bookings";
import { issueInvoiceFor } from "./invoices";

export const WORKSHOP_MESSAGES = {
  notYourJob: "Only the mechanic assigned to this booking (or an admin) can do that.",
  progressNotFound: "Progress entry not found.",
  odometerBelowCheckIn: "The odometer reading out cannot be lower than the reading at check-in.",
  moved: (from: BookingStatusName, to: BookingStatusName) =>
    `A booking that is ${BOOKING_STATUS_LABELS[from].toLowerCase()} cannot move to ${BOOKING_STATUS_LABELS[to].toLowerCase()}.`,
} as const;

const MINUTE = 60_000;

/** Assignments that still hold their mechanic's time: the mechanic works on the booking. */
export const HOLDING_ASSIGNMENT_STATUSES = ["ASSIGNED", "ACCEPTED", "STARTED", "FINISHED"] as const;

const bookingInclude = { customer: { select: { id: true, name: true } } } satisfies Prisma.BookingInclude;
export type WorkshopBooking = Prisma.BookingGetPayload<{ include: typeof bookingInclude }>;

/** Locks and loads a booking for a change on the workshop floor (customers see only their own; others' are 404). */
export async function lockBooking(tx: Transaction, principal: Principal, id: string): Promise<WorkshopBooking> {
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  await tx.$queryRaw`SELECT 1 FROM bookings WHERE id = ${bookingId}::uuid FOR UPDATE`;
  const row = await tx.booking.findUnique({ where: { id: bookingId }, include: bookingInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  return row;
}

/** Admins work on every booking; a mechanic only on one they hold an assignment on. */
export async function requireWorkshopActor(tx: Transaction, principal: Principal, bookingId: string): Promise<void> {
  if (principal.role === "ADMIN") return;
  if (principal.role === "MECHANIC") {
    const assigned = await tx.bookingAssignment.count({
      where: { bookingId, mechanicId: principal.userId, status: { in: [...HOLDING_ASSIGNMENT_STATUSES] } },
    });
    if (assigned > 0) return;
  }
  throw new ForbiddenError(WORKSHOP_MESSAGES.notYourJob);
}

/**
 * Moves a booking from its current status to `to` inside the caller's transaction: a guarded
 * update (409 when another request moved it first), a progress entry and the event. Callers
 * check that the move is allowed and who may make it.
 */
export async function moveBooking(
  tx: Transaction,
  principal: Principal,
  booking: WorkshopBooking,
  to: BookingStatusName,
  options: { note?: string | null; data?: Prisma.BookingUpdateManyMutationInput } = {},
): Promise<WorkshopBooking> {
  const moved = await tx.booking.updateMany({ where: { id: booking.id, status: booking.status }, data: { ...options.data, status: to } });
  if (moved.count === 0) throw new ConflictError(WORKSHOP_MESSAGES.moved(booking.status, to));
  const entry = await tx.bookingProgress.create({
    data: { bookingId: booking.id, fromStatus: booking.status, toStatus: to, actorId: principal.userId, actorName: principal.name, note: options.note ?? null },
  });
  const after = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, include: bookingInclude });
  await recordGarageEvent(tx, {
    topic: "booking_events",
    type: "booking.status_changed",
    key: booking.id,
    payload: { ...toBookingView(after), change: toProgressView(entry) },
    actor: principal.userId,
  });
  return after;
}

/** POST /bookings/{id}/status: the assigned mechanic or an admin moves the booking one step along the workshop's flow. */
export async function transitionBooking(principal: Principal, id: string, input: unknown): Promise<BookingView> {
  await requireScope(principal, "WRITE:BOOKING_PROGRESS");
  const { status: to, note, odometerKm, promisedAt } = parseInput(bookingTransitionSchema, input);
  if (to === "CHECKED_IN" || to === "DELIVERED") {
    if (odometerKm === undefined) throw fieldError(["body", "odometerKm"], to === "CHECKED_IN" ? "read the odometer at check-in" : "read the odometer at delivery");
  } else if (odometerKm !== undefined) {
    throw fieldError(["body", "odometerKm"], "is read only at check-in and at delivery");
  }
  if (promisedAt !== undefined && to !== "CHECKED_IN") throw fieldError(["body", "promisedAt"], "is set at check-in");
  const row = await transaction(async (tx) => {
    const booking = await lockBooking(tx, principal, id);
    await requireWorkshopActor(tx, principal, booking.id);
    if (!canMoveTo(booking.status, to)) throw new ConflictError(WORKSHOP_MESSAGES.moved(booking.status, to));
    let data: Prisma.BookingUpdateManyMutationInput = {};
    if (to === "CHECKED_IN") {
      data = {
        odometerInKm: odometerKm,
        promisedAt: promisedAt ?? new Date(booking.slotEnd.getTime() + booking.labourMinutes * MINUTE),
      };
    }
    if (to === "DELIVERED" && odometerKm !== undefined) {
      if (booking.odometerInKm !== null && odometerKm < booking.odometerInKm) throw fieldError(["body", "odometerKm"], WORKSHOP_MESSAGES.odometerBelowCheckIn);
      data = { odometerOutKm: odometerKm };
    }
    // Either reading raises the car's odometer, never lowers it.
    if (booking.carId && odometerKm !== undefined) {
      await tx.customerCar.updateMany({ where: { id: booking.carId, odometerKm: { lt: odometerKm } }, data: { odometerKm } });
    }
    const moved = await moveBooking(tx, principal, booking, to, { note, data });
    if (to === "READY") await issueInvoiceFor(tx, principal, moved);
    return moved;
  });
  return toBookingView(row);
}

function progressEvent(entry: BookingProgressView, booking: WorkshopBooking): BookingProgressEvent {
  return { ...entry, bookingId: booking.id, customerId: booking.customerId, carPlate: booking.carPlate, status: booking.status };
}

/** GET /bookings/{id}/progress: the timeline, oldest first (customers: their own bookings). */
export async function listProgress(principal: Principal, id: string): Promise<BookingProgressView[]> {
  await requireScope(principal, "READ:BOOKING_PROGRESS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { customerId: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  const rows = await db.bookingProgress.findMany({ where: { bookingId }, orderBy: { id: "asc" } });
  return rows.map(toProgressView);
}

/** The timelines of bookings the caller has already been shown (GraphQL's Booking.progress), in one query. */
export async function progressOfShownBookings(principal: Principal, bookingIds: readonly string[]): Promise<BookingProgressView[][]> {
  await requireScope(principal, "READ:BOOKING_PROGRESS");
  const rows = await db.bookingProgress.findMany({ where: { bookingId: { in: [...bookingIds] } }, orderBy: { id: "asc" } });
  return groupedBy(bookingIds, rows, (row) => row.bookingId).map((entries) => entries.map(toProgressView));
}

/** POST /bookings/{id}/progress: a note on the timeline from the assigned mechanic or an admin. */
export async function addProgressNote(principal: Principal, id: string, input: unknown): Promise<BookingProgressView> {
  await requireScope(principal, "WRITE:BOOKING_PROGRESS");
  const { note } = parseInput(progressNoteInputSchema, input);
  return transaction(async (tx) => {
    const booking = await lockBooking(tx, principal, id);
    await requireWorkshopActor(tx, principal, booking.id);
    if (booking.status === "CANCELLED" || booking.status === "DELIVERED") throw new ConflictError("The booking is closed: its timeline takes no more notes.");
    const entry = toProgressView(await tx.bookingProgress.create({ data: { bookingId: booking.id, actorId: principal.userId, actorName: principal.name, note } }));
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.progress_added", key: booking.id, payload: progressEvent(entry, booking), actor: principal.userId });
    return entry;
  });
}

async function progressEntry(tx: Transaction, principal: Principal, bookingId: string, entryId: string) {
  const booking = await lockBooking(tx, principal, bookingId);
  const idNumber = /^[1-9][0-9]{0,17}$/.test(entryId) ? BigInt(entryId) : null;
  const entry = idNumber === null ? null : await tx.bookingProgress.findUnique({ where: { id: idNumber } });
  if (!entry || entry.bookingId !== booking.id) throw new NotFoundError(WORKSHOP_MESSAGES.progressNotFound);
  return { booking, entry };
}

/** PATCH /bookings/{id}/progress/{entryId}: an admin corrects an entry's note (the transition it records stays). */
export async function updateProgressNote(principal: Principal, bookingId: string, entryId: string, input: unknown): Promise<BookingProgressView> {
  await requireScope(principal, "UPDATE:BOOKING_PROGRESS");
  const { note } = parseInput(progressNoteUpdateSchema, input);
  return transaction(async (tx) => {
    const { booking, entry } = await progressEntry(tx, principal, bookingId, entryId);
    const updated = toProgressView(await tx.bookingProgress.update({ where: { id: entry.id }, data: { note, editedAt: new Date(), editedById: principal.userId } }));
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.progress_updated", key: booking.id, payload: progressEvent(updated, booking), actor: principal.userId });
    return updated;
  });
}

/** DELETE /bookings/{id}/progress/{entryId}: an admin removes a note; status transitions are the booking's record and stay. */
export async function deleteProgressNote(principal: Principal, bookingId: string, entryId: string): Promise<void> {
  await requireScope(principal, "DELETE:BOOKING_PROGRESS");
  await transaction(async (tx) => {
    const { booking, entry } = await progressEntry(tx, principal, bookingId, entryId);
    if (entry.toStatus !== null) throw new ConflictError("A status transition is part of the booking's record: correct its note instead.");
    await tx.bookingProgress.delete({ where: { id: entry.id } });
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.progress_deleted", key: booking.id, payload: progressEvent(toProgressView(entry), booking), actor: principal.userId });
  });
}

/** Statuses of the board's columns, in the workshop's order. */
export const BOARD_STATUSES = ["BOOKED", "CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY", "DELIVERED"] as const satisfies readonly BookingStatusName[];

/**
 * GET /garage/board: the job board for staff. The day's drop-offs still booked, every car in
 * the shop whatever day it came, and the day's deliveries; each card with its mechanics, the
 * labour done against the estimate and where its recommendations stand.
 */
export async function workshopBoard(principal: Principal, query: unknown, now: Date = new Date()): Promise<WorkshopCardView[]> {
  await requireScope(principal, "READ:BOOKINGS");
  if (actsOnOwnRowsOnly(principal)) throw new ForbiddenError("The job board is the workshop's.");
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const date = parseQuery(workshopBoardQuerySchema, query).date ?? shopDate(now, timeZone);
  const dayStart = shopInstant(date, "00:00", timeZone);
  const dayEnd = shopInstant(addCalendarDays(date, 1), "00:00", timeZone);
  const rows = await db.booking.findMany({
    where: {
      OR: [
        { status: "BOOKED", slotStart: { gte: dayStart, lt: dayEnd } },
        { status: { in: ["CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY"] } },
        { status: "DELIVERED", progress: { some: { toStatus: "DELIVERED", at: { gte: dayStart, lt: dayEnd } } } },
      ],
    },
    include: {
      customer: { select: { name: true } },
      assignments: { where: { status: { in: [...HOLDING_ASSIGNMENT_STATUSES] } }, select: { mechanicId: true, mechanicName: true, startedAt: true, finishedAt: true }, orderBy: { startsAt: "asc" } },
      recommendations: { select: { status: true } },
    },
    orderBy: [{ promisedAt: { sort: "asc", nulls: "last" } }, { slotStart: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((row) => {
    const mechanics = new Map(row.assignments.map((assignment) => [assignment.mechanicId ?? assignment.mechanicName, { id: assignment.mechanicId, name: assignment.mechanicName }]));
    const workedMs = row.assignments.reduce(
      (sum, assignment) => sum + (assignment.startedAt ? Math.max(0, (assignment.finishedAt ?? now).getTime() - assignment.startedAt.getTime()) : 0),
      0,
    );
    const count = (status: "PENDING" | "APPROVED" | "DECLINED") => row.recommendations.filter((recommendation) => recommendation.status === status).length;
    return {
      id: row.id,
      status: row.status,
      carPlate: row.carPlate,
      carDescription: row.carDescription,
      customerName: row.customer?.name ?? null,
      slotStart: row.slotStart.toISOString(),
      promisedAt: row.promisedAt?.toISOString() ?? null,
      labourMinutesEstimated: row.labourMinutes,
      labourMinutesDone: Math.floor(workedMs / MINUTE),
      mechanics: [...mechanics.values()],
      approval: { pending: count("PENDING"), approved: count("APPROVED"), declined: count("DECLINED") },
      nextStatuses: [...(WORKSHOP_TRANSITIONS[row.status] ?? [])],
      mayMove: principal.role === "ADMIN" || (principal.role === "MECHANIC" && row.assignments.some((assignment) => assignment.mechanicId === principal.userId)),
    };
  });
}
