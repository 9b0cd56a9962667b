import type { z } from "zod";
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import { ACCOUNT_GONE, lockAccounts } from "../../../identity/account-locks";
import type { Prisma, RentalStatus, VehicleStatus } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { rejectionSchema, rentalListQuerySchema, rentalRequestSchema } from "../schemas";
import { requireStaffScope } from "./access";
import { recordRentalEvent } from "../events";
import type { RentalView } from "../views";
import { MESSAGES } from "./common";
import { withConflicts } from "../../../db-conflicts";
import { daysBetween, formatCalendarDate, lateDays, parseCalendarDate, today } from "../view-models/dates";
import { fromBigCents, fromCents } from "../view-models/money";
import { findVehicleRow, toVehicleView } from "./vehicles";
import {
  BOOKED_RENTAL_STATUSES,
  CANCELLABLE_RENTAL_STATUSES,
  isRentalStaff,
  OPEN_RENTAL_STATUSES,
  RENTAL_STATUS_LABELS,
  VEHICLE_STATUS_LABELS,
  type RentalEventType,
} from "../vocabulary";
import { rentalSettings } from "../settings";

const RENTAL_ORDERS: Record<z.output<typeof rentalListQuerySchema>["sort"], Prisma.RentalOrderByWithRelationInput[]> = {
  created: [{ createdAt: "asc" }],
  "-created": [{ createdAt: "desc" }],
  start: [{ startDate: "asc" }, { createdAt: "asc" }],
  "-start": [{ startDate: "desc" }, { createdAt: "desc" }],
};

const rentalInclude = {
  vehicle: { include: { branch: { select: { id: true, name: true, city: true } } } },
  customer: { select: { id: true, name: true } },
  history: { orderBy: { id: "asc" } },
} satisfies Prisma.RentalInclude;
type RentalRow = Prisma.RentalGetPayload<{ include: typeof rentalInclude }>;

export function toRentalView(row: RentalRow): RentalView {
  return {
    id: row.id,
    vehicleId: row.vehicleId,
    vehicle: {
      id: row.vehicle.id,
      make: row.vehicle.make,
      model: row.vehicle.model,
      year: row.vehicle.year,
      type: row.vehicle.type,
      plate: row.vehicle.plate,
      photoUrl: row.vehicle.photoUrl,
      status: row.vehicle.status,
      branch: row.vehicle.branch,
    },
    customerId: row.customerId,
    customer: row.customer,
    startDate: formatCalendarDate(row.startDate),
    endDate: formatCalendarDate(row.endDate),
    days: daysBetween(row.startDate, row.endDate),
    status: row.status,
    dailyPrice: fromCents(row.dailyPriceCents),
    totalPrice: fromBigCents(row.totalPriceCents),
    lateDays: row.lateDays,
    lateFee: fromBigCents(row.lateFeeCents),
    amountDue: fromBigCents(row.totalPriceCents + row.lateFeeCents),
    rejectionReason: row.rejectionReason,
    pickedUpAt: row.pickedUpAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    history: row.history.map((entry) => ({
      fromStatus: entry.fromStatus,
      status: entry.toStatus,
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actorName: entry.actorName,
      note: entry.note,
    })),
  };
}

async function findRentalRow(client: typeof db | Transaction, id: string): Promise<RentalRow> {
  const row = await client.rental.findUnique({ where: { id: pathId(id, MESSAGES.rentalNotFound) }, include: rentalInclude });
  if (!row) throw new NotFoundError(MESSAGES.rentalNotFound);
  return row;
}

/** Customers see only their own rentals; to them anyone else's does not exist. */
function requireVisible(principal: Principal, row: RentalRow): void {
  if (!isRentalStaff(principal) && row.customerId !== principal.userId) throw new NotFoundError(MESSAGES.rentalNotFound);
}

/**
 * The vehicle's status under a row lock: shared for approvals (concurrent
 * approvals proceed, and the exclusion constraint decides between them), exclusive
 * for pick-ups and returns. Every transition locks the vehicle before the rental.
 */
async function lockVehicle(tx: Transaction, vehicleId: string, mode: "share" | "update"): Promise<VehicleStatus> {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<Array<{ status: VehicleStatus }>>`SELECT status::text AS status FROM vehicles WHERE id = ${vehicleId}::uuid FOR SHARE`
      : await tx.$queryRaw<Array<{ status: VehicleStatus }>>`SELECT status::text AS status FROM vehicles WHERE id = ${vehicleId}::uuid FOR UPDATE`;
  const status = rows[0]?.status;
  if (!status) throw new NotFoundError(MESSAGES.vehicleNotFound);
  return status;
}

function label(status: RentalStatus): string {
  return RENTAL_STATUS_LABELS[status].toLowerCase();
}

const withArticle = (words: string) => `${/^[aeiou]/.test(words) ? "an" : "a"} ${words}`;

interface Move {
  from: readonly RentalStatus[];
  to: RentalStatus;
  /** Refused (409) unless it holds; checked in the same guarded update. */
  guard?: Prisma.RentalWhereInput;
  data?: Prisma.RentalUncheckedUpdateManyInput;
  note?: string;
  eventType: RentalEventType;
  /** What to say when the rental is in an allowed status but the guard refused it. */
  guardRefusal?: string;
  verb: string;
  /** More work in the same transaction (the vehicle's side), done before the event captures the rental's state. */
  alongside?: (tx: Transaction) => Promise<void>;
}

/**
 * A guarded transition: the rental's row is locked, its status checked, then
 * `UPDATE … WHERE id = … AND status IN (from) AND <guard>` — so two concurrent
 * transitions cannot both apply. Writes the history row and the event.
 */
async function move(tx: Transaction, principal: Principal, rentalId: string, step: Move): Promise<RentalRow> {
  const [locked] = await tx.$queryRaw<Array<{ status: RentalStatus }>>`SELECT status::text AS status FROM rentals WHERE id = ${rentalId}::uuid FOR UPDATE`;
  if (!locked) throw new NotFoundError(MESSAGES.rentalNotFound);
  if (!step.from.includes(locked.status)) {
    const allowed = step.from.map(label).join(" or ");
    throw new ConflictError(`This rental is ${label(locked.status)}: only ${withArticle(allowed)} rental can be ${step.verb}.`);
  }
  const { count } = await tx.rental.updateMany({
    where: { id: rentalId, status: { in: [...step.from] }, ...step.guard },
    data: { status: step.to, ...step.data },
  });
  if (count === 0) throw new ConflictError(step.guardRefusal ?? `This rental cannot be ${step.verb} now.`);
  await tx.rentalStatusChange.create({
    data: {
      rentalId,
      fromStatus: locked.status,
      toStatus: step.to,
      actorId: principal.userId,
      actorName: principal.name,
      note: step.note ?? null,
    },
  });
  await step.alongside?.(tx);
  const row = await findRentalRow(tx, rentalId);
  await recordRentalEvent(tx, { topic: "rental_events", type: step.eventType, key: row.id, payload: toRentalView(row), actor: principal.userId });
  return row;
}

/** A pick-up or return moved the vehicle between AVAILABLE and RENTED. */
async function recordVehicleStatusChange(tx: Transaction, vehicleId: string, principal: Principal): Promise<void> {
  const vehicle = await findVehicleRow(tx, vehicleId);
  await recordRentalEvent(tx, { topic: "vehicle_events", type: "vehicle.status_changed", key: vehicle.id, payload: toVehicleView(vehicle), actor: principal.userId });
}

// ── reading ──────────────────────────────────────────────────────────────────

/** Customers: their own rentals. Staff: all, filtered by status, vehicle, branch, customer and period. */
export async function listRentals(principal: Principal, query: unknown): Promise<Page<RentalView>> {
  await requireScope(principal, "READ:RENTALS");
  const { status, vehicleId, branchId, customerId, from, to, sort, limit, offset } = parseQuery(rentalListQuerySchema, query);
  const conditions: Prisma.RentalWhereInput[] = [];
  if (status) conditions.push({ status });
  if (vehicleId) conditions.push({ vehicleId });
  if (branchId) conditions.push({ vehicle: { branchId } });
  if (from) conditions.push({ endDate: { gt: from } });
  if (to) conditions.push({ startDate: { lt: to } });
  if (customerId) conditions.push({ customerId });
  if (!isRentalStaff(principal)) conditions.push({ customerId: principal.userId });
  const where: Prisma.RentalWhereInput = { AND: conditions };
  const [rows, total] = await Promise.all([
    db.rental.findMany({ where, include: rentalInclude, orderBy: [...RENTAL_ORDERS[sort], { id: "asc" }], take: limit, skip: offset }),
    db.rental.count({ where }),
  ]);
  return { items: rows.map(toRentalView), total };
}

export async function getRental(principal: Principal, id: string): Promise<RentalView> {
  await requireScope(principal, "READ:RENTALS");
  const row = await findRentalRow(db, id);
  requireVisible(principal, row);
  return toRentalView(row);
}

/** A vehicle's rental history (staff): every rental of it, newest period first, each with its status history. */
export async function listVehicleRentals(principal: Principal, vehicleId: string, query: unknown): Promise<Page<RentalView>> {
  await requireStaffScope(principal, "READ:RENTALS");
  const vehicle = await findVehicleRow(db, vehicleId);
  return listRentals(principal, { sort: "-start", ...(query as Record<string, unknown>), vehicleId: vehicle.id });
}

// ── the customer's side ─────────────────────────────────────────────────────

const DUPLICATE_REQUEST =
  "You have already asked for this vehicle for some of these days (a pending or approved request); cancel that one to change the dates.";

/**
 * A customer asks for a vehicle for `[startDate, endDate)`: PENDING, priced at
 * days × the vehicle's daily price now. Different customers' requests may overlap
 * (approval is exclusive), but one customer's open requests for one vehicle may not
 * (exclusion constraint `rentals_customer_no_duplicate_requests`, 409), and a customer
 * has at most `RENTALS_MAX_OPEN_REQUESTS` pending requests, counted under their
 * account's lock so concurrent requests cannot overshoot it.
 */
export async function requestRental(principal: Principal, input: unknown): Promise<RentalView> {
  await requireScope(principal, "WRITE:RENTALS");
  if (isRentalStaff(principal)) throw new ForbiddenError("Rentals are requested by customers.");
  const { vehicleId, startDate, endDate } = parseInput(rentalRequestSchema, input);
  const maxOpen = rentalSettings().RENTALS_MAX_OPEN_REQUESTS;
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        // The customer first (see lockAccounts): serialises their requests and keeps the account from being deleted meanwhile.
        if (!(await lockAccounts(tx, [principal.userId], "write")).has(principal.userId)) throw new NotFoundError(ACCOUNT_GONE);
        const vehicle = await tx.vehicle.findUnique({
          where: { id: vehicleId },
          select: { id: true, status: true, dailyPriceCents: true, branch: { select: { active: true, name: true } } },
        });
        if (!vehicle) throw new NotFoundError(MESSAGES.vehicleNotFound);
        if (vehicle.status === "RETIRED") throw new ConflictError("This vehicle is retired and no longer rented out.");
        if (!vehicle.branch.active) throw new ConflictError(`The ${vehicle.branch.name} branch is not taking rentals at the moment.`);
        const open = await tx.rental.count({ where: { customerId: principal.userId, status: "PENDING" } });
        if (open >= maxOpen) {
          throw new ConflictError(`You can have at most ${maxOpen} open rental requests; wait for a decision or cancel one first.`);
        }
        const created = await tx.rental.create({
          data: {
            vehicleId,
            customerId: principal.userId,
            startDate,
            endDate,
            dailyPriceCents: vehicle.dailyPriceCents,
            totalPriceCents: BigInt(daysBetween(startDate, endDate)) * BigInt(vehicle.dailyPriceCents),
            history: { create: { fromStatus: null, toStatus: "PENDING", actorId: principal.userId, actorName: principal.name } },
          },
          select: { id: true },
        });
        const rental = await findRentalRow(tx, created.id);
        await recordRentalEvent(tx, { topic: "rental_events", type: "rental.requested", key: rental.id, payload: toRentalView(rental), actor: principal.userId });
        return rental;
      }),
    { constraints: { rentals_customer_no_duplicate_requests: DUPLICATE_REQUEST } },
  );
  return toRentalView(row);
}

/** The customer withdraws their own request or approved booking before it starts. */
export async function cancelRental(principal: Principal, id: string): Promise<RentalView> {
  await requireScope(principal, "UPDATE:RENTALS");
  const rental = await findRentalRow(db, id);
  requireVisible(principal, rental);
  if (rental.customerId !== principal.userId) {
    throw new ForbiddenError("Only the customer who requested a rental can cancel it; staff reject pending requests.");
  }
  const row = await transaction((tx) =>
    move(tx, principal, rental.id, {
      from: CANCELLABLE_RENTAL_STATUSES,
      to: "CANCELLED",
      guard: { startDate: { gt: today() } },
      guardRefusal: "A rental can only be cancelled before its start date.",
      eventType: "rental.cancelled",
      verb: "cancelled",
    }),
  );
  return toRentalView(row);
}

// ── the staff's side ────────────────────────────────────────────────────────

const OVERLAP =
  "The vehicle is already booked for part of this period: another rental overlapping it has been approved.";

/**
 * PENDING → APPROVED. The exclusion constraint decides between overlapping
 * approvals, also concurrent ones: the loser's 23P01 becomes a 409.
 */
export async function approveRental(principal: Principal, id: string): Promise<RentalView> {
  await requireStaffScope(principal, "UPDATE:RENTALS");
  const rental = await findRentalRow(db, id);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const vehicleStatus = await lockVehicle(tx, rental.vehicleId, "share");
        if (vehicleStatus === "MAINTENANCE" || vehicleStatus === "RETIRED") {
          throw new ConflictError(`The vehicle is ${VEHICLE_STATUS_LABELS[vehicleStatus].toLowerCase()} and cannot be approved for a rental.`);
        }
        return move(tx, principal, rental.id, {
          from: ["PENDING"],
          to: "APPROVED",
          guard: { startDate: { gte: today() } },
          guardRefusal: "The requested period has already begun: reject the request instead.",
          eventType: "rental.approved",
          verb: "approved",
        });
      }),
    { exclusion: OVERLAP },
  );
  return toRentalView(row);
}

export async function rejectRental(principal: Principal, id: string, input: unknown): Promise<RentalView> {
  await requireStaffScope(principal, "UPDATE:RENTALS");
  const rental = await findRentalRow(db, id);
  const { reason } = parseInput(rejectionSchema, input);
  const row = await transaction((tx) =>
    move(tx, principal, rental.id, {
      from: ["PENDING"],
      to: "REJECTED",
      data: { rejectionReason: reason },
      note: reason,
      eventType: "rental.rejected",
      verb: "rejected",
    }),
  );
  return toRentalView(row);
}

/** APPROVED → ACTIVE from the start date on (and before the end date); the vehicle must be at the branch. */
export async function pickUpRental(principal: Principal, id: string): Promise<RentalView> {
  await requireStaffScope(principal, "UPDATE:RENTALS");
  const rental = await findRentalRow(db, id);
  const row = await transaction(async (tx) => {
    // The vehicle first, then the rental: every transition locks in this order.
    const vehicleStatus = await lockVehicle(tx, rental.vehicleId, "update");
    const current = await tx.rental.findUniqueOrThrow({ where: { id: rental.id }, select: { status: true, startDate: true, endDate: true } });
    const day = today();
    if (current.status === "APPROVED") {
      if (day < current.startDate) {
        throw new ConflictError(`This rental can be picked up from ${formatCalendarDate(current.startDate)} on.`);
      }
      if (day >= current.endDate) throw new ConflictError("This rental's period has ended; it can no longer be picked up.");
      if (vehicleStatus === "RENTED") throw new ConflictError("The vehicle is still out on another rental.");
      if (vehicleStatus !== "AVAILABLE") {
        throw new ConflictError(`The vehicle is ${VEHICLE_STATUS_LABELS[vehicleStatus].toLowerCase()} and cannot be handed over.`);
      }
    }
    return move(tx, principal, rental.id, {
      from: ["APPROVED"],
      to: "ACTIVE",
      guard: { startDate: { lte: day }, endDate: { gt: day } },
      data: { pickedUpAt: new Date() },
      eventType: "rental.picked_up",
      verb: "picked up",
      alongside: async (tx) => {
        await tx.vehicle.update({ where: { id: rental.vehicleId }, data: { status: "RENTED" } });
        await recordVehicleStatusChange(tx, rental.vehicleId, principal);
      },
    });
  });
  return toRentalView(row);
}

/** ACTIVE → COMPLETED; the vehicle is AVAILABLE again; each day after the end date is charged at the daily price. */
export async function returnRental(principal: Principal, id: string): Promise<RentalView> {
  await requireStaffScope(principal, "UPDATE:RENTALS");
  const rental = await findRentalRow(db, id);
  const row = await transaction(async (tx) => {
    await lockVehicle(tx, rental.vehicleId, "update");
    const late = lateDays(rental.endDate, today());
    return move(tx, principal, rental.id, {
      from: ["ACTIVE"],
      to: "COMPLETED",
      data: { returnedAt: new Date(), lateDays: late, lateFeeCents: BigInt(late) * BigInt(rental.dailyPriceCents) },
      note: late > 0 ? `${late} day${late === 1 ? "" : "s"} late` : undefined,
      eventType: "rental.returned",
      verb: "returned",
      alongside: async (tx) => {
        const { count } = await tx.vehicle.updateMany({ where: { id: rental.vehicleId, status: "RENTED" }, data: { status: "AVAILABLE" } });
        if (count > 0) await recordVehicleStatusChange(tx, rental.vehicleId, principal);
      },
    });
  });
  return toRentalView(row);
}

/**
 * Which of these rentals overlap an approved or active rental of the same
 * vehicle (other than themselves): approving them would be refused. For the queue.
 */
export async function overlappingBookings(
  principal: Principal,
  rentals: ReadonlyArray<Pick<RentalView, "id" | "vehicleId" | "startDate" | "endDate">>,
): Promise<Set<string>> {
  await requireStaffScope(principal, "READ:RENTALS");
  if (rentals.length === 0) return new Set();
  const earliest = rentals.map((rental) => rental.startDate).sort()[0]!;
  const booked = await db.rental.findMany({
    where: {
      vehicleId: { in: [...new Set(rentals.map((rental) => rental.vehicleId))] },
      status: { in: [...BOOKED_RENTAL_STATUSES] },
      endDate: { gt: parseCalendarDate(earliest) },
    },
    select: { id: true, vehicleId: true, startDate: true, endDate: true },
  });
  const blocked = new Set<string>();
  for (const rental of rentals) {
    const clash = booked.some(
      (other) =>
        other.id !== rental.id &&
        other.vehicleId === rental.vehicleId &&
        formatCalendarDate(other.startDate) < rental.endDate &&
        formatCalendarDate(other.endDate) > rental.startDate,
    );
    if (clash) blocked.add(rental.id);
  }
  return blocked;
}

/** Rentals that still commit the customer: they block deleting the account. */
export async function countOpenRentals(tx: Transaction, customerId: string): Promise<number> {
  return tx.rental.count({ where: { customerId, status: { in: [...OPEN_RENTAL_STATUSES] } } });
}
