import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma, SupportQuery as SupportQueryRow } from "../../../generated/prisma/client";
import { ROLES } from "../../../identity/roles";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { supportQueryInputSchema, supportQueryListQuerySchema, supportQueryUpdateSchema } from "../schemas";
import type { SupportQueryView } from "../views";
import { actsOnOwnRowsOnly } from "../vocabulary";

export const QUERY_MESSAGES = {
  queryNotFound: "Query not found.",
  bookingNotFound: "Booking not found.",
} as const;

export function toSupportQueryView(row: SupportQueryRow): SupportQueryView {
  return {
    id: row.id,
    customerId: row.customerId,
    bookingId: row.bookingId,
    subject: row.subject,
    message: row.message,
    status: row.status,
    answer: row.answer,
    answeredById: row.answeredById,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Customers open their own queries; staff (admin) open one for a named customer. */
async function queryCustomer(principal: Principal, customerId: string | undefined): Promise<string> {
  if (actsOnOwnRowsOnly(principal)) {
    if (customerId !== undefined && customerId !== principal.userId) throw fieldError(["body", "customerId"], "customers open their own queries");
    return principal.userId;
  }
  if (customerId === undefined) throw fieldError(["body", "customerId"], "name the customer the query is for");
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { roleId: true } });
  if (!customer || customer.roleId !== ROLES.CUSTOMER.id) throw fieldError(["body", "customerId"], "is not a customer");
  return customerId;
}

/** POST /queries: a customer's question, optionally about one of their own bookings. */
export async function openQuery(principal: Principal, input: unknown): Promise<SupportQueryView> {
  await requireScope(principal, "WRITE:QUERIES");
  const data = parseInput(supportQueryInputSchema, input);
  const customerId = await queryCustomer(principal, data.customerId);
  if (data.bookingId) {
    const booking = await db.booking.findUnique({ where: { id: data.bookingId }, select: { customerId: true } });
    if (!booking || booking.customerId !== customerId) throw new NotFoundError(QUERY_MESSAGES.bookingNotFound);
  }
  const row = await transaction(async (tx) => {
    const created = await tx.supportQuery.create({
      data: { customerId, bookingId: data.bookingId ?? null, subject: data.subject, message: data.message },
    });
    await recordGarageEvent(tx, { topic: "query_events", type: "query.opened", key: created.id, payload: toSupportQueryView(created), actor: principal.userId });
    return created;
  });
  return toSupportQueryView(row);
}

/** GET /queries: customers their own, staff every query (filter by status); newest first. */
export async function listQueries(principal: Principal, query: unknown): Promise<Page<SupportQueryView>> {
  await requireScope(principal, "READ:QUERIES");
  const { status, limit, offset } = parseQuery(supportQueryListQuerySchema, query);
  const where: Prisma.SupportQueryWhereInput = {
    ...(actsOnOwnRowsOnly(principal) ? { customerId: principal.userId } : {}),
    ...(status ? { status } : {}),
  };
  const [rows, total] = await Promise.all([
    db.supportQuery.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, skip: offset }),
    db.supportQuery.count({ where }),
  ]);
  return { items: rows.map(toSupportQueryView), total };
}

export async function getQuery(principal: Principal, id: string): Promise<SupportQueryView> {
  await requireScope(principal, "READ:QUERIES");
  const row = await db.supportQuery.findUnique({ where: { id: pathId(id, QUERY_MESSAGES.queryNotFound) } });
  if (!row || (actsOnOwnRowsOnly(principal) && row.customerId !== principal.userId)) throw new NotFoundError(QUERY_MESSAGES.queryNotFound);
  return toSupportQueryView(row);
}

/** PATCH /queries/{id} (staff): an answer sets ANSWERED unless a status is given; a status alone updates it. */
export async function answerQuery(principal: Principal, id: string, input: unknown): Promise<SupportQueryView> {
  await requireScope(principal, "UPDATE:QUERIES");
  const queryId = pathId(id, QUERY_MESSAGES.queryNotFound);
  if (!(await db.supportQuery.findUnique({ where: { id: queryId }, select: { id: true } }))) throw new NotFoundError(QUERY_MESSAGES.queryNotFound);
  const changes = parseInput(supportQueryUpdateSchema, input);
  if (changes.answer === undefined && changes.status === undefined) throw fieldError(["body", "answer"], "give an answer or a status");
  const row = await transaction(async (tx) => {
    const updated = await tx.supportQuery.update({
      where: { id: queryId },
      data: {
        ...(changes.answer !== undefined ? { answer: changes.answer, answeredById: principal.userId, answeredAt: new Date(), status: "ANSWERED" } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
      },
    });
    await recordGarageEvent(tx, {
      topic: "query_events",
      type: changes.answer !== undefined ? "query.answered" : "query.updated",
      key: updated.id,
      payload: toSupportQueryView(updated),
      actor: principal.userId,
    });
    return updated;
  });
  return toSupportQueryView(row);
}
