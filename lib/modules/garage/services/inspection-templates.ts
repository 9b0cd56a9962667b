/**
 * Inspection templates: the checklists an inspection starts from, edited by admins. Each
 * item has a label, an optional measurement unit and the service to recommend when the
 * mechanic flags it. Reading needs READ:BOOKING_ANALYSIS; creating and changing a template
 * needs UPDATE:BOOKING_ANALYSIS and deleting DELETE:BOOKING_ANALYSIS, which only admins
 * hold: mechanics (who hold read and write, to create inspections) cannot edit them.
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { inspectionTemplateInputSchema, inspectionTemplateListQuerySchema, inspectionTemplateUpdateSchema } from "../schemas";
import type { InspectionTemplateView } from "../views";

export const INSPECTION_TEMPLATE_MESSAGES = {
  notFound: "Inspection template not found.",
  duplicate: "An inspection template with this name already exists.",
} as const;

const templateInclude = {
  items: { orderBy: { position: "asc" }, include: { service: { select: { name: true } } } },
} satisfies Prisma.InspectionTemplateInclude;
type TemplateRow = Prisma.InspectionTemplateGetPayload<{ include: typeof templateInclude }>;

export function toInspectionTemplateView(row: TemplateRow): InspectionTemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    items: row.items.map((item) => ({
      id: item.id,
      position: item.position,
      label: item.label,
      measurementUnit: item.measurementUnit,
      serviceId: item.serviceId,
      serviceName: item.service?.name ?? null,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const conflicts = { constraints: { inspection_templates_name_lower_key: INSPECTION_TEMPLATE_MESSAGES.duplicate }, unique: INSPECTION_TEMPLATE_MESSAGES.duplicate };

type ItemInput = { label: string; measurementUnit?: string | null; serviceId?: string | null };

/** Every named service must exist (inactive ones may stay on a template: recommending them is refused later). */
async function checkServices(tx: Transaction, items: readonly ItemInput[]): Promise<void> {
  const ids = [...new Set(items.map((item) => item.serviceId).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  const found = new Set((await tx.garageService.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
  const missing = items.findIndex((item) => item.serviceId && !found.has(item.serviceId));
  if (missing >= 0) throw fieldError(["body", "items", missing, "serviceId"], "names a service that does not exist");
}

function itemRows(items: readonly ItemInput[]) {
  return items.map((item, index) => ({ position: index + 1, label: item.label, measurementUnit: item.measurementUnit ?? null, serviceId: item.serviceId ?? null }));
}

export async function listInspectionTemplates(principal: Principal, query: unknown = {}): Promise<Page<InspectionTemplateView>> {
  await requireScope(principal, "READ:BOOKING_ANALYSIS");
  const { active, limit, offset } = parseQuery(inspectionTemplateListQuerySchema, query);
  const where: Prisma.InspectionTemplateWhereInput = active !== undefined ? { active } : {};
  const [rows, total] = await Promise.all([
    db.inspectionTemplate.findMany({ where, include: templateInclude, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.inspectionTemplate.count({ where }),
  ]);
  return { items: rows.map(toInspectionTemplateView), total };
}

export async function getInspectionTemplate(principal: Principal, id: string): Promise<InspectionTemplateView> {
  await requireScope(principal, "READ:BOOKING_ANALYSIS");
  const row = await db.inspectionTemplate.findUnique({ where: { id: pathId(id, INSPECTION_TEMPLATE_MESSAGES.notFound) }, include: templateInclude });
  if (!row) throw new NotFoundError(INSPECTION_TEMPLATE_MESSAGES.notFound);
  return toInspectionTemplateView(row);
}

export async function createInspectionTemplate(principal: Principal, input: unknown): Promise<InspectionTemplateView> {
  await requireScope(principal, "UPDATE:BOOKING_ANALYSIS");
  const { items, ...data } = parseInput(inspectionTemplateInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        await checkServices(tx, items);
        const created = await tx.inspectionTemplate.create({ data: { ...data, items: { create: itemRows(items) } }, include: templateInclude });
        const view = toInspectionTemplateView(created);
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "inspection_template.created", key: created.id, payload: view, actor: principal.userId });
        return view;
      }),
    conflicts,
  );
  return row;
}

export async function updateInspectionTemplate(principal: Principal, id: string, input: unknown): Promise<InspectionTemplateView> {
  await requireScope(principal, "UPDATE:BOOKING_ANALYSIS");
  const templateId = pathId(id, INSPECTION_TEMPLATE_MESSAGES.notFound);
  const { items, ...changes } = parseInput(inspectionTemplateUpdateSchema, input);
  return withConflicts(
    () =>
      transaction(async (tx) => {
        const existing = await tx.inspectionTemplate.findUnique({ where: { id: templateId }, select: { id: true } });
        if (!existing) throw new NotFoundError(INSPECTION_TEMPLATE_MESSAGES.notFound);
        if (items) {
          await checkServices(tx, items);
          await tx.inspectionTemplateItem.deleteMany({ where: { templateId } });
        }
        const updated = await tx.inspectionTemplate.update({
          where: { id: templateId },
          data: { ...changes, ...(items ? { items: { create: itemRows(items) } } : {}), updatedAt: new Date() },
          include: templateInclude,
        });
        const view = toInspectionTemplateView(updated);
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "inspection_template.updated", key: updated.id, payload: view, actor: principal.userId });
        return view;
      }),
    conflicts,
  );
}

/** Inspections started from the template keep their items and its name (their link to it is cleared). */
export async function deleteInspectionTemplate(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:BOOKING_ANALYSIS");
  const templateId = pathId(id, INSPECTION_TEMPLATE_MESSAGES.notFound);
  await transaction(async (tx) => {
    const row = await tx.inspectionTemplate.findUnique({ where: { id: templateId }, include: templateInclude });
    if (!row) throw new NotFoundError(INSPECTION_TEMPLATE_MESSAGES.notFound);
    await tx.inspectionTemplate.delete({ where: { id: templateId } });
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "inspection_template.deleted", key: row.id, payload: toInspectionTemplateView(row), actor: principal.userId });
  });
}
