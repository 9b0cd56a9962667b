/**
 * Time on the parking pages. `datetime-local` inputs hold wall-clock time in the
 * browser's time zone with no offset; the API wants instants with an offset.
 * Pure: everything depends only on the runtime's time zone and the arguments.
 */

import { dateTimeFormat } from "../../../ui/intl";

const MINUTE = 60_000;

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, "0");

/** `2025-03-04T09:30` — the value a `datetime-local` input shows for `date`, in local time. */
export function toLocalInputValue(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2025-03-04T09:30:00+01:00` — the instant `date` in local time with its offset. */
export function toIsoWithOffset(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${toLocalInputValue(date)}:${pad(date.getSeconds())}${offset}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** The local instant a `datetime-local` value names, or null when it is empty or malformed. */
export function parseLocalInput(value: string): Date | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return null;
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // 31 February and the like roll over into the next month: refuse them.
  if (Number.isNaN(date.getTime()) || date.getDate() !== day) return null;
  return date;
}

/**
 * A `datetime-local` value as an ISO instant with the local offset, for the API.
 * Malformed input is passed through unchanged, so the server's validation names the field.
 */
export function localInputToIso(value: string): string {
  const date = parseLocalInput(value);
  return date ? toIsoWithOffset(date) : value;
}

/**
 * Like `localInputToIso`, for a start time: a value inside the current minute
 * (the input cannot say "now" more precisely) means now.
 */
export function startInputToIso(value: string, now: Date): string {
  const date = parseLocalInput(value);
  if (!date) return value;
  const minuteStart = Math.floor(now.getTime() / MINUTE) * MINUTE;
  if (date.getTime() >= minuteStart && date.getTime() <= now.getTime()) return toIsoWithOffset(now);
  return toIsoWithOffset(date);
}

/** `date` moved forward to the next multiple of `stepMinutes` of the local clock (unchanged if already on one). */
export function roundUpToStep(date: Date, stepMinutes: number): Date {
  const rounded = new Date(date.getTime());
  rounded.setSeconds(0, 0);
  if (rounded.getTime() < date.getTime()) rounded.setMinutes(rounded.getMinutes() + 1);
  const remainder = rounded.getMinutes() % stepMinutes;
  if (remainder !== 0) rounded.setMinutes(rounded.getMinutes() + stepMinutes - remainder);
  return rounded;
}

/** Local midnight at the start of `date`'s day. */
export function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Local midnight at the end of `date`'s day (the start of the next one). */
export function endOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

export interface Interval {
  startsAt: string;
  endsAt: string;
}

const DEFAULT_RESERVATION_MINUTES = 60;
/** A little time to fill in the form before the start must still be in the future. */
const LEAD_MINUTES = 5;

/**
 * Suggested start and end for a reservation: the next quarter hour at least a few
 * minutes ahead, moved into the first published window that still has room for
 * the shortest reservation (`minMinutes`, the PARKING_MIN_RESERVATION_MINUTES setting);
 * an hour long, or up to the window's end.
 */
export function suggestedReservation(windows: readonly Interval[], now: Date, minMinutes: number): { startsAt: Date; endsAt: Date } {
  const earliest = roundUpToStep(new Date(now.getTime() + LEAD_MINUTES * MINUTE), 15);
  const ordered = [...windows].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const window of ordered) {
    const windowStart = Date.parse(window.startsAt);
    const windowEnd = Date.parse(window.endsAt);
    const start = windowStart > earliest.getTime() ? roundUpToStep(new Date(windowStart), 15) : earliest;
    if (windowEnd - start.getTime() < minMinutes * MINUTE) continue;
    const end = Math.min(start.getTime() + DEFAULT_RESERVATION_MINUTES * MINUTE, windowEnd);
    return { startsAt: start, endsAt: new Date(end) };
  }
  return { startsAt: earliest, endsAt: new Date(earliest.getTime() + DEFAULT_RESERVATION_MINUTES * MINUTE) };
}

/** A suggested "free until": 18:00 today if that is at least an hour away, else two hours from now. */
export function suggestedFreeUntil(now: Date): Date {
  const evening = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 18, 0);
  if (evening.getTime() - now.getTime() >= 60 * MINUTE) return evening;
  return roundUpToStep(new Date(now.getTime() + 120 * MINUTE), 15);
}

export interface FormatOptions {
  /** BCP 47 locale; undefined means the runtime's (the browser's). */
  locale?: string;
  /** IANA time zone; undefined means the runtime's. */
  timeZone?: string;
}

function formatter(options: FormatOptions, parts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateTimeFormat(options.locale, { ...parts, timeZone: options.timeZone });
}

const DAY_PARTS: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/** "Tue 4 Mar, 09:30" (in the locale's own order and words). */
export function formatDateTime(iso: string, options: FormatOptions = {}): string {
  return formatter(options, { ...DAY_PARTS, ...TIME_PARTS }).format(new Date(iso));
}

/** "09:30". */
export function formatTime(iso: string, options: FormatOptions = {}): string {
  return formatter(options, TIME_PARTS).format(new Date(iso));
}

/** "Tue 4 Mar". */
export function formatDay(iso: string, options: FormatOptions = {}): string {
  return formatter(options, DAY_PARTS).format(new Date(iso));
}

/** Whether two instants fall on the same calendar day in the given (or the runtime's) zone. */
export function sameLocalDay(a: string, b: string, options: FormatOptions = {}): boolean {
  const day = formatter(options, { year: "numeric", month: "numeric", day: "numeric" });
  return day.format(new Date(a)) === day.format(new Date(b));
}

/** "Tue 4 Mar, 09:30 – 10:45", or both dates in full when the range crosses midnight. */
export function formatRange(startsAt: string, endsAt: string, options: FormatOptions = {}): string {
  const end = sameLocalDay(startsAt, endsAt, options) ? formatTime(endsAt, options) : formatDateTime(endsAt, options);
  return `${formatDateTime(startsAt, options)} – ${end}`;
}
