"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/page";
import type { SpotView } from "@/lib/modules/parking/views";
import {
  currentReservation,
  currentWindow,
  groupBoard,
  nextWindow,
  statusCounts,
  STATUS_ORDER,
  upcomingReservation,
} from "@/lib/modules/parking/view-models/board";
import { SPOT_KIND_LABELS, SPOT_STATUS_LABELS, type SpotStatus } from "@/lib/modules/parking/vocabulary";
import { endOfLocalDay } from "@/lib/modules/parking/view-models/time";
import { LocalTime } from "./local-time";
import { useHydrated, useNow } from "./use-now";
import { SpotStatusBadge } from "./status-badges";

interface ParkingBoardProps {
  /** In board order (`boardOrder`, on the server). */
  spots: SpotView[];
  viewerId: string;
  serverNow: number;
  /** The end of the server's day, for the server render and hydration (the reader's day is known after). */
  serverDayEnd: number;
}

/** What a spot's card says about its time, by status. */
function SpotTimes({ spot, status, now }: { spot: SpotView; status: SpotStatus; now: number }) {
  const window = currentWindow(spot, now);
  const running = currentReservation(spot, now);
  const coming = upcomingReservation(spot, now);
  const opens = nextWindow(spot, now);
  switch (status) {
    case "free-now":
      return (
        <>
          {window && (
            <span>
              Free until <LocalTime iso={window.endsAt} today={now} />
            </span>
          )}
          {coming && (
            <span className="block text-ink-muted">
              Reserved from <LocalTime iso={coming.startsAt} today={now} />
            </span>
          )}
        </>
      );
    case "reserved-now":
      return running ? (
        <span>
          Taken until <LocalTime iso={running.endsAt} today={now} />
        </span>
      ) : null;
    case "free-later-today":
      return opens ? (
        <span>
          Free from <LocalTime iso={opens.startsAt} today={now} />
        </span>
      ) : null;
    case "not-offered":
      return opens ? (
        <span className="text-ink-muted">
          Next offered <LocalTime iso={opens.startsAt} />
        </span>
      ) : (
        <span className="text-ink-muted">No window published</span>
      );
  }
}

function SpotCard({ spot, status, now, mine }: { spot: SpotView; status: SpotStatus; now: number; mine: boolean }) {
  return (
    <li data-testid="spot-card" data-spot-id={spot.id} data-status={status}>
      <IntentLink
        href={`/parking/spots/${spot.id}`}
        className="block rounded-lg border border-line bg-surface px-3 py-2.5 transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand"
      >
        <span className="flex items-start justify-between gap-2">
          <span className="font-semibold">{spot.label}</span>
          <span className="text-xs text-ink-muted">{SPOT_KIND_LABELS[spot.kind]}</span>
        </span>
        <span className="mt-0.5 block text-xs text-ink-muted">{mine ? "Your spot" : spot.owner.name}</span>
        <span className="mt-1.5 block text-sm">
          <SpotTimes spot={spot} status={status} now={now} />
        </span>
      </IntentLink>
    </li>
  );
}

const STATUS_HEADING_ACCENT: Record<SpotStatus, string> = {
  "free-now": "before:bg-brand",
  "reserved-now": "before:bg-amber-500 dark:before:bg-amber-400",
  "free-later-today": "before:bg-parking",
  "not-offered": "before:bg-line",
};

/**
 * Every spot, by zone, split into free now / reserved now / free later today (and
 * not offered today), re-grouped as the clock moves; the page refreshes the spots
 * live.
 */
export function ParkingBoard({ spots, viewerId, serverNow, serverDayEnd }: ParkingBoardProps) {
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  // "Today" ends at the reader's midnight; until hydrated, at the server's.
  const dayEnd = hydrated ? endOfLocalDay(new Date(now)).getTime() : serverDayEnd;
  const zones = groupBoard(spots, now, dayEnd);
  const counts = statusCounts(zones);

  if (spots.length === 0) {
    return <EmptyState>No spots are registered yet. Residents can register theirs under My spots.</EmptyState>;
  }

  return (
    <div className="space-y-8">
      <ul className="flex flex-wrap gap-2" aria-label="Summary" data-testid="board-summary">
        {STATUS_ORDER.slice(0, 3).map((status) => (
          <li key={status} className="flex items-center gap-2 rounded-full border border-line bg-surface-raised px-3 py-1 text-sm">
            <SpotStatusBadge status={status} />
            <span className="font-semibold tabular-nums">{counts[status]}</span>
          </li>
        ))}
      </ul>

      {zones.map((zone, index) => (
        <section
          key={zone.zone}
          aria-labelledby={`zone-${index}`}
          className="rounded-card border border-line bg-surface-raised p-5 shadow-sm"
          data-testid="zone"
          data-zone={zone.zone}
        >
          <h2 id={`zone-${index}`} className="text-xl font-semibold">
            {zone.zone}{" "}
            <span className="text-sm font-normal text-ink-muted">
              · {zone.total} {zone.total === 1 ? "spot" : "spots"}
            </span>
          </h2>
          <div className="mt-4 grid gap-5 md:grid-cols-3">
            {STATUS_ORDER.slice(0, 3).map((status) => (
              <div key={status} data-testid={`board-${status}`}>
                <h3
                  className={`flex items-center gap-2 text-sm font-medium uppercase tracking-wider text-ink-muted before:inline-block before:h-2 before:w-2 before:rounded-full ${STATUS_HEADING_ACCENT[status]}`}
                >
                  {SPOT_STATUS_LABELS[status]}
                </h3>
                {zone.groups[status].length > 0 ? (
                  <ul className="mt-2 space-y-2">
                    {zone.groups[status].map((spot) => (
                      <SpotCard key={spot.id} spot={spot} status={status} now={now} mine={spot.owner.id === viewerId} />
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-sm text-ink-muted">None</p>
                )}
              </div>
            ))}
          </div>
          {zone.groups["not-offered"].length > 0 && (
            <details className="mt-4 text-sm" data-testid="board-not-offered">
              <summary className="cursor-pointer text-ink-muted hover:text-ink">
                {SPOT_STATUS_LABELS["not-offered"]} ({zone.groups["not-offered"].length})
              </summary>
              <ul className="mt-2 grid gap-2 sm:grid-cols-2 md:grid-cols-3">
                {zone.groups["not-offered"].map((spot) => (
                  <SpotCard key={spot.id} spot={spot} status="not-offered" now={now} mine={spot.owner.id === viewerId} />
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
    </div>
  );
}
