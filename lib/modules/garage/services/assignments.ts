/**
 * Mechanics' assignments: an admin gives a booking (or one of its booked services) to a
 * mechanic for a span of the shop day; the mechanic accepts, starts and finishes it. No
 * mechanic holds two overlapping assignments: the exclusion constraint
 * `booking_assignments_no_overlap` decides (REASSIGNED and CANCELLED ones hold no time), and
 * its violation is a 409, so concurrent requests cannot double-book anyone.
 *
 * Who may act: admins on every assignment; a mechanic (UPDATE:BOOKING_ASSIGNMENT "(own)")
 * only on their own, and another mechanic's is a 403 (everyone's assignments are readable,
 * so hiding them behind a 404 would hide nothing). Customers read the assignments of their
 * own bookings; another customer's booking is a 404.
 *
 * Starting an assignment does not move the booking's status: that is the workshop's status endpoint.
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { isExclusionViolation, withConflicts } from "../../../db-conflicts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { ROLES } from "../../../identity/roles";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { ASSIGNMENT_MAX_HOURS, assignmentInputSchema, assignmentListQuerySchema, assignmentStepSchema, autoAssignInputSchema, myJobsQuerySchema, reassignInputSchema } from "../schemas";
import { garageSettings } from "../settings";
import { addCalendarDays, formatShopClock, shopDate, shopInstant } from "../view-models/shop-clock";
import type { AssignmentEvent, AssignmentView } from "../views";
import {
  actsOnOwnRowsOnly,
  ASSIGNMENT_STATUS_LABELS,
  ASSIGNMENT_STEPS,
  LIVE_ASSIGNMENT_STATUSES,
  OPEN_BOOKING_STATUSES,
  type AssignmentStep,
  type BookingStatusName,
} from "../vocabulary";
import { BOOKING_MESSAGES } from "./bookings";
import { HOLDING_ASSIGNMENT_STATUSES, lockBooking, type WorkshopBooking } from "./workshop";

const MINUTE = 60_000;

export const ASSIGNMENT_MESSAGES = {
  notFound: "Assignment not found.",
  bookingClosed: "The booking is delivered or cancelled: it takes no more assignments.",
  notYours: "This assignment is another mechanic's: only they (or an admin) can do that.",
  adminOnly: "Only an admin can do that to an assignment.",
  notLive: (status: keyof typeof ASSIGNMENT_STATUS_LABELS) => `The assignment is ${ASSIGNMENT_STATUS_LABELS[status].toLowerCase()}: it can no longer be changed.`,
  wrongStep: (status: keyof typeof ASSIGNMENT_STATUS_LABELS, step: AssignmentStep) =>
    `An assignment that is ${ASSIGNMENT_STATUS_LABELS[status].toLowerCase()} cannot be ${step === "accept" ? "accepted" : step === "start" ? "started" : "finished"}.`,
  overlap: (name: string, startsAt: Date, endsAt: Date) => {
    const zone = garageSettings().GARAGE_TIME_ZONE;
    return `${name} already holds an assignment overlapping ${formatShopClock(startsAt, zone)}–${formatShopClock(endsAt, zone)}.`;
  },
  noneFree: (startsAt: Date, endsAt: Date) => {
    const zone = garageSettings().GARAGE_TIME_ZONE;
    return `No mechanic is free from ${formatShopClock(startsAt, zone)} to ${formatShopClock(endsAt, zone)}.`;
  },
} as const;

const assignmentInclude = {
  booking: { select: { id: true, customerId: true, carPlate: true, carDescription: true, status: true, slotStart: true, promisedAt: true, labourMinutes: true } },
  bookedService: { select: { serviceName: true } },
} satisfies Prisma.BookingAssignmentInclude;
type AssignmentRow = Prisma.BookingAssignmentGetPayload<{ include: typeof assignmentInclude }>;

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    bookedServiceId: row.bookedServiceId,
    bookedServiceName: row.bookedService?.serviceName ?? null,
    mechanicId: row.mechanicId,
    mechanicName: row.mechanicName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    minutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / MINUTE),
    status: row.status,
    assignedByName: row.assignedByName,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    previousId: row.previousId,
    note: row.note,
    booking: {
      id: row.booking.id,
      carPlate: row.booking.carPlate,
      carDescription: row.booking.carDescription,
      status: row.booking.status,
      slotStart: row.booking.slotStart.toISOString(),
      promisedAt: row.booking.promisedAt?.toISOString() ?? null,
      labourMinutes: row.booking.labourMinutes,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assignmentEvent(row: AssignmentRow, extra: { previousMechanicId?: string | null } = {}): AssignmentEvent {
  return { ...toAssignmentView(row), customerId: row.booking.customerId, ...extra };
}

/** Admins act on every assignment; anyone else holding the scope (mechanics) only on their own. */
const actsOnOwnAssignmentsOnly = (principal: Principal) => principal.role !== "ADMIN";

const isOpen = (status: BookingStatusName) => (OPEN_BOOKING_STATUSES as readonly BookingStatusName[]).includes(status);

/** [start, end) of a shop day. */
function shopDayRange(date: string): { gte: Date; lt: Date } {
  const zone = garageSettings().GARAGE_TIME_ZONE;
  return { gte: shopInstant(date, "00:00", zone), lt: shopInstant(addCalendarDays(date, 1), "00:00", zone) };
}

/** The span on one shop day and at most ASSIGNMENT_MAX_HOURS long (zod checked order and length of the given fields). */
function checkSpan(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError(["body", "endsAt"], "must be after startsAt");
  if (endsAt.getTime() - startsAt.getTime() > ASSIGNMENT_MAX_HOURS * 60 * MINUTE) throw fieldError(["body", "endsAt"], `must be at most ${ASSIGNMENT_MAX_HOURS} hours after startsAt`);
  const zone = garageSettings().GARAGE_TIME_ZONE;
  if (shopDate(startsAt, zone) !== shopDate(new Date(endsAt.getTime() - 1), zone)) throw fieldError(["body", "endsAt"], "must be on the shop day the assignment starts");
}

/** A user with the MECHANIC role, or a 422 on the field. */
async function mechanicOf(reader: Transaction | typeof db, id: string, field: string): Promise<{ id: string; name: string }> {
  const user = await reader.user.findUnique({ where: { id }, select: { id: true, name: true, roleId: true } });
  if (!user || user.roleId !== ROLES.MECHANIC.id) throw fieldError(["body", field], "is not a mechanic");
  return { id: user.id, name: user.name };
}

interface NewAssignment {
  mechanic: { id: string; name: string };
  bookedServiceId?: string;
  startsAt: Date;
  endsAt: Date;
  note?: string;
  previousId?: string;
}

/** Locks an open booking for a new assignment: unknown 404, closed 409, a booked service of another booking 422. */
async function bookingForAssignment(tx: Transaction, principal: Principal, bookingId: string, bookedServiceId: string | undefined): Promise<WorkshopBooking> {
  const booking = await lockBooking(tx, principal, bookingId);
  if (!isOpen(booking.status)) throw new ConflictError(ASSIGNMENT_MESSAGES.bookingClosed);
  if (bookedServiceId !== undefined) {
    const line = await tx.bookedService.findUnique({ where: { id: bookedServiceId }, select: { bookingId: true } });
    if (!line || line.bookingId !== booking.id) throw fieldError(["body", "bookedServiceId"], "is not a service of this booking");
  }
  return booking;
}

/** Inserts an assignment (the exclusion constraint checks the mechanic's time) in the caller's transaction. */
async function insertAssignment(tx: Transaction, principal: Principal, booking: WorkshopBooking, input: NewAssignment): Promise<AssignmentRow> {
  return tx.bookingAssignment.create({
    include: assignmentInclude,
    data: {
      bookingId: booking.id,
      bookedServiceId: input.bookedServiceId ?? null,
      mechanicId: input.mechanic.id,
      mechanicName: input.mechanic.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      assignedById: principal.userId,
      assignedByName: principal.name,
      note: input.note ?? null,
      previousId: input.previousId ?? null,
    },
  });
}

/** Turns the overlap constraint into a 409 naming the mechanic and the span. */
function overlapConflicts<T>(work: () => Promise<T>, input: NewAssignment): Promise<T> {
  return withConflicts(work, { constraints: { booking_assignments_no_overlap: ASSIGNMENT_MESSAGES.overlap(input.mechanic.name, input.startsAt, input.endsAt) } });
}

/** POST /assignments: an admin gives a booking (or one of its services) to a mechanic for [startsAt, endsAt). */
export async function assignBooking(principal: Principal, input: unknown): Promise<AssignmentView> {
  await requireScope(principal, "WRITE:BOOKING_ASSIGNMENT");
  const data = parseInput(assignmentInputSchema, input);
  checkSpan(data.startsAt, data.endsAt);
  const mechanic = await mechanicOf(db, data.mechanicId, "mechanicId");
  const request: NewAssignment = { mechanic, bookedServiceId: data.bookedServiceId, startsAt: data.startsAt, endsAt: data.endsAt, note: data.note };
  const row = await overlapConflicts(
    () =>
      transaction(async (tx) => {
        const booking = await bookingForAssignment(tx, principal, data.bookingId, data.bookedServiceId);
        const created = await insertAssignment(tx, principal, booking, request);
        await recordGarageEvent(tx, { topic: "booking_events", type: "assignment.created", key: booking.id, payload: assignmentEvent(created), actor: principal.userId });
        return created;
      }),
    request,
  );
  return toAssignmentView(row);
}

/**
 * POST /assignments/auto: the free mechanic (no holding assignment overlapping the span) with
 * the fewest assigned minutes that shop day, ties to the lowest id, gets the work. Another
 * request may take that mechanic's time first: the constraint refuses it and the next
 * candidate is tried; 409 when none is left.
 */
export async function autoAssign(principal: Principal, input: unknown): Promise<AssignmentView> {
  await requireScope(principal, "WRITE:BOOKING_ASSIGNMENT");
  const data = parseInput(autoAssignInputSchema, input);
  checkSpan(data.startsAt, data.endsAt);
  const candidateIds = data.candidateIds ? [...new Set(data.candidateIds)] : undefined;
  const mechanics = await db.user.findMany({
    where: { roleId: ROLES.MECHANIC.id, ...(candidateIds ? { id: { in: candidateIds } } : {}) },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  if (candidateIds && mechanics.length !== candidateIds.length) throw fieldError(["body", "candidateIds"], "names someone who is not a mechanic");
  // The booking's own refusals (404, 409, 422) come before "nobody is free".
  await db.$transaction((tx) => bookingForAssignment(tx, principal, data.bookingId, data.bookedServiceId));

  const day = shopDayRange(shopDate(data.startsAt, garageSettings().GARAGE_TIME_ZONE));
  const held = await db.bookingAssignment.findMany({
    where: {
      mechanicId: { in: mechanics.map((mechanic) => mechanic.id) },
      status: { in: [...HOLDING_ASSIGNMENT_STATUSES] },
      OR: [{ startsAt: day }, { startsAt: { lt: data.endsAt }, endsAt: { gt: data.startsAt } }],
    },
    select: { mechanicId: true, startsAt: true, endsAt: true },
  });
  const minutes = new Map<string, number>();
  const busy = new Set<string>();
  for (const row of held) {
    if (!row.mechanicId) continue;
    if (row.startsAt < data.endsAt && row.endsAt > data.startsAt) busy.add(row.mechanicId);
    if (row.startsAt >= day.gte && row.startsAt < day.lt) minutes.set(row.mechanicId, (minutes.get(row.mechanicId) ?? 0) + (row.endsAt.getTime() - row.startsAt.getTime()) / MINUTE);
  }
  const ranked = mechanics
    .filter((mechanic) => !busy.has(mechanic.id))
    .sort((a, b) => (minutes.get(a.id) ?? 0) - (minutes.get(b.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  for (const mechanic of ranked) {
    try {
      const row = await transaction(async (tx) => {
        const booking = await bookingForAssignment(tx, principal, data.bookingId, data.bookedServiceId);
        const created = await insertAssignment(tx, principal, booking, { mechanic, bookedServiceId: data.bookedServiceId, startsAt: data.startsAt, endsAt: data.endsAt, note: data.note });
        await recordGarageEvent(tx, { topic: "booking_events", type: "assignment.created", key: booking.id, payload: assignmentEvent(created), actor: principal.userId });
        return created;
      });
      return toAssignmentView(row);
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
    }
  }
  throw new ConflictError(ASSIGNMENT_MESSAGES.noneFree(data.startsAt, data.endsAt));
}

/** Locks and loads an assignment (customers: of their own bookings; others' are 404). */
async function lockAssignment(tx: Transaction, principal: Principal, id: string): Promise<AssignmentRow> {
  const assignmentId = pathId(id, ASSIGNMENT_MESSAGES.notFound);
  await tx.$queryRaw`SELECT 1 FROM booking_assignments WHERE id = ${assignmentId}::uuid FOR UPDATE`;
  const row = await tx.bookingAssignment.findUnique({ where: { id: assignmentId }, include: assignmentInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.booking.customerId !== principal.userId)) throw new NotFoundError(ASSIGNMENT_MESSAGES.notFound);
  return row;
}

/** POST /assignments/{id}/accept|start|finish: the assigned mechanic (or an admin), one step at a time. */
export async function stepAssignment(principal: Principal, id: string, step: AssignmentStep, input: unknown = {}): Promise<AssignmentView> {
  await requireScope(principal, "UPDATE:BOOKING_ASSIGNMENT");
  const { note } = parseInput(assignmentStepSchema, input ?? {});
  const { from, to } = ASSIGNMENT_STEPS[step];
  const row = await transaction(async (tx) => {
    const assignment = await lockAssignment(tx, principal, id);
    if (actsOnOwnAssignmentsOnly(principal) && assignment.mechanicId !== principal.userId) throw new ForbiddenError(ASSIGNMENT_MESSAGES.notYours);
    if (assignment.status !== from) throw new ConflictError(ASSIGNMENT_MESSAGES.wrongStep(assignment.status, step));
    if (step !== "finish" && !isOpen(assignment.booking.status)) throw new ConflictError(ASSIGNMENT_MESSAGES.bookingClosed);
    const now = new Date();
    const stamp = step === "accept" ? { acceptedAt: now } : step === "start" ? { startedAt: now } : { finishedAt: now };
    const updated = await tx.bookingAssignment.update({
      where: { id: assignment.id },
      include: assignmentInclude,
      data: { status: to, ...stamp, ...(note !== undefined ? { note } : {}) },
    });
    await recordGarageEvent(tx, { topic: "booking_events", type: "assignment.updated", key: updated.bookingId, payload: assignmentEvent(updated), actor: principal.userId });
    return updated;
  });
  return toAssignmentView(row);
}

/** POST /assignments/{id}/cancel: an admin takes the work back; its time is free again. */
export async function cancelAssignment(principal: Principal, id: string, input: unknown = {}): Promise<AssignmentView> {
  await requireScope(principal, "UPDATE:BOOKING_ASSIGNMENT");
  const { note } = parseInput(assignmentStepSchema, input ?? {});
  const row = await transaction(async (tx) => {
    const assignment = await lockAssignment(tx, principal, id);
    if (actsOnOwnAssignmentsOnly(principal)) throw new ForbiddenError(ASSIGNMENT_MESSAGES.adminOnly);
    if (!(LIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(assignment.status)) throw new ConflictError(ASSIGNMENT_MESSAGES.notLive(assignment.status));
    const updated = await tx.bookingAssignment.update({
      where: { id: assignment.id },
      include: assignmentInclude,
      data: { status: "CANCELLED", ...(note !== undefined ? { note } : {}) },
    });
    await recordGarageEvent(tx, { topic: "booking_events", type: "assignment.updated", key: updated.bookingId, payload: assignmentEvent(updated), actor: principal.userId });
    return updated;
  });
  return toAssignmentView(row);
}

/**
 * POST /assignments/{id}/reassign: the assignment becomes REASSIGNED and a new one, naming it as
 * `previousId`, gives the work to the mechanic (same span unless given), in one transaction.
 */
export async function reassignAssignment(principal: Principal, id: string, input: unknown): Promise<AssignmentView> {
  await requireScope(principal, "WRITE:BOOKING_ASSIGNMENT");
  const assignmentId = pathId(id, ASSIGNMENT_MESSAGES.notFound);
  const data = parseInput(reassignInputSchema, input);
  const mechanic = await mechanicOf(db, data.mechanicId, "mechanicId");
  const existing = await db.bookingAssignment.findUnique({ where: { id: assignmentId }, select: { startsAt: true, endsAt: true } });
  if (!existing) throw new NotFoundError(ASSIGNMENT_MESSAGES.notFound);
  const startsAt = data.startsAt ?? existing.startsAt;
  const endsAt = data.endsAt ?? existing.endsAt;
  checkSpan(startsAt, endsAt);
  const request: NewAssignment = { mechanic, startsAt, endsAt, note: data.note, previousId: assignmentId };
  const row = await overlapConflicts(
    () =>
      transaction(async (tx) => {
        const old = await lockAssignment(tx, principal, assignmentId);
        if (!(LIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(old.status)) throw new ConflictError(ASSIGNMENT_MESSAGES.notLive(old.status));
        const booking = await bookingForAssignment(tx, principal, old.bookingId, undefined);
        await tx.bookingAssignment.update({ where: { id: old.id }, data: { status: "REASSIGNED" } });
        const created = await insertAssignment(tx, principal, booking, { ...request, bookedServiceId: old.bookedServiceId ?? undefined });
        await recordGarageEvent(tx, {
          topic: "booking_events",
          type: "assignment.reassigned",
          key: booking.id,
          payload: assignmentEvent(created, { previousMechanicId: old.mechanicId }),
          actor: principal.userId,
        });
        return created;
      }),
    request,
  );
  return toAssignmentView(row);
}

/** DELETE /assignments/{id}: an admin removes an assignment (its successor, if any, keeps the work; its previousId is cleared). */
export async function deleteAssignment(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:BOOKING_ASSIGNMENT");
  await transaction(async (tx) => {
    const assignment = await lockAssignment(tx, principal, id);
    await tx.bookingAssignment.delete({ where: { id: assignment.id } });
    await recordGarageEvent(tx, { topic: "booking_events", type: "assignment.deleted", key: assignment.bookingId, payload: assignmentEvent(assignment), actor: principal.userId });
  });
}

/** GET /assignments/{id}. */
export async function getAssignment(principal: Principal, id: string): Promise<AssignmentView> {
  await requireScope(principal, "READ:BOOKING_ASSIGNMENT");
  const assignmentId = pathId(id, ASSIGNMENT_MESSAGES.notFound);
  const row = await db.bookingAssignment.findUnique({ where: { id: assignmentId }, include: assignmentInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.booking.customerId !== principal.userId)) throw new NotFoundError(ASSIGNMENT_MESSAGES.notFound);
  return toAssignmentView(row);
}

const ORDER = [{ startsAt: "asc" }, { id: "asc" }] satisfies Prisma.BookingAssignmentOrderByWithRelationInput[];

/** GET /assignments: staff every assignment, customers those of their own bookings; filtered, earliest first. */
export async function listAssignments(principal: Principal, query: unknown): Promise<Page<AssignmentView>> {
  await requireScope(principal, "READ:BOOKING_ASSIGNMENT");
  const { mechanicId, date, status, bookingId, limit, offset } = parseQuery(assignmentListQuerySchema, query);
  const where: Prisma.BookingAssignmentWhereInput = {
    ...(actsOnOwnRowsOnly(principal) ? { booking: { customerId: principal.userId } } : {}),
    ...(mechanicId ? { mechanicId } : {}),
    ...(status ? { status } : {}),
    ...(bookingId ? { bookingId } : {}),
    ...(date ? { startsAt: shopDayRange(date) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.bookingAssignment.findMany({ where, include: assignmentInclude, orderBy: ORDER, take: limit, skip: offset }),
    db.bookingAssignment.count({ where }),
  ]);
  return { items: rows.map(toAssignmentView), total };
}

/** GET /bookings/{id}/assignments: the booking's assignments, handed-over ones included (the chain is its history). */
export async function listBookingAssignments(principal: Principal, id: string): Promise<AssignmentView[]> {
  await requireScope(principal, "READ:BOOKING_ASSIGNMENT");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { customerId: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  const rows = await db.bookingAssignment.findMany({ where: { bookingId }, include: assignmentInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toAssignmentView);
}

/** Many bookings' assignments in one query (GraphQL's Booking.assignments), for bookings the caller already sees. */
export async function assignmentsOfBookings(principal: Principal, bookingIds: readonly string[]): Promise<Map<string, AssignmentView[]>> {
  await requireScope(principal, "READ:BOOKING_ASSIGNMENT");
  const rows = await db.bookingAssignment.findMany({
    where: { bookingId: { in: [...bookingIds] }, ...(actsOnOwnRowsOnly(principal) ? { booking: { customerId: principal.userId } } : {}) },
    include: assignmentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byBooking = new Map<string, AssignmentView[]>(bookingIds.map((bookingId) => [bookingId, []]));
  for (const row of rows) byBooking.get(row.bookingId)?.push(toAssignmentView(row));
  return byBooking;
}

/** GET /assignments/mine: the caller's jobs of a shop day (default today) that hold their time, in start order. */
export async function myJobs(principal: Principal, query: unknown, now: Date = new Date()): Promise<AssignmentView[]> {
  await requireScope(principal, "READ:BOOKING_ASSIGNMENT");
  const { date } = parseQuery(myJobsQuerySchema, query);
  const day = date ?? shopDate(now, garageSettings().GARAGE_TIME_ZONE);
  const rows = await db.bookingAssignment.findMany({
    where: { mechanicId: principal.userId, status: { in: [...HOLDING_ASSIGNMENT_STATUSES] }, startsAt: shopDayRange(day) },
    include: assignmentInclude,
    orderBy: ORDER,
  });
  return rows.map(toAssignmentView);
}

const mechanicsToAssign = () =>
  db.user.findMany({ where: { roleId: ROLES.MECHANIC.id }, select: { id: true, name: true }, orderBy: { id: "asc" }, take: 100 });

/** The mechanics a booking can be assigned to (the assign form's choices), for those who assign. */
export async function assignableMechanics(principal: Principal): Promise<Array<{ id: string; name: string }>> {
  await requireScope(principal, "WRITE:BOOKING_ASSIGNMENT");
  return mechanicsToAssign();
}

/** The planner's day: every mechanic, and the open bookings whose drop-off is that day with no holding assignment. */
export async function plannerDay(principal: Principal, date: string) {
  await requireScope(principal, "WRITE:BOOKING_ASSIGNMENT");
  const day = shopDayRange(date);
  const [mechanics, assignments, unassigned] = await Promise.all([
    mechanicsToAssign(),
    db.bookingAssignment.findMany({ where: { startsAt: day, status: { in: [...HOLDING_ASSIGNMENT_STATUSES] } }, include: assignmentInclude, orderBy: ORDER }),
    db.booking.findMany({
      where: { slotStart: day, status: { in: [...OPEN_BOOKING_STATUSES] }, assignments: { none: { status: { in: [...HOLDING_ASSIGNMENT_STATUSES] } } } },
      select: { id: true, carPlate: true, carDescription: true, slotStart: true, labourMinutes: true, status: true },
      orderBy: [{ slotStart: "asc" }, { bay: "asc" }],
    }),
  ]);
  return { mechanics, assignments: assignments.map(toAssignmentView), unassigned };
}
