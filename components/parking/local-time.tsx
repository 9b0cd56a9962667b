"use client";

import { formatDateTime, formatDay, formatRange, formatTime, sameLocalDay, type Clock } from "@/lib/modules/parking/view-models/time";
import { useHydrated } from "./use-now";

type Style = "datetime" | "time" | "day";
const FORMATS: Record<Style, (iso: string, clock: Clock) => string> = {
  datetime: formatDateTime,
  time: formatTime,
  day: formatDay,
};

/**
 * An instant in the reader's time zone; before hydration, in UTC and said so (the server cannot know the reader's
 * zone). With `today` (an instant of the reader's today) the time alone is shown for today, the date with it otherwise.
 */
export function LocalTime({ iso, style = "datetime", today }: { iso: string; style?: Style; today?: number }) {
  const hydrated = useHydrated();
  const clock: Clock = hydrated ? "local" : "utc";
  const shown = today !== undefined ? (sameLocalDay(iso, new Date(today).toISOString(), clock) ? "time" : "datetime") : style;
  const text = FORMATS[shown](iso, clock);
  return <time dateTime={iso}>{hydrated ? text : `${text} UTC`}</time>;
}

/** A time range in the reader's time zone: "Tue 4 Mar, 09:30 – 10:45". */
export function LocalRange({ startsAt, endsAt }: { startsAt: string; endsAt: string }) {
  const hydrated = useHydrated();
  const text = hydrated ? formatRange(startsAt, endsAt) : `${formatRange(startsAt, endsAt, "utc")} UTC`;
  return <span data-starts-at={startsAt}>{text}</span>;
}
