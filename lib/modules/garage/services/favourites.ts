import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Favourite, GarageService } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { favouriteInputSchema, favouriteListQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import { actsOnOwnRowsOnly } from "../vocabulary";
import type { FavouriteView } from "../views";
import { CATALOGUE_MESSAGES, loadVisibleService } from "./catalogue";

const CUSTOMER_NOT_FOUND = "Customer not found.";
const FAVOURITE_NOT_FOUND = "This service is not among your favourites.";

type FavouriteRow = Favourite & { service: GarageService };

export function toFavouriteView(row: FavouriteRow): FavouriteView {
  return {
    ownerId: row.ownerId,
    serviceId: row.serviceId,
    createdAt: row.createdAt.toISOString(),
    service: {
      id: row.service.id,
      name: row.service.name,
      slug: row.service.slug,
      categoryId: row.service.categoryId,
      labourMinutes: row.service.labourMinutes,
      basePriceMinor: row.service.basePriceMinor,
      currency: garageSettings().GARAGE_CURRENCY,
      active: row.service.active,
    },
  };
}

/**
 * The caller's starred services; staff may name a customer (`customerId`). A customer
 * naming anyone else is answered as if that person did not exist (404).
 */
export async function listFavourites(principal: Principal, query: unknown = {}): Promise<Page<FavouriteView>> {
  await requireScope(principal, "READ:FAVOURITES");
  const { customerId, limit, offset } = parseQuery(favouriteListQuerySchema, query);
  const ownerId = customerId ?? principal.userId;
  if (ownerId !== principal.userId && actsOnOwnRowsOnly(principal)) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  const where = { ownerId };
  const [rows, total] = await Promise.all([
    db.favourite.findMany({ where, include: { service: true }, orderBy: [{ createdAt: "desc" }, { serviceId: "asc" }], take: limit, skip: offset }),
    db.favourite.count({ where }),
  ]);
  return { items: rows.map(toFavouriteView), total };
}

/** Stars a service for the caller; starring it again changes nothing and answers the same row (`created` false). */
export async function addFavourite(principal: Principal, input: unknown): Promise<{ favourite: FavouriteView; created: boolean }> {
  await requireScope(principal, "WRITE:FAVOURITES");
  const { serviceId } = parseInput(favouriteInputSchema, input);
  await loadVisibleService(principal, serviceId);
  return transaction(async (tx) => {
    const key = { ownerId: principal.userId, serviceId };
    const existing = await tx.favourite.findUnique({ where: { ownerId_serviceId: key }, include: { service: true } });
    if (existing) return { favourite: toFavouriteView(existing), created: false };
    const inserted = await tx.favourite.createMany({ data: [key], skipDuplicates: true });
    const row = await tx.favourite.findUnique({ where: { ownerId_serviceId: key }, include: { service: true } });
    if (!row) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
    const favourite = toFavouriteView(row);
    if (inserted.count === 0) return { favourite, created: false };
    await recordGarageEvent(tx, { topic: "cart_events", type: "favourite.added", key: `${row.ownerId}:${row.serviceId}`, payload: favourite, actor: principal.userId });
    return { favourite, created: true };
  });
}

export async function removeFavourite(principal: Principal, serviceId: string): Promise<void> {
  await requireScope(principal, "DELETE:FAVOURITES");
  const id = pathId(serviceId, FAVOURITE_NOT_FOUND);
  await transaction(async (tx) => {
    const row = await tx.favourite.findUnique({ where: { ownerId_serviceId: { ownerId: principal.userId, serviceId: id } }, include: { service: true } });
    if (!row) throw new NotFoundError(FAVOURITE_NOT_FOUND);
    await tx.favourite.delete({ where: { ownerId_serviceId: { ownerId: row.ownerId, serviceId: row.serviceId } } });
    await recordGarageEvent(tx, { topic: "cart_events", type: "favourite.removed", key: `${row.ownerId}:${row.serviceId}`, payload: toFavouriteView(row), actor: principal.userId });
  });
}
