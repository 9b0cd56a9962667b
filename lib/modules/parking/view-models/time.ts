/**
 * Time on the parking pages. `datetime-local` inputs hold wall-clock time in the
 * browser's time zone with no offset; the API wants instants with an offset.
 * Pure: everything depends only on the runtime's time zone and the arguments.
 */

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

/**
 * Whose clock a time is read on: the runtime's own zone (in a browser, the reader's) or UTC (the server's render,
 * which cannot know the reader's zone and says "UTC").
 */
export type Clock = "local" | "utc";

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
}

function wallClock(iso: string, clock: Clock): WallClock {
  const date = new Date(iso);
  return clock === "utc"
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), weekday: date.getUTCDay(), hours: date.getUTCHours(), minutes: date.getUTCMinutes() }
    : { year: date.getFullYear(), month: date.getMonth(), day: date.getDate(), weekday: date.getDay(), hours: date.getHours(), minutes: date.getMinutes() };
}

// Read with Date's own getters rather than Intl: a browser's first Intl formatter loads locale and time-zone data,
// 30-130 ms of main thread on the board's hydration. English words and a 24-hour clock, like the rest of the interface.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const dayText = (time: WallClock) => `${WEEKDAYS[time.weekday]} ${time.day} ${MONTHS[time.month]}`;
const timeText = (time: WallClock) => `${pad(time.hours)}:${pad(time.minutes)}`;

/** "Tue 4 Mar, 09:30". */
export function formatDateTime(iso: string, clock: Clock = "local"): string {
  const time = wallClock(iso, clock);
  return `${dayText(time)}, ${timeText(time)}`;
}

/** "09:30". */
export function formatTime(iso: string, clock: Clock = "local"): string {
  return timeText(wallClock(iso, clock));
}

/** "Tue 4 Mar". */
export function formatDay(iso: string, clock: Clock = "local"): string {
  return dayText(wallClock(iso, clock));
}

/** Whether two instants fall on the same calendar day on the given clock. */
export function sameLocalDay(a: string, b: string, clock: Clock = "local"): boolean {
  const first = wallClock(a, clock);
  const second = wallClock(b, clock);
  return first.year === second.year && first.month === second.month && first.day === second.day;
}

/** "Tue 4 Mar, 09:30 – 10:45", or both dates in full when the range crosses midnight. */
export function formatRange(startsAt: string, endsAt: string, clock: Clock = "local"): string {
  const end = sameLocalDay(startsAt, endsAt, clock) ? formatTime(endsAt, clock) : formatDateTime(endsAt, clock);
  return `${formatDateTime(startsAt, clock)} – ${end}`;
}
