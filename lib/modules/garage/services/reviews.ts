/**
 * Service reviews: after delivery, the booking's customer rates each booked service once
 * (1–5 and a text). Authors change and delete their own; admins moderate (change the text,
 * delete any). Everyone who reads the catalogue reads them, and the catalogue shows each
 * service's average and count (catalogue.ts `serviceRatings`).
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { reviewInputSchema, reviewListQuerySchema, reviewUpdateSchema, serviceReviewListQuerySchema } from "../schemas";
import type { ServiceReviewView } from "../views";
import { loadVisibleService } from "./catalogue";

export const REVIEW_MESSAGES = {
  reviewNotFound: "Review not found.",
  bookedServiceNotFound: "Booked service not found.",
  notYourBooking: "Only the booking's customer can review its services.",
  notDelivered: "A service can be reviewed once the car has been delivered.",
  alreadyReviewed: "This booked service already has your review: change it instead.",
  notYourReview: "Only the review's author can change or delete it.",
  staffModerateText: "Staff moderate a review's text; its rating is the customer's.",
} as const;

const reviewInclude = { bookedService: { select: { bookingId: true, serviceName: true } } } satisfies Prisma.ServiceReviewInclude;
type ReviewRow = Prisma.ServiceReviewGetPayload<{ include: typeof reviewInclude }>;

export function toReviewView(row: ReviewRow): ServiceReviewView {
  return {
    id: row.id,
    bookedServiceId: row.bookedServiceId,
    bookingId: row.bookedService.bookingId,
    serviceId: row.serviceId,
    serviceName: row.bookedService.serviceName,
    customerId: row.customerId,
    authorName: row.authorName,
    rating: row.rating,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ORDER = [{ createdAt: "desc" }, { id: "asc" }] satisfies Prisma.ServiceReviewOrderByWithRelationInput[];

/** GET /reviews: every review, newest first (filter by service or author). */
export async function listReviews(principal: Principal, query: unknown): Promise<Page<ServiceReviewView>> {
  await requireScope(principal, "READ:SERVICE_REVIEWS");
  const { serviceId, customerId, limit, offset } = parseQuery(reviewListQuerySchema, query);
  const where: Prisma.ServiceReviewWhereInput = { ...(serviceId ? { serviceId } : {}), ...(customerId ? { customerId } : {}) };
  const [rows, total] = await Promise.all([
    db.serviceReview.findMany({ where, include: reviewInclude, orderBy: ORDER, take: limit, skip: offset }),
    db.serviceReview.count({ where }),
  ]);
  return { items: rows.map(toReviewView), total };
}

/** GET /services/{id}/reviews: a visible service's reviews, newest first. */
export async function listServiceReviews(principal: Principal, id: string, query: unknown = {}): Promise<Page<ServiceReviewView>> {
  await requireScope(principal, "READ:SERVICE_REVIEWS");
  const { limit, offset } = parseQuery(serviceReviewListQuerySchema, query);
  const service = await loadVisibleService(principal, id);
  const where = { serviceId: service.id };
  const [rows, total] = await Promise.all([
    db.serviceReview.findMany({ where, include: reviewInclude, orderBy: ORDER, take: limit, skip: offset }),
    db.serviceReview.count({ where }),
  ]);
  return { items: rows.map(toReviewView), total };
}

/** The newest reviews of many services at once (GraphQL `GarageService.reviews`): one query whatever their number. */
export async function reviewsOfServices(principal: Principal, serviceIds: readonly string[], perService: number): Promise<Map<string, ServiceReviewView[]>> {
  await requireScope(principal, "READ:SERVICE_REVIEWS");
  const rows = await db.serviceReview.findMany({ where: { serviceId: { in: [...new Set(serviceIds)] } }, include: reviewInclude, orderBy: ORDER });
  const byService = new Map<string, ServiceReviewView[]>(serviceIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = row.serviceId === null ? undefined : byService.get(row.serviceId);
    if (list && list.length < perService) list.push(toReviewView(row));
  }
  return byService;
}

export interface ReviewableLine {
  bookedServiceId: string;
  bookingId: string;
  carPlate: string;
  slotStart: string;
}

/** The caller's delivered booked services of a service that have no review yet: what they may review (customers only). */
export async function reviewableLines(principal: Principal, serviceId: string): Promise<ReviewableLine[]> {
  await requireScope(principal, "WRITE:SERVICE_REVIEWS");
  const rows = await db.bookedService.findMany({
    where: { serviceId: pathId(serviceId, REVIEW_MESSAGES.bookedServiceNotFound), review: null, booking: { customerId: principal.userId, status: "DELIVERED" } },
    include: { booking: { select: { carPlate: true, slotStart: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
  });
  return rows.map((row) => ({ bookedServiceId: row.id, bookingId: row.bookingId, carPlate: row.booking.carPlate, slotStart: row.booking.slotStart.toISOString() }));
}

export async function getReview(principal: Principal, id: string): Promise<ServiceReviewView> {
  await requireScope(principal, "READ:SERVICE_REVIEWS");
  const row = await db.serviceReview.findUnique({ where: { id: pathId(id, REVIEW_MESSAGES.reviewNotFound) }, include: reviewInclude });
  if (!row) throw new NotFoundError(REVIEW_MESSAGES.reviewNotFound);
  return toReviewView(row);
}

/**
 * POST /reviews: the booking's customer reviews one of its booked services once it is
 * delivered. Someone else's booking is a 403 (admins included: a review is the customer's
 * word), before delivery a 409, a second review of the same booked service a 409 (the
 * unique index on booked_service_id holds it under concurrency).
 */
export async function createReview(principal: Principal, input: unknown): Promise<ServiceReviewView> {
  await requireScope(principal, "WRITE:SERVICE_REVIEWS");
  const { bookedServiceId, rating, text } = parseInput(reviewInputSchema, input);
  return withConflicts(
    () =>
      transaction(async (tx) => {
        const line = await tx.bookedService.findUnique({ where: { id: bookedServiceId }, include: { booking: { select: { customerId: true, status: true } } } });
        if (!line) throw new NotFoundError(REVIEW_MESSAGES.bookedServiceNotFound);
        if (line.booking.customerId !== principal.userId) throw new ForbiddenError(REVIEW_MESSAGES.notYourBooking);
        if (line.booking.status !== "DELIVERED") throw new ConflictError(REVIEW_MESSAGES.notDelivered);
        if (await tx.serviceReview.findUnique({ where: { bookedServiceId }, select: { id: true } })) throw new ConflictError(REVIEW_MESSAGES.alreadyReviewed);
        const row = await tx.serviceReview.create({
          data: { bookedServiceId, serviceId: line.serviceId, customerId: principal.userId, authorName: principal.name, rating, text },
          include: reviewInclude,
        });
        const view = toReviewView(row);
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "review.created", key: row.id, payload: view, actor: principal.userId });
        return view;
      }),
    { unique: REVIEW_MESSAGES.alreadyReviewed, reference: REVIEW_MESSAGES.bookedServiceNotFound },
  );
}

async function lockReview(tx: Transaction, principal: Principal, id: string): Promise<ReviewRow> {
  const reviewId = pathId(id, REVIEW_MESSAGES.reviewNotFound);
  await tx.$queryRaw`SELECT 1 FROM service_reviews WHERE id = ${reviewId}::uuid FOR UPDATE`;
  const row = await tx.serviceReview.findUnique({ where: { id: reviewId }, include: reviewInclude });
  if (!row) throw new NotFoundError(REVIEW_MESSAGES.reviewNotFound);
  if (principal.role !== "ADMIN" && row.customerId !== principal.userId) throw new ForbiddenError(REVIEW_MESSAGES.notYourReview);
  return row;
}

/** PATCH /reviews/{id}: the author changes rating or text; an admin moderates the text only. */
export async function updateReview(principal: Principal, id: string, input: unknown): Promise<ServiceReviewView> {
  await requireScope(principal, "UPDATE:SERVICE_REVIEWS");
  const changes = parseInput(reviewUpdateSchema, input);
  return transaction(async (tx) => {
    const row = await lockReview(tx, principal, id);
    if (row.customerId !== principal.userId && changes.rating !== undefined && changes.rating !== row.rating) throw new ForbiddenError(REVIEW_MESSAGES.staffModerateText);
    const updated = await tx.serviceReview.update({ where: { id: row.id }, data: changes, include: reviewInclude });
    const view = toReviewView(updated);
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "review.updated", key: row.id, payload: view, actor: principal.userId });
    return view;
  });
}

/** DELETE /reviews/{id}: the author deletes their own; an admin any. */
export async function deleteReview(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:SERVICE_REVIEWS");
  await transaction(async (tx) => {
    const row = await lockReview(tx, principal, id);
    await tx.serviceReview.delete({ where: { id: row.id } });
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "review.deleted", key: row.id, payload: toReviewView(row), actor: principal.userId });
  });
}
