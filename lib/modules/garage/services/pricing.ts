import { db, type Transaction } from "../../../db";
import type { CarSegment } from "../../../generated/prisma/enums";
import { garageSettings } from "../settings";
import { shopDate } from "../view-models/shop-clock";
import { taxOn } from "../view-models/money";
import type { PriceSource } from "../vocabulary";

/** The price that applies to one service for one car model on one day, and where it came from. */
export interface ResolvedPrice {
  priceMinor: number;
  source: PriceSource;
  /** The price-chart row, null when the service's base price applies. */
  priceChartId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  gstCode: string;
  gstBasisPoints: number;
  taxMinor: number;
  labourMinutes: number;
}

type Reader = Transaction | typeof db;

/** Today on the shop's clock (`YYYY-MM-DD`): the day prices are read for. */
export function shopToday(now: Date = new Date()): string {
  return shopDate(now, garageSettings().GARAGE_TIME_ZONE);
}

const calendarDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/**
 * The one price rule: the chart's row for the car's model beats its segment's row, which
 * beats the service's base price; a row applies from `validFrom` until the day before
 * `validUntil`. Null when the service does not exist.
 */
export async function resolvePrice(
  reader: Reader,
  serviceId: string,
  carModel: { id: string; segment: CarSegment } | null,
  day: string = shopToday(),
): Promise<ResolvedPrice | null> {
  return (await resolvePrices(reader, [serviceId], carModel, day)).get(serviceId) ?? null;
}

/** The price rule for several services and one car model in two queries (catalogue pages, carts, bookings). */
export async function resolvePrices(
  reader: Reader,
  serviceIds: readonly string[],
  carModel: { id: string; segment: CarSegment } | null,
  day: string = shopToday(),
): Promise<Map<string, ResolvedPrice>> {
  const ids = [...new Set(serviceIds)];
  if (ids.length === 0) return new Map();
  const on = new Date(`${day}T00:00:00Z`);
  const [services, rows] = await Promise.all([
    reader.garageService.findMany({ where: { id: { in: ids } }, include: { gstRate: true } }),
    carModel
      ? reader.priceChartEntry.findMany({
          where: {
            serviceId: { in: ids },
            validFrom: { lte: on },
            OR: [{ validUntil: null }, { validUntil: { gt: on } }],
            AND: [{ OR: [{ carModelId: carModel.id }, { segment: carModel.segment }] }],
          },
        })
      : Promise.resolve([]),
  ]);
  const prices = new Map<string, ResolvedPrice>();
  for (const service of services) {
    const own = rows.filter((entry) => entry.serviceId === service.id);
    const row = own.find((entry) => entry.carModelId === carModel?.id) ?? own.find((entry) => entry.segment === carModel?.segment);
    const priceMinor = row ? row.priceMinor : service.basePriceMinor;
    prices.set(service.id, {
      priceMinor,
      source: row ? (row.carModelId ? "MODEL" : "SEGMENT") : "BASE",
      priceChartId: row?.id ?? null,
      validFrom: calendarDate(row?.validFrom ?? null),
      validUntil: calendarDate(row?.validUntil ?? null),
      gstCode: service.gstCode,
      gstBasisPoints: service.gstRate.basisPoints,
      taxMinor: taxOn(priceMinor, service.gstRate.basisPoints),
      labourMinutes: service.labourMinutes,
    });
  }
  return prices;
}
