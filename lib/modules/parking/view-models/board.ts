import type { ReservationTimes, SpotView, WindowView } from "../views";
import { LIVE_RESERVATION_STATUSES, type SpotStatus } from "../vocabulary";
import { compareNaturally } from "../../../ui/intl";

/**
 * The parking board's view of spots: where each one stands right now, grouped by
 * zone. Pure, so the rules are unit-tested and the board can re-group as the
 * clock moves without asking the server.
 */

type SpotTimes = Pick<SpotView, "availability" | "nextReservation">;

const covers = (window: WindowView, now: number) => Date.parse(window.startsAt) <= now && Date.parse(window.endsAt) > now;

/** The published window the spot is in at `now`, if any. */
export function currentWindow(spot: SpotTimes, now: number): WindowView | undefined {
  return spot.availability.find((window) => covers(window, now));
}

/** The live reservation running at `now`, if any. */
export function currentReservation(spot: SpotTimes, now: number): ReservationTimes | undefined {
  const next = spot.nextReservation;
  if (!next || !(LIVE_RESERVATION_STATUSES as readonly string[]).includes(next.status)) return undefined;
  return Date.parse(next.startsAt) <= now && Date.parse(next.endsAt) > now ? next : undefined;
}

/** The first window that opens after `now`. */
export function nextWindow(spot: SpotTimes, now: number): WindowView | undefined {
  return spot.availability
    .filter((window) => Date.parse(window.startsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/**
 * Where a spot stands at `now`: reserved (a live reservation is running), free (in
 * a published window), free later today (a window opens before `dayEnd`, the end
 * of the viewer's day), or not offered today.
 */
export function spotStatus(spot: SpotTimes, now: number, dayEnd: number): SpotStatus {
  if (currentReservation(spot, now)) return "reserved-now";
  if (currentWindow(spot, now)) return "free-now";
  const upcoming = nextWindow(spot, now);
  if (upcoming && Date.parse(upcoming.startsAt) < dayEnd) return "free-later-today";
  return "not-offered";
}

/** A reservation that is coming up (not running yet) at `now`. */
export function upcomingReservation(spot: SpotTimes, now: number): ReservationTimes | undefined {
  const next = spot.nextReservation;
  return next && Date.parse(next.startsAt) > now ? next : undefined;
}

export interface ZoneGroup<Spot extends SpotTimes = SpotView> {
  zone: string;
  total: number;
  groups: Record<SpotStatus, Spot[]>;
}

export const STATUS_ORDER: readonly SpotStatus[] = ["free-now", "reserved-now", "free-later-today", "not-offered"];

/**
 * The board's order: zones, then labels within each, alphabetical with their numbers compared as numbers ("P-9"
 * before "P-10"). For the server: a browser's first collator loads locale data, which the board's hydration
 * should not wait for.
 */
export function boardOrder<Spot extends { zone: string; label: string }>(spots: readonly Spot[]): Spot[] {
  return [...spots].sort((a, b) => compareNaturally(a.zone, b.zone) || compareNaturally(a.label, b.label));
}

/** Spots by zone, each zone split by status; zones and spots keep the order they come in (`boardOrder`). */
export function groupBoard<Spot extends SpotTimes & { zone: string; label: string }>(
  spots: readonly Spot[],
  now: number,
  dayEnd: number,
): Array<ZoneGroup<Spot>> {
  const zones = new Map<string, ZoneGroup<Spot>>();
  for (const spot of spots) {
    let zone = zones.get(spot.zone);
    if (!zone) {
      zone = { zone: spot.zone, total: 0, groups: { "free-now": [], "reserved-now": [], "free-later-today": [], "not-offered": [] } };
      zones.set(spot.zone, zone);
    }
    zone.groups[spotStatus(spot, now, dayEnd)].push(spot);
    zone.total += 1;
  }
  return [...zones.values()];
}

/** How many spots are in each status across the board. */
export function statusCounts(zones: ReadonlyArray<ZoneGroup<SpotTimes & { zone: string; label: string }>>): Record<SpotStatus, number> {
  const counts: Record<SpotStatus, number> = { "free-now": 0, "reserved-now": 0, "free-later-today": 0, "not-offered": 0 };
  for (const zone of zones) for (const status of STATUS_ORDER) counts[status] += zone.groups[status].length;
  return counts;
}

/** "This will cost 3 credits" (1 credit, 0 credits). */
export function costText(cost: number): string {
  return `This will cost ${cost} ${cost === 1 ? "credit" : "credits"}`;
}

export function credits(amount: number): string {
  return `${amount} ${Math.abs(amount) === 1 ? "credit" : "credits"}`;
}
