import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Branch as BranchRow, Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { branchInputSchema, branchListQuerySchema, branchUpdateSchema } from "../schemas";
import { recordRentalEvent } from "../events";
import type { BranchView } from "../views";
import { MESSAGES } from "./common";
import { withConflicts } from "../../../db-conflicts";

export function toBranchView(row: BranchRow): BranchView {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    city: row.city,
    phone: row.phone,
    openingHours: row.openingHours,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const DUPLICATE_NAME = "A branch with this name already exists.";

export async function listBranches(principal: Principal, query: unknown): Promise<Page<BranchView>> {
  await requireScope(principal, "READ:BRANCHES");
  const { city, active, limit, offset } = parseQuery(branchListQuerySchema, query);
  const where: Prisma.BranchWhereInput = {
    ...(city ? { city: { equals: city, mode: "insensitive" } } : {}),
    ...(active !== undefined ? { active } : {}),
  };
  const [rows, total] = await Promise.all([
    db.branch.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.branch.count({ where }),
  ]);
  return { items: rows.map(toBranchView), total };
}

export async function getBranch(principal: Principal, id: string): Promise<BranchView> {
  await requireScope(principal, "READ:BRANCHES");
  const row = await db.branch.findUnique({ where: { id: pathId(id, MESSAGES.branchNotFound) } });
  if (!row) throw new NotFoundError(MESSAGES.branchNotFound);
  return toBranchView(row);
}

export async function createBranch(principal: Principal, input: unknown): Promise<BranchView> {
  await requireScope(principal, "WRITE:BRANCHES");
  const data = parseInput(branchInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.branch.create({ data });
        await recordRentalEvent(tx, { topic: "branch_events", type: "branch.created", key: created.id, payload: toBranchView(created), actor: principal.userId });
        return created;
      }),
    { unique: DUPLICATE_NAME },
  );
  return toBranchView(row);
}

export async function updateBranch(principal: Principal, id: string, input: unknown): Promise<BranchView> {
  await requireScope(principal, "UPDATE:BRANCHES");
  const branchId = pathId(id, MESSAGES.branchNotFound);
  if (!(await db.branch.findUnique({ where: { id: branchId }, select: { id: true } }))) throw new NotFoundError(MESSAGES.branchNotFound);
  const changes = parseInput(branchUpdateSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const updated = await tx.branch.update({ where: { id: branchId }, data: changes });
        await recordRentalEvent(tx, { topic: "branch_events", type: "branch.updated", key: updated.id, payload: toBranchView(updated), actor: principal.userId });
        return updated;
      }),
    { unique: DUPLICATE_NAME },
  );
  return toBranchView(row);
}

const BRANCH_IN_USE = "This branch still has vehicles (and with them their rentals): move or delete them first.";

/** Only an empty branch goes: vehicles, and through them open rentals, keep it (409). */
export async function deleteBranch(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:BRANCHES");
  const branchId = pathId(id, MESSAGES.branchNotFound);
  await withConflicts(
    () =>
      transaction(async (tx) => {
        const row = await tx.branch.findUnique({ where: { id: branchId } });
        if (!row) throw new NotFoundError(MESSAGES.branchNotFound);
        if ((await tx.vehicle.count({ where: { branchId } })) > 0) throw new ConflictError(BRANCH_IN_USE);
        // A vehicle added concurrently is caught by the foreign key (ON DELETE RESTRICT).
        await tx.branch.delete({ where: { id: branchId } });
        await recordRentalEvent(tx, { topic: "branch_events", type: "branch.deleted", key: row.id, payload: toBranchView(row), actor: principal.userId });
      }),
    { reference: BRANCH_IN_USE },
  );
}
