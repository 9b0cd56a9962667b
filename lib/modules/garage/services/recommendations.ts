/**
 * Recommended work: a service priced from the chart for the booking's car, offered to the
 * customer, who approves or declines it. This file holds what every producer of
 * recommendations shares (the inspection, staff, deferred work offered again).
 */
import type { Principal } from "../../../auth/principal";
import type { Transaction } from "../../../db";
import type { Recommendation as RecommendationRow } from "../../../generated/prisma/client";
import { fieldError } from "../../../validation";
import { recordGarageEvent } from "../events";
import { taxOn } from "../view-models/money";
import type { RecommendationView } from "../views";
import type { PriceSource } from "../vocabulary";
import { resolvePrices } from "./pricing";
import type { WorkshopBooking } from "./workshop";

export function toRecommendationView(row: RecommendationRow, currency: string): RecommendationView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    carId: row.carId,
    inspectionItemId: row.inspectionItemId,
    deferredFromId: row.deferredFromId,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    severity: row.severity === "CRITICAL" ? "CRITICAL" : "ATTENTION",
    reason: row.reason,
    labourMinutes: row.labourMinutes,
    chartPriceMinor: row.chartPriceMinor,
    priceSource: row.priceSource as PriceSource,
    priceMinor: row.priceMinor,
    adjustmentReason: row.adjustmentReason,
    gstCode: row.gstCode,
    gstBasisPoints: row.gstBasisPoints,
    taxMinor: row.taxMinor,
    currency,
    status: row.status,
    version: row.version,
    bookedServiceId: row.bookedServiceId,
    createdByName: row.createdByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface RecommendWorkInput {
  serviceId: string;
  severity: "ATTENTION" | "CRITICAL";
  reason?: string;
  inspectionItemId?: string;
  deferredFromId?: string;
  /** A price other than the chart's needs a reason. */
  priceMinor?: number;
  adjustmentReason?: string;
}

/**
 * Records one recommendation on a booking in the caller's transaction, priced from the chart
 * for the booking's car (the service's base price once the car is gone), and its event.
 */
export async function recommendWork(tx: Transaction, principal: Principal, booking: WorkshopBooking, input: RecommendWorkInput): Promise<RecommendationView> {
  const service = await tx.garageService.findUnique({ where: { id: input.serviceId }, select: { id: true, name: true, active: true } });
  if (!service || !service.active) throw fieldError(["body", "serviceId"], "names a service that does not exist or is no longer offered");
  const car = booking.carId ? await tx.customerCar.findUnique({ where: { id: booking.carId }, select: { carModel: { select: { id: true, segment: true } } } }) : null;
  const price = (await resolvePrices(tx, [service.id], car?.carModel ?? null)).get(service.id);
  if (!price) throw fieldError(["body", "serviceId"], "names a service without a price");
  const adjusted = input.priceMinor !== undefined && input.priceMinor !== price.priceMinor;
  if (adjusted && !input.adjustmentReason) throw fieldError(["body", "adjustmentReason"], "say why the price differs from the price chart");
  const priceMinor = adjusted ? (input.priceMinor as number) : price.priceMinor;
  const row = await tx.recommendation.create({
    data: {
      bookingId: booking.id,
      carId: booking.carId,
      inspectionItemId: input.inspectionItemId ?? null,
      deferredFromId: input.deferredFromId ?? null,
      serviceId: service.id,
      serviceName: service.name,
      severity: input.severity,
      reason: input.reason ?? "",
      labourMinutes: price.labourMinutes,
      chartPriceMinor: price.priceMinor,
      priceSource: price.source,
      priceChartId: price.priceChartId,
      priceMinor,
      adjustmentReason: adjusted ? (input.adjustmentReason ?? null) : null,
      gstCode: price.gstCode,
      gstBasisPoints: price.gstBasisPoints,
      taxMinor: taxOn(priceMinor, price.gstBasisPoints),
      createdById: principal.userId,
      createdByName: principal.name,
    },
  });
  const view = toRecommendationView(row, booking.currency);
  await recordGarageEvent(tx, {
    topic: "booking_events",
    type: "recommendation.created",
    key: booking.id,
    payload: { ...view, customerId: booking.customerId, carPlate: booking.carPlate },
    actor: principal.userId,
  });
  return view;
}
