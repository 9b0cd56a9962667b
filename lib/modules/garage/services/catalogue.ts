import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { GarageService, Prisma, ServiceCategory } from "../../../generated/prisma/client";
import { hasScope, requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import {
  serviceCategoryInputSchema,
  serviceCategoryListQuerySchema,
  serviceCategoryUpdateSchema,
  serviceInputSchema,
  serviceListQuerySchema,
  serviceUpdateSchema,
} from "../schemas";
import { garageSettings } from "../settings";
import type { ServiceCategoryView, ServiceRating, ServiceView } from "../views";

export const CATALOGUE_MESSAGES = {
  categoryNotFound: "Service category not found.",
  serviceNotFound: "Service not found.",
  duplicateCategoryName: "A service category with this name already exists.",
  duplicateCategorySlug: "A service category with this slug already exists.",
  duplicateServiceSlug: "A service with this slug already exists.",
  categoryInUse: "This category still has services: move or delete them first.",
  unknownGstCode: "must be an existing GST rate",
} as const;

/** A slug from a name: lower-case ASCII letters and digits joined by single dashes. */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || fallback;
}

export function toServiceCategoryView(row: ServiceCategory): ServiceCategoryView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type ServiceRow = GarageService & { category: Pick<ServiceCategory, "id" | "name" | "slug"> };
const serviceInclude = { category: { select: { id: true, name: true, slug: true } } } as const;

export const NO_RATING: ServiceRating = { average: null, count: 0 };

/** The average rating and review count of each service: one grouped query for a whole list. */
export async function serviceRatings(reader: Transaction | typeof db, serviceIds: readonly string[]): Promise<Map<string, ServiceRating>> {
  if (serviceIds.length === 0) return new Map();
  const groups = await reader.serviceReview.groupBy({
    by: ["serviceId"],
    where: { serviceId: { in: [...new Set(serviceIds)] } },
    _avg: { rating: true },
    _count: { _all: true },
  });
  return new Map(
    groups.flatMap((group) =>
      group.serviceId === null ? [] : [[group.serviceId, { average: group._avg.rating === null ? null : Math.round(group._avg.rating * 10) / 10, count: group._count._all }] as const],
    ),
  );
}

async function serviceViews(reader: Transaction | typeof db, rows: readonly ServiceRow[]): Promise<ServiceView[]> {
  const ratings = await serviceRatings(reader, rows.map((row) => row.id));
  return rows.map((row) => toServiceView(row, ratings.get(row.id)));
}

async function serviceView(reader: Transaction | typeof db, row: ServiceRow): Promise<ServiceView> {
  return toServiceView(row, (await serviceRatings(reader, [row.id])).get(row.id));
}

export function toServiceView(row: ServiceRow, rating: ServiceRating = NO_RATING): ServiceView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    categoryId: row.categoryId,
    category: { id: row.category.id, name: row.category.name, slug: row.category.slug },
    labourMinutes: row.labourMinutes,
    basePriceMinor: row.basePriceMinor,
    currency: garageSettings().GARAGE_CURRENCY,
    gstCode: row.gstCode,
    active: row.active,
    rating,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Inactive services exist only for those who edit the catalogue; everyone else reads them as absent. */
export function seesInactiveServices(principal: Principal): boolean {
  return hasScope(principal, "UPDATE:SERVICES");
}

const categoryConflicts = {
  constraints: {
    service_categories_name_lower_key: CATALOGUE_MESSAGES.duplicateCategoryName,
    service_categories_slug_key: CATALOGUE_MESSAGES.duplicateCategorySlug,
  },
  unique: CATALOGUE_MESSAGES.duplicateCategoryName,
};

// ── categories ───────────────────────────────────────────────────────────────

export async function listServiceCategories(principal: Principal, query: unknown = {}): Promise<Page<ServiceCategoryView>> {
  await requireScope(principal, "READ:SERVICE_CATEGORIES");
  const { limit, offset } = parseQuery(serviceCategoryListQuerySchema, query);
  const [rows, total] = await Promise.all([
    db.serviceCategory.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.serviceCategory.count(),
  ]);
  return { items: rows.map(toServiceCategoryView), total };
}

export async function getServiceCategory(principal: Principal, id: string): Promise<ServiceCategoryView> {
  await requireScope(principal, "READ:SERVICE_CATEGORIES");
  const row = await db.serviceCategory.findUnique({ where: { id: pathId(id, CATALOGUE_MESSAGES.categoryNotFound) } });
  if (!row) throw new NotFoundError(CATALOGUE_MESSAGES.categoryNotFound);
  return toServiceCategoryView(row);
}

export async function createServiceCategory(principal: Principal, input: unknown): Promise<ServiceCategoryView> {
  await requireScope(principal, "WRITE:SERVICE_CATEGORIES");
  const data = parseInput(serviceCategoryInputSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.serviceCategory.create({ data: { ...data, slug: data.slug ?? slugify(data.name, "category") } });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "category.created", key: created.id, payload: toServiceCategoryView(created), actor: principal.userId });
        return created;
      }),
    categoryConflicts,
  );
  return toServiceCategoryView(row);
}

export async function updateServiceCategory(principal: Principal, id: string, input: unknown): Promise<ServiceCategoryView> {
  await requireScope(principal, "UPDATE:SERVICE_CATEGORIES");
  const categoryId = pathId(id, CATALOGUE_MESSAGES.categoryNotFound);
  const changes = parseInput(serviceCategoryUpdateSchema, input);
  if (!(await db.serviceCategory.findUnique({ where: { id: categoryId }, select: { id: true } }))) throw new NotFoundError(CATALOGUE_MESSAGES.categoryNotFound);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const updated = await tx.serviceCategory.update({ where: { id: categoryId }, data: changes });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "category.updated", key: updated.id, payload: toServiceCategoryView(updated), actor: principal.userId });
        return updated;
      }),
    categoryConflicts,
  );
  return toServiceCategoryView(row);
}

/** Only an empty category goes (409 while it has services; the foreign key is RESTRICT for a concurrent insert). */
export async function deleteServiceCategory(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:SERVICE_CATEGORIES");
  const categoryId = pathId(id, CATALOGUE_MESSAGES.categoryNotFound);
  await withConflicts(
    () =>
      transaction(async (tx) => {
        const row = await tx.serviceCategory.findUnique({ where: { id: categoryId } });
        if (!row) throw new NotFoundError(CATALOGUE_MESSAGES.categoryNotFound);
        if ((await tx.garageService.count({ where: { categoryId } })) > 0) throw new ConflictError(CATALOGUE_MESSAGES.categoryInUse);
        await tx.serviceCategory.delete({ where: { id: categoryId } });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "category.deleted", key: row.id, payload: toServiceCategoryView(row), actor: principal.userId });
      }),
    { reference: CATALOGUE_MESSAGES.categoryInUse },
  );
}

// ── services ─────────────────────────────────────────────────────────────────

export async function listServices(principal: Principal, query: unknown = {}): Promise<Page<ServiceView>> {
  await requireScope(principal, "READ:SERVICES");
  const { q, categoryId, category, active, limit, offset } = parseQuery(serviceListQuerySchema, query);
  const where: Prisma.GarageServiceWhereInput = {
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { description: { contains: q, mode: "insensitive" } }] } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(category ? { category: { slug: category } } : {}),
    ...(seesInactiveServices(principal) ? (active !== undefined ? { active } : {}) : active === false ? { id: { in: [] } } : { active: true }),
  };
  const [rows, total] = await Promise.all([
    db.garageService.findMany({ where, include: serviceInclude, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.garageService.count({ where }),
  ]);
  return { items: await serviceViews(db, rows), total };
}

/** A service the principal may see: unknown, malformed, or inactive for a reader who cannot edit the catalogue → 404. */
export async function loadVisibleService(principal: Principal, id: unknown): Promise<ServiceRow> {
  const row = await db.garageService.findUnique({ where: { id: pathId(id, CATALOGUE_MESSAGES.serviceNotFound) }, include: serviceInclude });
  if (!row || (!row.active && !seesInactiveServices(principal))) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
  return row;
}

export async function getService(principal: Principal, id: string): Promise<ServiceView> {
  await requireScope(principal, "READ:SERVICES");
  return serviceView(db, await loadVisibleService(principal, id));
}

async function requireCategory(categoryId: string): Promise<void> {
  if (!(await db.serviceCategory.findUnique({ where: { id: categoryId }, select: { id: true } }))) throw new NotFoundError(CATALOGUE_MESSAGES.categoryNotFound);
}

async function requireGstRate(code: string): Promise<void> {
  if (!(await db.gstRate.findUnique({ where: { code }, select: { code: true } }))) throw fieldError(["body", "gstCode"], CATALOGUE_MESSAGES.unknownGstCode);
}

const serviceConflicts = {
  constraints: { garage_services_slug_key: CATALOGUE_MESSAGES.duplicateServiceSlug },
  unique: CATALOGUE_MESSAGES.duplicateServiceSlug,
  reference: "The category or GST rate was removed meanwhile: reload and try again.",
};

export async function createService(principal: Principal, input: unknown): Promise<ServiceView> {
  await requireScope(principal, "WRITE:SERVICES");
  const data = parseInput(serviceInputSchema, input);
  await requireGstRate(data.gstCode);
  await requireCategory(data.categoryId);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.garageService.create({ data: { ...data, slug: data.slug ?? slugify(data.name, "service") }, include: serviceInclude });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "service.created", key: created.id, payload: toServiceView(created), actor: principal.userId });
        return created;
      }),
    serviceConflicts,
  );
  return toServiceView(row);
}

export async function updateService(principal: Principal, id: string, input: unknown): Promise<ServiceView> {
  await requireScope(principal, "UPDATE:SERVICES");
  const serviceId = pathId(id, CATALOGUE_MESSAGES.serviceNotFound);
  const changes = parseInput(serviceUpdateSchema, input);
  if (!(await db.garageService.findUnique({ where: { id: serviceId }, select: { id: true } }))) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
  if (changes.gstCode !== undefined) await requireGstRate(changes.gstCode);
  if (changes.categoryId !== undefined) await requireCategory(changes.categoryId);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const updated = await tx.garageService.update({ where: { id: serviceId }, data: changes, include: serviceInclude });
        const view = await serviceView(tx, updated);
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "service.updated", key: updated.id, payload: view, actor: principal.userId });
        return view;
      }),
    serviceConflicts,
  );
  return row;
}

/** Its price rows, cart lines and favourites go with it; booked services keep their snapshot (service_id becomes null). */
export async function deleteService(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:SERVICES");
  const serviceId = pathId(id, CATALOGUE_MESSAGES.serviceNotFound);
  await transaction(async (tx) => {
    const row = await tx.garageService.findUnique({ where: { id: serviceId }, include: serviceInclude });
    if (!row) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
    const view = await serviceView(tx, row);
    await tx.garageService.delete({ where: { id: serviceId } });
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "service.deleted", key: row.id, payload: view, actor: principal.userId });
  });
}
