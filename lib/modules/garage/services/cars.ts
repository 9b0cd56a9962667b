import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { customerCarInputSchema, customerCarListQuerySchema, customerCarUpdateSchema, plateKeyOf } from "../schemas";
import type { CarModelSummary, CustomerCarView } from "../views";
import { actsOnOwnRowsOnly, OPEN_BOOKING_STATUSES } from "../vocabulary";
import { CUSTOMER_MESSAGES, ownerFilter, ownerFor } from "./customer-access";

export const carModelSummarySelect = {
  id: true,
  make: true,
  model: true,
  yearFrom: true,
  yearTo: true,
  segment: true,
  fuel: true,
} satisfies Prisma.CarModelSelect;

const carInclude = { carModel: { select: carModelSummarySelect } } satisfies Prisma.CustomerCarInclude;
type CarRow = Prisma.CustomerCarGetPayload<{ include: typeof carInclude }>;

export function toCarModelSummary(row: CarModelSummary): CarModelSummary {
  return { id: row.id, make: row.make, model: row.model, yearFrom: row.yearFrom, yearTo: row.yearTo, segment: row.segment, fuel: row.fuel };
}

export function toCarView(row: CarRow): CustomerCarView {
  return {
    id: row.id,
    ownerId: row.ownerId,
    carModelId: row.carModelId,
    carModel: toCarModelSummary(row.carModel),
    plate: row.plate,
    plateKey: row.plateKey,
    vin: row.vin,
    colour: row.colour,
    odometerKm: row.odometerKm,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const CAR_CONFLICTS = {
  constraints: {
    customer_cars_plate_key_key: "A car with this plate is already registered.",
    customer_cars_vin_key: "A car with this VIN is already registered.",
  },
  unique: "A car with this plate or VIN is already registered.",
};
const CAR_HAS_OPEN_BOOKINGS = "This car has open bookings: cancel them or wait until they are delivered before removing it.";

/** A car the principal may see: another customer's car is "not found" to a customer. */
async function findVisibleCar(client: typeof db | Transaction, principal: Principal, id: string): Promise<CarRow> {
  const row = await client.customerCar.findUnique({ where: { id: pathId(id, CUSTOMER_MESSAGES.carNotFound) }, include: carInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.ownerId !== principal.userId)) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
  return row;
}

async function requireCarModel(client: typeof db | Transaction, carModelId: string): Promise<void> {
  if (!(await client.carModel.findUnique({ where: { id: carModelId }, select: { id: true } }))) {
    throw fieldError(["body", "carModelId"], "is not a car model in the catalogue");
  }
}

export async function listCars(principal: Principal, query: unknown): Promise<Page<CustomerCarView>> {
  await requireScope(principal, "READ:CUSTOMER_CARS");
  const filters = parseQuery(customerCarListQuerySchema, query);
  const conditions: Prisma.CustomerCarWhereInput[] = [ownerFilter(principal, filters.ownerId)];
  if (filters.q) {
    conditions.push({ OR: [{ plate: { contains: filters.q, mode: "insensitive" } }, { plateKey: { contains: plateKeyOf(filters.q) } }] });
  }
  const where: Prisma.CustomerCarWhereInput = { AND: conditions };
  const [rows, total] = await Promise.all([
    db.customerCar.findMany({ where, include: carInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: filters.limit, skip: filters.offset }),
    db.customerCar.count({ where }),
  ]);
  return { items: rows.map(toCarView), total };
}

export async function getCar(principal: Principal, id: string): Promise<CustomerCarView> {
  await requireScope(principal, "READ:CUSTOMER_CARS");
  return toCarView(await findVisibleCar(db, principal, id));
}

export async function createCar(principal: Principal, input: unknown): Promise<CustomerCarView> {
  await requireScope(principal, "WRITE:CUSTOMER_CARS");
  const { ownerId: namedOwner, vin, ...data } = parseInput(customerCarInputSchema, input);
  const ownerId = await ownerFor(principal, namedOwner);
  await requireCarModel(db, data.carModelId);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.customerCar.create({
          data: { ...data, vin: vin ?? null, ownerId, plateKey: plateKeyOf(data.plate) },
          include: carInclude,
        });
        await recordGarageEvent(tx, { topic: "car_events", type: "car.created", key: created.id, payload: toCarView(created), actor: principal.userId });
        return created;
      }),
    { ...CAR_CONFLICTS, reference: "The car model or the owner no longer exists." },
  );
  return toCarView(row);
}

export async function updateCar(principal: Principal, id: string, input: unknown): Promise<CustomerCarView> {
  await requireScope(principal, "UPDATE:CUSTOMER_CARS");
  const carId = pathId(id, CUSTOMER_MESSAGES.carNotFound);
  const changes = parseInput(customerCarUpdateSchema, input);
  await findVisibleCar(db, principal, carId);
  if (changes.carModelId) await requireCarModel(db, changes.carModelId);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<Array<{ odometer_km: number }>>`SELECT odometer_km FROM customer_cars WHERE id = ${carId}::uuid FOR UPDATE`;
        if (!locked) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
        if (changes.odometerKm !== undefined && changes.odometerKm < locked.odometer_km) {
          throw fieldError(["body", "odometerKm"], `must not go down (it reads ${locked.odometer_km} km)`);
        }
        const updated = await tx.customerCar.update({
          where: { id: carId },
          data: { ...changes, ...(changes.plate ? { plateKey: plateKeyOf(changes.plate) } : {}) },
          include: carInclude,
        });
        await recordGarageEvent(tx, { topic: "car_events", type: "car.updated", key: updated.id, payload: toCarView(updated), actor: principal.userId });
        return updated;
      }),
    { ...CAR_CONFLICTS, reference: "The car model no longer exists." },
  );
  return toCarView(row);
}

/** A car with open bookings stays (409); closed bookings keep their copy of the plate and lose the link. */
export async function deleteCar(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:CUSTOMER_CARS");
  const carId = pathId(id, CUSTOMER_MESSAGES.carNotFound);
  await findVisibleCar(db, principal, carId);
  await transaction(async (tx) => {
    // The lock makes a booking being made for this car wait for the delete, or the delete see it.
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM customer_cars WHERE id = ${carId}::uuid FOR UPDATE`;
    if (!locked) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
    const row = await tx.customerCar.findUniqueOrThrow({ where: { id: carId }, include: carInclude });
    if ((await tx.booking.count({ where: { carId, status: { in: [...OPEN_BOOKING_STATUSES] } } })) > 0) throw new ConflictError(CAR_HAS_OPEN_BOOKINGS);
    await tx.customerCar.delete({ where: { id: carId } });
    await recordGarageEvent(tx, { topic: "car_events", type: "car.deleted", key: row.id, payload: toCarView(row), actor: principal.userId });
  });
}

