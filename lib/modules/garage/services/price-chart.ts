import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { PriceChartEntry, Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { priceChartInputSchema, priceChartListQuerySchema, priceChartUpdateSchema, servicePriceQuerySchema, VALID_UNTIL_NOT_AFTER_FROM } from "../schemas";
import { garageSettings } from "../settings";
import { actsOnOwnRowsOnly } from "../vocabulary";
import type { PriceChartEntryView, ServicePriceView } from "../views";
import { CAR_MODEL_MESSAGES } from "./car-models";
import { CATALOGUE_MESSAGES, loadVisibleService, seesInactiveServices } from "./catalogue";
import { resolvePrice, resolvePrices, shopToday, type ResolvedPrice } from "./pricing";

export const PRICE_CHART_MESSAGES = {
  notFound: "Price chart row not found.",
  carNotFound: "Car not found.",
  overlap:
    "This service already has a price for this car model or segment in part of that period: end that row first (its validUntil) or choose dates that do not overlap.",
} as const;

const calendarDay = (value: Date) => value.toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function toPriceChartEntryView(row: PriceChartEntry): PriceChartEntryView {
  return {
    id: row.id,
    serviceId: row.serviceId,
    carModelId: row.carModelId,
    segment: row.segment,
    priceMinor: row.priceMinor,
    currency: garageSettings().GARAGE_CURRENCY,
    validFrom: calendarDay(row.validFrom),
    validUntil: row.validUntil ? calendarDay(row.validUntil) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const conflicts = {
  exclusion: PRICE_CHART_MESSAGES.overlap,
  reference: "The service or car model was removed meanwhile: reload and try again.",
};

export async function listPriceChart(principal: Principal, query: unknown = {}): Promise<Page<PriceChartEntryView>> {
  await requireScope(principal, "READ:PRICE_CHART");
  const { serviceId, carModelId, segment, limit, offset } = parseQuery(priceChartListQuerySchema, query);
  const where: Prisma.PriceChartEntryWhereInput = {
    ...(serviceId ? { serviceId } : {}),
    ...(carModelId ? { carModelId } : {}),
    ...(segment ? { segment } : {}),
    ...(seesInactiveServices(principal) ? {} : { service: { active: true } }),
  };
  const [rows, total] = await Promise.all([
    db.priceChartEntry.findMany({ where, orderBy: [{ serviceId: "asc" }, { segment: "asc" }, { carModelId: "asc" }, { validFrom: "asc" }, { id: "asc" }], take: limit, skip: offset }),
    db.priceChartEntry.count({ where }),
  ]);
  return { items: rows.map(toPriceChartEntryView), total };
}

export async function getPriceChartEntry(principal: Principal, id: string): Promise<PriceChartEntryView> {
  await requireScope(principal, "READ:PRICE_CHART");
  const row = await db.priceChartEntry.findUnique({ where: { id: pathId(id, PRICE_CHART_MESSAGES.notFound) }, include: { service: { select: { active: true } } } });
  if (!row || (!row.service.active && !seesInactiveServices(principal))) throw new NotFoundError(PRICE_CHART_MESSAGES.notFound);
  return toPriceChartEntryView(row);
}

export async function createPriceChartEntry(principal: Principal, input: unknown): Promise<PriceChartEntryView> {
  await requireScope(principal, "WRITE:PRICE_CHART");
  const data = parseInput(priceChartInputSchema, input);
  if (!(await db.garageService.findUnique({ where: { id: data.serviceId }, select: { id: true } }))) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
  if (data.carModelId && !(await db.carModel.findUnique({ where: { id: data.carModelId }, select: { id: true } }))) throw new NotFoundError(CAR_MODEL_MESSAGES.notFound);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const created = await tx.priceChartEntry.create({
          data: {
            serviceId: data.serviceId,
            carModelId: data.carModelId,
            segment: data.segment,
            priceMinor: data.priceMinor,
            validFrom: asDate(data.validFrom),
            validUntil: data.validUntil ? asDate(data.validUntil) : null,
          },
        });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "price.created", key: created.id, payload: toPriceChartEntryView(created), actor: principal.userId });
        return created;
      }),
    conflicts,
  );
  return toPriceChartEntryView(row);
}

export async function updatePriceChartEntry(principal: Principal, id: string, input: unknown): Promise<PriceChartEntryView> {
  await requireScope(principal, "UPDATE:PRICE_CHART");
  const entryId = pathId(id, PRICE_CHART_MESSAGES.notFound);
  const changes = parseInput(priceChartUpdateSchema, input);
  const row = await withConflicts(
    () =>
      transaction(async (tx) => {
        const current = await tx.priceChartEntry.findUnique({ where: { id: entryId } });
        if (!current) throw new NotFoundError(PRICE_CHART_MESSAGES.notFound);
        const validFrom = changes.validFrom ?? calendarDay(current.validFrom);
        const validUntil = changes.validUntil !== undefined ? changes.validUntil : current.validUntil ? calendarDay(current.validUntil) : null;
        if (validUntil !== null && validUntil <= validFrom) throw fieldError(["body", "validUntil"], VALID_UNTIL_NOT_AFTER_FROM);
        const updated = await tx.priceChartEntry.update({
          where: { id: entryId },
          data: { priceMinor: changes.priceMinor, validFrom: asDate(validFrom), validUntil: validUntil ? asDate(validUntil) : null },
        });
        await recordGarageEvent(tx, { topic: "catalogue_events", type: "price.updated", key: updated.id, payload: toPriceChartEntryView(updated), actor: principal.userId });
        return updated;
      }),
    conflicts,
  );
  return toPriceChartEntryView(row);
}

export async function deletePriceChartEntry(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:PRICE_CHART");
  const entryId = pathId(id, PRICE_CHART_MESSAGES.notFound);
  await transaction(async (tx) => {
    const row = await tx.priceChartEntry.findUnique({ where: { id: entryId } });
    if (!row) throw new NotFoundError(PRICE_CHART_MESSAGES.notFound);
    await tx.priceChartEntry.delete({ where: { id: entryId } });
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "price.deleted", key: row.id, payload: toPriceChartEntryView(row), actor: principal.userId });
  });
}

type PricedModel = { id: string; segment: NonNullable<PriceChartEntry["segment"]> };

/** The model of a customer's car the principal may price (customers only their own; 404 otherwise). */
async function pricedCarModel(principal: Principal, carId: string): Promise<PricedModel> {
  const car = await db.customerCar.findUnique({
    where: { id: pathId(carId, PRICE_CHART_MESSAGES.carNotFound) },
    select: { ownerId: true, carModel: { select: { id: true, segment: true } } },
  });
  if (!car || (actsOnOwnRowsOnly(principal) && car.ownerId !== principal.userId)) throw new NotFoundError(PRICE_CHART_MESSAGES.carNotFound);
  return car.carModel;
}

function toServicePriceView(serviceId: string, carModel: PricedModel, price: ResolvedPrice, day: string): ServicePriceView {
  return {
    serviceId,
    carModelId: carModel.id,
    priceMinor: price.priceMinor,
    taxMinor: price.taxMinor,
    totalMinor: price.priceMinor + price.taxMinor,
    gstCode: price.gstCode,
    gstBasisPoints: price.gstBasisPoints,
    currency: garageSettings().GARAGE_CURRENCY,
    source: price.source,
    priceChartId: price.priceChartId,
    validFrom: price.validFrom,
    validUntil: price.validUntil,
    date: day,
  };
}

/**
 * What a service costs for a car (`carId`, a customer's car: customers price only their own)
 * or a car model, on a day (default: today on the shop's clock), by the one price rule.
 */
export async function getServicePrice(principal: Principal, serviceId: string, query: unknown): Promise<ServicePriceView> {
  await requireScope(principal, "READ:PRICE_CHART");
  const { carId, carModelId, date } = parseQuery(servicePriceQuerySchema, query);
  const service = await loadVisibleService(principal, serviceId);
  let carModel: PricedModel | null;
  if (carId) carModel = await pricedCarModel(principal, carId);
  else {
    carModel = await db.carModel.findUnique({ where: { id: carModelId! }, select: { id: true, segment: true } });
    if (!carModel) throw new NotFoundError(CAR_MODEL_MESSAGES.notFound);
  }
  const day = date ?? shopToday();
  const price = await resolvePrice(db, service.id, carModel, day);
  if (!price) throw new NotFoundError(CATALOGUE_MESSAGES.serviceNotFound);
  return toServicePriceView(service.id, carModel, price, day);
}

/** Today's prices of several services for one car (the catalogue's cards): the same rule and checks as `getServicePrice`, in one go. */
export async function getServicePricesForCar(principal: Principal, carId: string, serviceIds: readonly string[]): Promise<Map<string, ServicePriceView>> {
  await requireScope(principal, "READ:PRICE_CHART");
  const carModel = await pricedCarModel(principal, carId);
  const visible = seesInactiveServices(principal)
    ? serviceIds
    : (await db.garageService.findMany({ where: { id: { in: [...serviceIds] }, active: true }, select: { id: true } })).map((row) => row.id);
  const day = shopToday();
  const prices = await resolvePrices(db, visible, carModel, day);
  return new Map([...prices].map(([serviceId, price]) => [serviceId, toServicePriceView(serviceId, carModel, price, day)]));
}

/** The rows that apply on a day (default: today on the shop's clock), every service and target: the admin's price grid. */
export async function listPriceChartOn(principal: Principal, day: string = shopToday()): Promise<PriceChartEntryView[]> {
  await requireScope(principal, "READ:PRICE_CHART");
  const on = asDate(day);
  const rows = await db.priceChartEntry.findMany({
    where: { validFrom: { lte: on }, OR: [{ validUntil: null }, { validUntil: { gt: on } }] },
    orderBy: [{ serviceId: "asc" }, { id: "asc" }],
  });
  return rows.map(toPriceChartEntryView);
}
