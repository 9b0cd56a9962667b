import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { requireScope } from "../../../rbac/permissions";
import { parseQuery } from "../../../validation";
import { slotQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import { addCalendarDays, isoWeekday, shopDate, shopInstant } from "../view-models/shop-clock";
import type { GarageSlotView } from "../views";

type Reader = Transaction | typeof db;

const MINUTE = 60_000;

/** One open day of the shop: its hours and its drop-off slot starts. */
export interface ShopDay {
  date: string;
  opensAt: Date;
  closesAt: Date;
  slotStarts: Date[];
}

/** The day's hours and slots on the shop's clock; null when the shop is closed that weekday. */
export function shopDay(date: string): ShopDay | null {
  const settings = garageSettings();
  if (!settings.GARAGE_OPEN_DAYS.includes(isoWeekday(date))) return null;
  const opensAt = shopInstant(date, settings.GARAGE_OPENS_AT, settings.GARAGE_TIME_ZONE);
  const closesAt = shopInstant(date, settings.GARAGE_CLOSES_AT, settings.GARAGE_TIME_ZONE);
  const slotStarts: Date[] = [];
  for (let start = opensAt.getTime(); start < closesAt.getTime(); start += settings.GARAGE_SLOT_MINUTES * MINUTE) slotStarts.push(new Date(start));
  return { date, opensAt, closesAt, slotStarts };
}

/** What the non-cancelled bookings of one shop day already hold. */
export interface DayLoad {
  /** Bays taken per slot start (epoch ms). */
  baysBySlot: Map<number, Set<number>>;
  labourMinutes: number;
}

function emptyLoad(): DayLoad {
  return { baysBySlot: new Map(), labourMinutes: 0 };
}

/** The loads of the shop days `from`..`to` (inclusive), keyed by date. */
export async function loadDays(reader: Reader, from: string, to: string): Promise<Map<string, DayLoad>> {
  const { GARAGE_TIME_ZONE: timeZone } = garageSettings();
  const rows = await reader.booking.findMany({
    where: {
      status: { not: "CANCELLED" },
      slotStart: { gte: shopInstant(from, "00:00", timeZone), lt: shopInstant(addCalendarDays(to, 1), "00:00", timeZone) },
    },
    select: { slotStart: true, bay: true, labourMinutes: true },
  });
  const loads = new Map<string, DayLoad>();
  for (const row of rows) {
    const date = shopDate(row.slotStart, timeZone);
    const load = loads.get(date) ?? emptyLoad();
    loads.set(date, load);
    const bays = load.baysBySlot.get(row.slotStart.getTime()) ?? new Set<number>();
    bays.add(row.bay);
    load.baysBySlot.set(row.slotStart.getTime(), bays);
    load.labourMinutes += row.labourMinutes;
  }
  return loads;
}

/** The last shop day a drop-off may be booked on. */
export function horizonEnd(now: Date): string {
  const settings = garageSettings();
  return addCalendarDays(shopDate(now, settings.GARAGE_TIME_ZONE), settings.GARAGE_BOOKING_HORIZON_DAYS);
}

/**
 * The slot rules: a slot is free for `minutes` of labour when it starts in the future and
 * within the horizon, a bay is still free at it, the work ends by closing time, and the day's
 * remaining capacity (bays × open minutes − booked labour) covers it.
 */
export function freeSlotsOn(day: ShopDay, load: DayLoad, minutes: number, now: Date): GarageSlotView[] {
  const settings = garageSettings();
  if (day.date > horizonEnd(now)) return [];
  const openMinutes = (day.closesAt.getTime() - day.opensAt.getTime()) / MINUTE;
  if (settings.GARAGE_BAYS * openMinutes - load.labourMinutes < minutes) return [];
  const slots: GarageSlotView[] = [];
  for (const start of day.slotStarts) {
    if (start.getTime() <= now.getTime()) continue;
    if (start.getTime() + minutes * MINUTE > day.closesAt.getTime()) continue;
    const freeBays = settings.GARAGE_BAYS - (load.baysBySlot.get(start.getTime())?.size ?? 0);
    if (freeBays <= 0) continue;
    slots.push({
      start: start.toISOString(),
      end: new Date(start.getTime() + settings.GARAGE_SLOT_MINUTES * MINUTE).toISOString(),
      freeBays,
    });
  }
  return slots;
}

/** The lowest bay not taken at a slot (the caller has checked one is free). */
export function lowestFreeBay(load: DayLoad, slotStart: Date): number {
  const taken = load.baysBySlot.get(slotStart.getTime()) ?? new Set<number>();
  let bay = 1;
  while (taken.has(bay)) bay++;
  return bay;
}

/** Up to `count` free slots for `minutes` of labour from `fromDate` on, within the horizon. */
export async function nextFreeSlots(reader: Reader, fromDate: string, minutes: number, now: Date, count = 5): Promise<GarageSlotView[]> {
  const today = shopDate(now, garageSettings().GARAGE_TIME_ZONE);
  const from = fromDate < today ? today : fromDate;
  const last = horizonEnd(now);
  if (from > last) return [];
  const loads = await loadDays(reader, from, last);
  const found: GarageSlotView[] = [];
  for (let date = from; date <= last && found.length < count; date = addCalendarDays(date, 1)) {
    const day = shopDay(date);
    if (day) found.push(...freeSlotsOn(day, loads.get(date) ?? emptyLoad(), minutes, now).slice(0, count - found.length));
  }
  return found;
}

/** GET /garage/slots: the free drop-off slots of one day for `minutes` of labour (none on a closed day). */
export async function listFreeSlots(principal: Principal, query: unknown, now: Date = new Date()): Promise<GarageSlotView[]> {
  await requireScope(principal, "READ:BOOKINGS");
  const { date, minutes } = parseQuery(slotQuerySchema, query);
  const day = shopDay(date);
  if (!day) return [];
  const loads = await loadDays(db, date, date);
  return freeSlotsOn(day, loads.get(date) ?? emptyLoad(), minutes, now);
}
