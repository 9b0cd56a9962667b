import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { CarModel, Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { carModelInputSchema, carModelListQuerySchema, carModelUpdateSchema, YEAR_TO_BEFORE_FROM } from "../schemas";
import type { CarModelView } from "../views";

export const CAR_MODEL_MESSAGES = {
  notFound: "Car model not found.",
  duplicate: "This car model (make, model and first year) already exists.",
  inUse: "Customers' cars are of this model: it cannot be removed.",
} as const;

export function toCarModelView(row: CarModel): CarModelView {
  return {
    id: row.id,
    make: row.make,
    model: row.model,
    yearFrom: row.yearFrom,
    yearTo: row.yearTo,
    segment: row.segment,
    fuel: row.fuel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const conflicts = { constraints: { car_models_identity_key: CAR_MODEL_MESSAGES.duplicate }, unique: CAR_MODEL_MESSAGES.duplicate };

export async function listCarModels(principal: Principal, query: unknown = {}): Promise<Page<CarModelView>> {
  await requireScope(principal, "READ:CARS");
  const { q, make, segment, limit, offset } = parseQuery(carModelListQuerySchema, query);
  const where: Prisma.CarModelWhereInput = {
    ...(q ? { OR: [{ make: { contains: q, mode: "insensitive" } }, { model: { contains: q, mode: "insensitive" } }] } : {}),
    ...(make ? { make: { equals: make, mode: "insensitive" } } : {}),
    ...(segment ? { segment } : {}),
  };
  const [rows, total] = await Promise.all([
    db.carModel.findMany({ where, orderBy: [{ make: "asc" }, { model: "asc" }, { yearFrom: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.carModel.count({ where }),
  ]);
  return { items: rows.map(toCarModelView), total };
}

export async function getCarModel(principal: Principal, id: string): Promise<CarModelView> {
  await requireScope(principal, "READ:CARS");
  const row = await db.carModel.findUnique({ where: { id: pathId(id, CAR_MODEL_MESSAGES.notFound) } });
  if (!row) throw new NotFoundError(CAR_MODEL_MESSAGES.notFound);
  return toCarModelView(row);
}

export async function createCarModel(principal: Principal, input: unknown): Promise<CarModelView> {
  await requireScope(principal, "WRITE:CARS");
  const data = parseInput(carModelInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.carModel.create({ data });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "car_model.created", key: created.id, payload: toCarModelView(created), actor: principal.userId });
        return created;
      }),
    conflicts,
  );
  return toCarModelView(row);
}

export async function updateCarModel(principal: Principal, id: string, input: unknown): Promise<CarModelView> {
  await requireScope(principal, "UPDATE:CARS");
  const carModelId = pathId(id, CAR_MODEL_MESSAGES.notFound);
  const changes = parseInput(carModelUpdateSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const current = await tx.carModel.findUnique({ where: { id: carModelId } });
        if (!current) throw new NotFoundError(CAR_MODEL_MESSAGES.notFound);
        const yearFrom = changes.yearFrom ?? current.yearFrom;
        const yearTo = changes.yearTo !== undefined ? changes.yearTo : current.yearTo;
        if (yearTo !== null && yearTo < yearFrom) throw fieldError(["body", "yearTo"], YEAR_TO_BEFORE_FROM);
        const updated = await tx.carModel.update({ where: { id: carModelId }, data: changes });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "car_model.updated", key: updated.id, payload: toCarModelView(updated), actor: principal.userId });
        return updated;
      }),
    conflicts,
  );
  return toCarModelView(row);
}

/** Refused while customers' cars are of the model (409); its price rows go with it. */
export async function deleteCarModel(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:CARS");
  const carModelId = pathId(id, CAR_MODEL_MESSAGES.notFound);
  await withConflicts(
    () =>
      transaction(async (tx) => {
        const row = await tx.carModel.findUnique({ where: { id: carModelId } });
        if (!row) throw new NotFoundError(CAR_MODEL_MESSAGES.notFound);
        if ((await tx.customerCar.count({ where: { carModelId } })) > 0) throw new ConflictError(CAR_MODEL_MESSAGES.inUse);
        await tx.carModel.delete({ where: { id: carModelId } });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "car_model.deleted", key: row.id, payload: toCarModelView(row), actor: principal.userId });
      }),
    { reference: CAR_MODEL_MESSAGES.inUse },
  );
}
