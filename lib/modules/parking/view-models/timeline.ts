import type { Interval } from "./time";

/** Geometry of the availability timeline: intervals as percentages of a row. Pure. */

export interface Span extends Interval {
  /** Offset from the row's start, 0–100. */
  left: number;
  /** Width, 0–100. */
  width: number;
}

/** The parts of `intervals` inside [from, to), as positions on a row spanning that range. Empty parts are dropped. */
export function spansWithin(intervals: readonly Interval[], from: number, to: number): Span[] {
  const length = to - from;
  if (length <= 0) return [];
  const spans: Span[] = [];
  for (const interval of intervals) {
    const start = Math.max(Date.parse(interval.startsAt), from);
    const end = Math.min(Date.parse(interval.endsAt), to);
    if (!(end > start)) continue;
    spans.push({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      left: ((start - from) / length) * 100,
      width: ((end - start) / length) * 100,
    });
  }
  return spans.sort((a, b) => a.left - b.left);
}

export interface TimelineRow {
  /** Start and end of the row, ms since the epoch. */
  from: number;
  to: number;
}

/** `count` local calendar days starting with `date`'s (midnight to midnight, so 23 or 25 hours across DST changes). */
export function localDayRows(date: Date, count: number): TimelineRow[] {
  return Array.from({ length: count }, (_, index) => ({
    from: new Date(date.getFullYear(), date.getMonth(), date.getDate() + index).getTime(),
    to: new Date(date.getFullYear(), date.getMonth(), date.getDate() + index + 1).getTime(),
  }));
}

/** Local whole hours that are multiples of `everyHours`, inside [from, to], with their position on the row. */
export function hourTicks(from: number, to: number, everyHours: number): Array<{ at: number; left: number }> {
  const ticks: Array<{ at: number; left: number }> = [];
  const first = new Date(from);
  first.setMinutes(0, 0, 0);
  if (first.getTime() < from) first.setHours(first.getHours() + 1);
  for (const cursor = first; cursor.getTime() <= to; cursor.setHours(cursor.getHours() + 1)) {
    if (cursor.getHours() % everyHours === 0) ticks.push({ at: cursor.getTime(), left: ((cursor.getTime() - from) / (to - from)) * 100 });
  }
  return ticks;
}

/** Where `now` falls on a row, 0–100, or null when outside it. */
export function nowPosition(now: number, row: TimelineRow): number | null {
  if (now < row.from || now > row.to) return null;
  return ((now - row.from) / (row.to - row.from)) * 100;
}
