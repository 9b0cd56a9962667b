import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { addressInputSchema, addressListQuerySchema, addressUpdateSchema } from "../schemas";
import type { AddressView } from "../views";
import { actsOnOwnRowsOnly } from "../vocabulary";
import { CUSTOMER_MESSAGES, ownerFilter, ownerFor } from "./customer-access";

const addressInclude = { area: { select: { id: true, name: true, city: true, active: true } } } satisfies Prisma.GarageAddressInclude;
type AddressRow = Prisma.GarageAddressGetPayload<{ include: typeof addressInclude }>;

export function toAddressView(row: AddressRow): AddressView {
  return {
    id: row.id,
    ownerId: row.ownerId,
    areaId: row.areaId,
    area: row.area,
    label: row.label,
    line1: row.line1,
    line2: row.line2,
    postcode: row.postcode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const AREA_GONE = "The area is no longer served.";

async function findVisibleAddress(client: typeof db | Transaction, principal: Principal, id: string): Promise<AddressRow> {
  const row = await client.garageAddress.findUnique({ where: { id: pathId(id, CUSTOMER_MESSAGES.addressNotFound) }, include: addressInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.ownerId !== principal.userId)) throw new NotFoundError(CUSTOMER_MESSAGES.addressNotFound);
  return row;
}

/** Addresses are only in areas the shop serves now. */
async function requireActiveArea(client: typeof db | Transaction, areaId: string): Promise<void> {
  const area = await client.garageArea.findUnique({ where: { id: areaId }, select: { active: true } });
  if (!area?.active) throw fieldError(["body", "areaId"], "is not an area the garage serves");
}

export async function listAddresses(principal: Principal, query: unknown): Promise<Page<AddressView>> {
  await requireScope(principal, "READ:ADDRESSES");
  const filters = parseQuery(addressListQuerySchema, query);
  const where: Prisma.GarageAddressWhereInput = ownerFilter(principal, filters.ownerId);
  const [rows, total] = await Promise.all([
    db.garageAddress.findMany({ where, include: addressInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: filters.limit, skip: filters.offset }),
    db.garageAddress.count({ where }),
  ]);
  return { items: rows.map(toAddressView), total };
}

export async function getAddress(principal: Principal, id: string): Promise<AddressView> {
  await requireScope(principal, "READ:ADDRESSES");
  return toAddressView(await findVisibleAddress(db, principal, id));
}

export async function createAddress(principal: Principal, input: unknown): Promise<AddressView> {
  await requireScope(principal, "WRITE:ADDRESSES");
  const { ownerId: namedOwner, ...data } = parseInput(addressInputSchema, input);
  const ownerId = await ownerFor(principal, namedOwner);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        await requireActiveArea(tx, data.areaId);
        const created = await tx.garageAddress.create({ data: { ...data, ownerId }, include: addressInclude });
        await recordGarageEvent(tx, { topic: "address_events", type: "address.created", key: created.id, payload: toAddressView(created), actor: principal.userId });
        return created;
      }),
    { reference: AREA_GONE },
  );
  return toAddressView(row);
}

export async function updateAddress(principal: Principal, id: string, input: unknown): Promise<AddressView> {
  await requireScope(principal, "UPDATE:ADDRESSES");
  const addressId = pathId(id, CUSTOMER_MESSAGES.addressNotFound);
  const changes = parseInput(addressUpdateSchema, input);
  await findVisibleAddress(db, principal, addressId);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM garage_addresses WHERE id = ${addressId}::uuid FOR UPDATE`;
        if (!locked) throw new NotFoundError(CUSTOMER_MESSAGES.addressNotFound);
        if (changes.areaId) await requireActiveArea(tx, changes.areaId);
        const updated = await tx.garageAddress.update({ where: { id: addressId }, data: changes, include: addressInclude });
        await recordGarageEvent(tx, { topic: "address_events", type: "address.updated", key: updated.id, payload: toAddressView(updated), actor: principal.userId });
        return updated;
      }),
    { reference: AREA_GONE },
  );
  return toAddressView(row);
}

/** Bookings that used the address keep their text copy (the link is set null). */
export async function deleteAddress(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:ADDRESSES");
  const addressId = pathId(id, CUSTOMER_MESSAGES.addressNotFound);
  await findVisibleAddress(db, principal, addressId);
  await transaction(async (tx) => {
    const row = await tx.garageAddress.findUnique({ where: { id: addressId }, include: addressInclude });
    if (!row) throw new NotFoundError(CUSTOMER_MESSAGES.addressNotFound);
    if ((await tx.garageAddress.deleteMany({ where: { id: addressId } })).count === 0) throw new NotFoundError(CUSTOMER_MESSAGES.addressNotFound);
    await recordGarageEvent(tx, { topic: "address_events", type: "address.deleted", key: row.id, payload: toAddressView(row), actor: principal.userId });
  });
}

