"use client";

import { useEffect, useState } from "react";
import { useLiveConnection, type LiveStatus } from "./live-context";

const LABELS: Record<LiveStatus, { text: string; description: string; dot: string }> = {
  live: { text: "Live", description: "Live updates are on", dot: "bg-brand" },
  connecting: { text: "Connecting…", description: "Connecting to live updates", dot: "bg-ink-muted" },
  offline: {
    text: "Offline",
    description: "Live updates are offline; retrying. Pages still work, reload for the latest data.",
    dot: "bg-amber-500 dark:bg-amber-400",
  },
};

const STATUSES = Object.keys(LABELS) as LiveStatus[];

/**
 * How long connecting lasts before the dot starts to pulse. A page connects within a second as a rule, and a
 * pulse from the first paint made the compositor draw a frame sixty times a second while the page was starting.
 */
const PULSE_AFTER_MS = 1_000;

/** Whether the tab has been connecting for longer than PULSE_AFTER_MS. */
function useSlowToConnect(status: LiveStatus): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (status !== "connecting") return;
    const timer = setTimeout(() => setSlow(true), PULSE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [status]);
  return status === "connecting" && slow;
}

/**
 * A subtle badge with the state of the tab's live connection. Every label sits in the same grid cell and only the
 * current one is visible, so the badge is as wide as its longest label from the first paint: a change of state
 * never moves the header (a layout shift Lighthouse counted on every signed-in page).
 */
export function LiveIndicator() {
  const { status } = useLiveConnection();
  const label = LABELS[status];
  const pulsing = useSlowToConnect(status);
  return (
    <p
      role="status"
      data-testid="live-status"
      data-state={status}
      title={label.description}
      className="inline-flex items-center gap-1.5 rounded-full border border-line px-2 py-0.5 text-xs font-medium text-ink-muted"
    >
      <span aria-hidden="true" data-testid="live-dot" className={`inline-block h-2 w-2 rounded-full ${label.dot} ${pulsing ? "motion-safe:animate-pulse" : ""}`} />
      {/* On a phone the dot stands for "live" and "connecting"; "offline" keeps its word, colour being no label. */}
      <span className={`inline-grid ${status === "offline" ? "" : "max-sm:sr-only"}`}>
        {STATUSES.map((state) => (
          <span key={state} aria-hidden={state !== status} className={`[grid-area:1/1] ${state === status ? "" : "invisible"}`}>
            {LABELS[state].text}
          </span>
        ))}
      </span>
      <span className="sr-only">: {label.description}</span>
    </p>
  );
}
