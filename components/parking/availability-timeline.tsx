"use client";

import { useState } from "react";
import { formatDay, formatTime, type Interval } from "@/lib/modules/parking/view-models/time";
import { hourTicks, localDayRows, nowPosition, spansWithin, type TimelineRow } from "@/lib/modules/parking/view-models/timeline";
import { LocalRange } from "./local-time";
import { useHydrated, useNow } from "./use-now";

type Range = "day" | "week";

interface AvailabilityTimelineProps {
  windows: readonly Interval[];
  busy: readonly Interval[];
  serverNow: number;
}

const HOUR = 3_600_000;

function describeRow(label: string, offered: readonly Interval[], reserved: readonly Interval[]): string {
  const times = (spans: readonly Interval[]) => spans.map((span) => `${formatTime(span.startsAt)}–${formatTime(span.endsAt)}`).join(", ");
  const parts = [label];
  parts.push(offered.length > 0 ? `offered ${times(offered)}` : "not offered");
  if (reserved.length > 0) parts.push(`reserved ${times(reserved)}`);
  return parts.join("; ");
}

interface TimelineBarProps {
  row: TimelineRow;
  windows: readonly Interval[];
  busy: readonly Interval[];
  now: number;
  label: string;
  /** Hours between labelled ticks under the bar; none when null. */
  tickEvery: number | null;
}

function TimelineBar({ row, windows, busy, now, label, tickEvery }: TimelineBarProps) {
  const offered = spansWithin(windows, row.from, row.to);
  const reserved = spansWithin(busy, row.from, row.to);
  const past = now > row.from ? Math.min(100, ((now - row.from) / (row.to - row.from)) * 100) : 0;
  const nowAt = nowPosition(now, row);
  const ticks = tickEvery === null ? [] : hourTicks(row.from, row.to, tickEvery);
  return (
    <div>
      <div role="img" aria-label={describeRow(label, offered, reserved)} className="relative h-8 overflow-hidden rounded-md border border-line bg-surface">
        {offered.map((span) => (
          <span key={`w${span.startsAt}`} className="absolute inset-y-0 bg-brand/70" style={{ left: `${span.left}%`, width: `${span.width}%` }} />
        ))}
        {reserved.map((span) => (
          <span
            key={`b${span.startsAt}`}
            className="absolute inset-y-1 rounded-sm bg-amber-500 dark:bg-amber-400"
            style={{ left: `${span.left}%`, width: `${span.width}%` }}
          />
        ))}
        {past > 0 && <span className="absolute inset-y-0 left-0 bg-surface/70" style={{ width: `${past}%` }} />}
        {nowAt !== null && <span className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: `${nowAt}%` }} />}
      </div>
      {ticks.length > 0 && (
        <div aria-hidden="true" className="relative mt-1 h-4 text-[0.65rem] text-ink-muted">
          {ticks
            .filter((tick) => tick.left > 2 && tick.left < 96)
            .map((tick, index) => (
              // On a phone every other label only: eight times of day do not fit side by side in 300 px.
              <span
                key={tick.at}
                className={`absolute -translate-x-1/2 whitespace-nowrap tabular-nums ${index % 2 === 1 ? "max-sm:hidden" : ""}`}
                style={{ left: `${tick.left}%` }}
              >
                {formatTime(new Date(tick.at).toISOString())}
              </span>
            ))}
        </div>
      )}
    </div>
  );
}

/**
 * When the spot is offered (published windows) and when it is taken (live
 * reservations), over the next 24 hours or day by day for a week, in local time.
 */
export function AvailabilityTimeline({ windows, busy, serverNow }: AvailabilityTimelineProps) {
  const [range, setRange] = useState<Range>("day");
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  const upcomingWindows = windows.filter((window) => Date.parse(window.endsAt) > now);
  const upcomingBusy = busy.filter((entry) => Date.parse(entry.endsAt) > now);

  const hourStart = Math.floor(now / HOUR) * HOUR;
  const rows: Array<{ row: TimelineRow; label: string }> =
    range === "day"
      ? [{ row: { from: hourStart, to: hourStart + 24 * HOUR }, label: "Next 24 hours" }]
      : localDayRows(new Date(now), 7).map((row) => ({ row, label: formatDay(new Date(row.from).toISOString()) }));

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="group" aria-label="Timeline range" className="inline-flex rounded-full border border-line p-0.5">
          {(["day", "week"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={range === option}
              onClick={() => setRange(option)}
              className={`rounded-full px-3 py-1 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-brand ${
                range === option ? "bg-brand-soft text-ink" : "text-ink-muted hover:text-ink"
              }`}
            >
              {option === "day" ? "Next 24 h" : "7 days"}
            </button>
          ))}
        </div>
        <ul className="flex flex-wrap gap-4 text-xs text-ink-muted" aria-label="Legend">
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-brand/70" /> Offered
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-amber-500 dark:bg-amber-400" /> Reserved
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-ink" /> Now
          </li>
        </ul>
      </div>

      <div className={`mt-4 ${range === "week" ? "space-y-2" : "space-y-3"}`} data-testid="availability-timeline">
        {hydrated ? (
          rows.map(({ row, label }, index) => (
            <div key={row.from} className={range === "week" ? "grid items-start gap-x-3 sm:grid-cols-[6rem_minmax(0,1fr)]" : undefined}>
              {range === "week" && <p className="pt-1.5 text-sm font-medium">{label}</p>}
              <TimelineBar row={row} windows={windows} busy={busy} now={now} label={label} tickEvery={range === "day" ? 3 : index === rows.length - 1 ? 6 : null} />
            </div>
          ))
        ) : (
          <div className="h-8 rounded-md border border-line bg-surface motion-safe:animate-pulse" />
        )}
      </div>

      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Offered</h3>
          {upcomingWindows.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm" data-testid="offered-windows">
              {upcomingWindows.map((window) => (
                <li key={window.startsAt}>
                  <LocalRange startsAt={window.startsAt} endsAt={window.endsAt} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">No window is published for the coming week.</p>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold">Reserved</h3>
          {upcomingBusy.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm" data-testid="busy-periods">
              {upcomingBusy.map((entry) => (
                <li key={entry.startsAt}>
                  <LocalRange startsAt={entry.startsAt} endsAt={entry.endsAt} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">Nothing reserved yet.</p>
          )}
        </div>
      </div>
    </div>
  );
}
