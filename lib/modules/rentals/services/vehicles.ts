import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { vehicleInputSchema, vehicleListQuerySchema, vehicleStatusSchema, vehicleUpdateSchema } from "../schemas";
import { recordRentalEvent } from "../events";
import type { BookedPeriod, VehicleView } from "../views";
import { MESSAGES } from "./common";
import { isReferenceViolation, withConflicts } from "../../../db-conflicts";
import { formatCalendarDate, today } from "../view-models/dates";
import { fromCents, toCents } from "../view-models/money";
import { BOOKED_RENTAL_STATUSES, isRentalStaff, UNRENTABLE_VEHICLE_STATUSES, type VehicleSort } from "../vocabulary";

const vehicleInclude = { branch: { select: { id: true, name: true, city: true, active: true } } } satisfies Prisma.VehicleInclude;
type VehicleRow = Prisma.VehicleGetPayload<{ include: typeof vehicleInclude }>;

export function toVehicleView(row: VehicleRow): VehicleView {
  return {
    id: row.id,
    make: row.make,
    model: row.model,
    year: row.year,
    type: row.type,
    plate: row.plate,
    seats: row.seats,
    transmission: row.transmission,
    fuel: row.fuel,
    dailyPrice: fromCents(row.dailyPriceCents),
    branchId: row.branchId,
    branch: row.branch,
    photoUrl: row.photoUrl,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const DUPLICATE_PLATE = "A vehicle with this plate already exists.";

export async function findVehicleRow(client: typeof db | Transaction, id: string): Promise<VehicleRow> {
  const row = await client.vehicle.findUnique({ where: { id: pathId(id, MESSAGES.vehicleNotFound) }, include: vehicleInclude });
  if (!row) throw new NotFoundError(MESSAGES.vehicleNotFound);
  return row;
}

async function requireBranch(tx: Transaction, branchId: string): Promise<void> {
  if (!(await tx.branch.findUnique({ where: { id: branchId }, select: { id: true } }))) throw new NotFoundError(MESSAGES.branchNotFound);
}

const SORT_ORDERS: Record<VehicleSort, Prisma.VehicleOrderByWithRelationInput[]> = {
  make: [{ make: "asc" }, { model: "asc" }],
  "-make": [{ make: "desc" }, { model: "desc" }],
  price: [{ dailyPriceCents: "asc" }, { make: "asc" }],
  "-price": [{ dailyPriceCents: "desc" }, { make: "asc" }],
  year: [{ year: "asc" }, { make: "asc" }],
  "-year": [{ year: "desc" }, { make: "asc" }],
};

/**
 * The catalogue. With `availableFrom`+`availableTo` only vehicles that could be
 * approved for that period: not in maintenance or retired, and no approved or
 * active rental overlapping `[availableFrom, availableTo)` (an overdue active
 * rental counts as lasting until today is over). Retired vehicles
 * have left the fleet: only staff see them in lists.
 */
export async function listVehicles(principal: Principal, query: unknown): Promise<Page<VehicleView>> {
  await requireScope(principal, "READ:VEHICLES");
  const filters = parseQuery(vehicleListQuerySchema, query);
  const conditions: Prisma.VehicleWhereInput[] = [];
  if (!isRentalStaff(principal)) conditions.push({ status: { not: "RETIRED" } });
  if (filters.type) conditions.push({ type: filters.type });
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.branchId) conditions.push({ branchId: filters.branchId });
  if (filters.city) conditions.push({ branch: { city: { equals: filters.city, mode: "insensitive" } } });
  if (filters.q) {
    conditions.push({ OR: [{ make: { contains: filters.q, mode: "insensitive" } }, { model: { contains: filters.q, mode: "insensitive" } }] });
  }
  if (filters.minPrice !== undefined) conditions.push({ dailyPriceCents: { gte: toCents(filters.minPrice) } });
  if (filters.maxPrice !== undefined) conditions.push({ dailyPriceCents: { lte: toCents(filters.maxPrice) } });
  if (filters.availableFrom && filters.availableTo) {
    conditions.push(
      { status: { notIn: [...UNRENTABLE_VEHICLE_STATUSES] } },
      {
        rentals: {
          none: {
            OR: [
              { status: { in: [...BOOKED_RENTAL_STATUSES] }, startDate: { lt: filters.availableTo }, endDate: { gt: filters.availableFrom } },
              // An active rental holds its vehicle until it is returned, also past its end date.
              ...(filters.availableFrom <= today() ? [{ status: "ACTIVE" as const, startDate: { lt: filters.availableTo } }] : []),
            ],
          },
        },
      },
    );
  }
  const where: Prisma.VehicleWhereInput = { AND: conditions };
  const [rows, total] = await Promise.all([
    db.vehicle.findMany({
      where,
      include: vehicleInclude,
      orderBy: [...SORT_ORDERS[filters.sort], { id: "asc" }],
      take: filters.limit,
      skip: filters.offset,
    }),
    db.vehicle.count({ where }),
  ]);
  return { items: rows.map(toVehicleView), total };
}

export async function getVehicle(principal: Principal, id: string): Promise<VehicleView> {
  await requireScope(principal, "READ:VEHICLES");
  return toVehicleView(await findVehicleRow(db, id));
}

/** The periods already taken (approved or active rentals that have not ended), for choosing dates. */
export async function bookedPeriods(principal: Principal, id: string): Promise<BookedPeriod[]> {
  await requireScope(principal, "READ:VEHICLES");
  const rows = await db.rental.findMany({
    where: { vehicleId: pathId(id, MESSAGES.vehicleNotFound), status: { in: [...BOOKED_RENTAL_STATUSES] }, endDate: { gt: today() } },
    select: { startDate: true, endDate: true },
    orderBy: { startDate: "asc" },
  });
  return rows.map((row) => ({ startDate: formatCalendarDate(row.startDate), endDate: formatCalendarDate(row.endDate) }));
}

export async function createVehicle(principal: Principal, input: unknown): Promise<VehicleView> {
  await requireScope(principal, "WRITE:VEHICLES");
  const { dailyPrice, ...data } = parseInput(vehicleInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        await requireBranch(tx, data.branchId);
        const created = await tx.vehicle.create({ data: { ...data, dailyPriceCents: toCents(dailyPrice) }, include: vehicleInclude });
        await recordRentalEvent(tx, { topic: "vehicle_events", type: "vehicle.created", key: created.id, payload: toVehicleView(created), actor: principal.userId });
        return created;
      }),
    { unique: DUPLICATE_PLATE },
  ).catch((error: unknown) => {
    // The branch vanished between the check and the insert.
    if (isReferenceViolation(error)) throw new NotFoundError(MESSAGES.branchNotFound);
    throw error;
  });
  return toVehicleView(row);
}

/** Details only; the status has its own endpoint and rules. A price change leaves existing rentals' prices alone. */
export async function updateVehicle(principal: Principal, id: string, input: unknown): Promise<VehicleView> {
  await requireScope(principal, "UPDATE:VEHICLES");
  const vehicleId = (await findVehicleRow(db, id)).id;
  const { dailyPrice, ...changes } = parseInput(vehicleUpdateSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        if (changes.branchId) await requireBranch(tx, changes.branchId);
        const updated = await tx.vehicle.update({
          where: { id: vehicleId },
          data: { ...changes, ...(dailyPrice !== undefined ? { dailyPriceCents: toCents(dailyPrice) } : {}) },
          include: vehicleInclude,
        });
        await recordRentalEvent(tx, { topic: "vehicle_events", type: "vehicle.updated", key: updated.id, payload: toVehicleView(updated), actor: principal.userId });
        return updated;
      }),
    { unique: DUPLICATE_PLATE },
  ).catch((error: unknown) => {
    if (isReferenceViolation(error)) throw new NotFoundError(MESSAGES.branchNotFound);
    throw error;
  });
  return toVehicleView(row);
}

const VEHICLE_OUT = "The vehicle is out on a rental: take it back (return the rental) first.";

/**
 * AVAILABLE, MAINTENANCE or RETIRED, never while the vehicle is out (RENTED).
 * A guarded update, so a pick-up racing this change cannot both apply.
 */
export async function setVehicleStatus(principal: Principal, id: string, input: unknown): Promise<VehicleView> {
  await requireScope(principal, "UPDATE:VEHICLES");
  const current = await findVehicleRow(db, id);
  const { status } = parseInput(vehicleStatusSchema, input);
  const row = await transaction(async (tx) => {
    const { count } = await tx.vehicle.updateMany({ where: { id: current.id, status: { notIn: ["RENTED", status] } }, data: { status } });
    const updated = await findVehicleRow(tx, current.id);
    if (count === 0) {
      if (updated.status === "RENTED") throw new ConflictError(VEHICLE_OUT);
      return updated; // already in that status: nothing changed, nothing to record
    }
    await recordRentalEvent(tx, { topic: "vehicle_events", type: "vehicle.status_changed", key: updated.id, payload: toVehicleView(updated), actor: principal.userId });
    return updated;
  });
  return toVehicleView(row);
}

const VEHICLE_HAS_RENTALS = "This vehicle has rentals on its record and cannot be deleted: retire it instead.";

export async function deleteVehicle(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:VEHICLES");
  const vehicleId = pathId(id, MESSAGES.vehicleNotFound);
  await withConflicts(
    () =>
      transaction(async (tx) => {
        const row = await findVehicleRow(tx, vehicleId);
        if ((await tx.rental.count({ where: { vehicleId } })) > 0) throw new ConflictError(VEHICLE_HAS_RENTALS);
        await tx.vehicle.delete({ where: { id: vehicleId } });
        await recordRentalEvent(tx, { topic: "vehicle_events", type: "vehicle.deleted", key: row.id, payload: toVehicleView(row), actor: principal.userId });
      }),
    { reference: VEHICLE_HAS_RENTALS },
  );
}
