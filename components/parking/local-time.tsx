"use client";

import { formatDateTime, formatDay, formatRange, formatTime, sameLocalDay, type FormatOptions } from "@/lib/modules/parking/view-models/time";
import { useHydrated } from "./use-now";

/** Before hydration the server cannot know the reader's zone: it shows UTC, said so. */
const SERVER: FormatOptions = { locale: "en-GB", timeZone: "UTC" };

type Style = "datetime" | "time" | "day";
const FORMATS: Record<Style, (iso: string, options: FormatOptions) => string> = {
  datetime: formatDateTime,
  time: formatTime,
  day: formatDay,
};

/**
 * An instant in the reader's time zone and locale. With `today` (an instant of the
 * reader's today) the time alone is shown for today and the date with it otherwise.
 */
export function LocalTime({ iso, style = "datetime", today }: { iso: string; style?: Style; today?: number }) {
  const hydrated = useHydrated();
  const options = hydrated ? {} : SERVER;
  const shown = today !== undefined ? (sameLocalDay(iso, new Date(today).toISOString(), options) ? "time" : "datetime") : style;
  const text = FORMATS[shown](iso, options);
  return <time dateTime={iso}>{hydrated ? text : `${text} UTC`}</time>;
}

/** A time range in the reader's time zone and locale: "Tue 4 Mar, 09:30 – 10:45". */
export function LocalRange({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const hydrated = useHydrated();
  const text = hydrated ? formatRange(startsAt, endsAt) : `${formatRange(startsAt, endsAt, SERVER)} UTC`;
  return <span data-starts-at={startsAt}>{text}</span>;
}
