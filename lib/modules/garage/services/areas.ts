import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { GarageArea, Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { areaInputSchema, areaListQuerySchema, areaUpdateSchema } from "../schemas";
import type { AreaView } from "../views";

export const AREA_MESSAGES = {
  notFound: "Area not found.",
  duplicate: "An area with this name already exists.",
  inUse: "Customers' addresses are in this area: it cannot be removed (set it inactive instead).",
} as const;

export function toAreaView(row: GarageArea): AreaView {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    postcode: row.postcode,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const conflicts = { constraints: { garage_areas_name_lower_key: AREA_MESSAGES.duplicate }, unique: AREA_MESSAGES.duplicate };

export async function listAreas(principal: Principal, query: unknown = {}): Promise<Page<AreaView>> {
  await requireScope(principal, "READ:AREAS");
  const { q, active, limit, offset } = parseQuery(areaListQuerySchema, query);
  const where: Prisma.GarageAreaWhereInput = {
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { city: { contains: q, mode: "insensitive" } }, { postcode: { contains: q, mode: "insensitive" } }] }
      : {}),
    ...(active !== undefined ? { active } : {}),
  };
  const [rows, total] = await Promise.all([
    db.garageArea.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.garageArea.count({ where }),
  ]);
  return { items: rows.map(toAreaView), total };
}

export async function getArea(principal: Principal, id: string): Promise<AreaView> {
  await requireScope(principal, "READ:AREAS");
  const row = await db.garageArea.findUnique({ where: { id: pathId(id, AREA_MESSAGES.notFound) } });
  if (!row) throw new NotFoundError(AREA_MESSAGES.notFound);
  return toAreaView(row);
}

export async function createArea(principal: Principal, input: unknown): Promise<AreaView> {
  await requireScope(principal, "WRITE:AREAS");
  const data = parseInput(areaInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.garageArea.create({ data });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "area.created", key: created.id, payload: toAreaView(created), actor: principal.userId });
        return created;
      }),
    conflicts,
  );
  return toAreaView(row);
}

export async function updateArea(principal: Principal, id: string, input: unknown): Promise<AreaView> {
  await requireScope(principal, "UPDATE:AREAS");
  const areaId = pathId(id, AREA_MESSAGES.notFound);
  const changes = parseInput(areaUpdateSchema, input);
  if (!(await db.garageArea.findUnique({ where: { id: areaId }, select: { id: true } }))) throw new NotFoundError(AREA_MESSAGES.notFound);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const updated = await tx.garageArea.update({ where: { id: areaId }, data: changes });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "area.updated", key: updated.id, payload: toAreaView(updated), actor: principal.userId });
        return updated;
      }),
    conflicts,
  );
  return toAreaView(row);
}

export async function deleteArea(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:AREAS");
  const areaId = pathId(id, AREA_MESSAGES.notFound);
  await withConflicts(
    () =>
      transaction(async (tx) => {
        const row = await tx.garageArea.findUnique({ where: { id: areaId } });
        if (!row) throw new NotFoundError(AREA_MESSAGES.notFound);
        if ((await tx.garageAddress.count({ where: { areaId } })) > 0) throw new ConflictError(AREA_MESSAGES.inUse);
        await tx.garageArea.delete({ where: { id: areaId } });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "area.deleted", key: row.id, payload: toAreaView(row), actor: principal.userId });
      }),
    { reference: AREA_MESSAGES.inUse },
  );
}
