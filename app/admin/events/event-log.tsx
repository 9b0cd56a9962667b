"use client";

import { useQuery } from "@tanstack/react-query";
import Form from "next/form";
import { IntentLink } from "@/components/ui/intent-link";
import { useCallback, useId, useRef, useState } from "react";
import { useLiveConnection, useLiveMessages } from "@/components/realtime/live-context";
import { errorTextClass, inputClass, primaryButtonClass } from "@/components/ui/form";
import type { Topic } from "@/lib/events/outbox";
import { eventLogQuery, formatUtc, matchesFilters, mergeEvents, payloadPreview, type EventLogFilters } from "@/lib/ui/event-log";
import { eventLogKey, parseLiveEvent, type LiveEvent } from "@/lib/ui/live-events";
import { cellClass, DataTable } from "@/components/ui/table";

interface EventPage {
  events: LiveEvent[];
  nextAfter: number;
  lastOffset: number;
}

interface EventLogProps {
  topics: readonly Topic[];
  filters: EventLogFilters;
  initial: EventPage;
  pageSize: number;
}

/** Most catch-up pages fetched in one go by the live tail. */
const CATCH_UP_PAGES = 10;

async function fetchEventPage(filters: EventLogFilters, after: number, limit: number): Promise<EventPage> {
  const query = new URLSearchParams(eventLogQuery(filters, after, limit));
  const response = await fetch(`/api/v1/events?${query}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`The event log could not be read (HTTP ${response.status}).`);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null) throw new Error("Unexpected event log response.");
  const { events, nextAfter, lastOffset } = body as Record<string, unknown>;
  if (!Array.isArray(events) || typeof nextAfter !== "number" || typeof lastOffset !== "number") {
    throw new Error("Unexpected event log response.");
  }
  return { events: events.map((event) => parseLiveEvent(event, { topics: [filters.topic] })).filter((event) => event !== null), nextAfter, lastOffset };
}

function filterHref(filters: EventLogFilters, after: number): string {
  const query = new URLSearchParams({ topic: filters.topic });
  if (filters.type) query.set("type", filters.type);
  if (filters.key) query.set("key", filters.key);
  if (after > 0) query.set("after", String(after));
  return `/admin/events?${query}`;
}

const labelClass = "block text-sm font-medium";
const secondaryButtonClass =
  "rounded-full border border-line bg-surface-raised px-4 py-2 text-sm font-medium transition hover:border-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-wait disabled:opacity-60";

/**
 * One topic of the event log, oldest first: filters, "load more" from the last
 * offset read, and a live tail that appends events as the admin channel
 * delivers them (then reads the log after them, so nothing is skipped).
 */
export function EventLog({ topics, filters, initial, pageSize }: EventLogProps) {
  const formId = useId();
  const { status } = useLiveConnection();
  const [events, setEvents] = useState<LiveEvent[]>(initial.events);
  const [cursor, setCursor] = useState(initial.nextAfter);
  const [atEnd, setAtEnd] = useState(initial.events.length < pageSize);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tail, setTail] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState("");

  const cursorRef = useRef(initial.nextAfter);
  const busyRef = useRef(false);
  const againRef = useRef(false);

  // Whether the log holds matching events after what is shown; refreshed by every live event of the topic.
  const head = useQuery({
    queryKey: [...eventLogKey(filters.topic), "head", { type: filters.type, key: filters.key, after: cursor }],
    queryFn: async () => {
      const page = await fetchEventPage(filters, cursor, 1);
      return { hasNewer: page.events.length > 0, lastOffset: page.lastOffset };
    },
  });
  const lastOffset = Math.max(head.data?.lastOffset ?? initial.lastOffset, events.at(-1)?.offset ?? 0);

  /** Reads the log after the cursor, up to `maxPages` pages; calls made meanwhile run once more afterwards. */
  const readNewer = useCallback(
    async (maxPages: number) => {
      if (busyRef.current) {
        againRef.current = true;
        return;
      }
      busyRef.current = true;
      setLoading(true);
      setError(null);
      try {
        let pages = 0;
        do {
          againRef.current = false;
          for (;;) {
            const page = await fetchEventPage(filters, cursorRef.current, pageSize);
            cursorRef.current = Math.max(cursorRef.current, page.nextAfter);
            pages += 1;
            const end = page.events.length < pageSize;
            setEvents((current) => mergeEvents(current, page.events));
            setCursor(cursorRef.current);
            setAtEnd(end);
            if (end || pages >= maxPages) break;
          }
        } while (againRef.current && pages < maxPages);
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : "The event log could not be read.");
      } finally {
        busyRef.current = false;
        setLoading(false);
      }
    },
    [filters, pageSize],
  );

  useLiveMessages((message) => {
    if (!tail) return;
    if (message.kind === "resync") {
      void readNewer(CATCH_UP_PAGES);
      return;
    }
    if (message.kind !== "event" || !matchesFilters(message.event, filters)) return;
    const { event } = message;
    setEvents((current) => mergeEvents(current, [event]));
    setFresh((current) => new Set(current).add(event.id));
    setAnnouncement(`New event: ${event.type} ${event.key}`);
    // The live copy shows at once; reading the log after it fills any gap and brings truncated payloads.
    void readNewer(CATCH_UP_PAGES);
  });

  const toggleTail = (on: boolean) => {
    setTail(on);
    setAnnouncement(on ? "Live tail on" : "Live tail off");
    if (on) void readNewer(CATCH_UP_PAGES);
  };

  const latestAfter = Math.max(0, lastOffset - pageSize);
  const hasNewer = head.data?.hasNewer ?? !atEnd;

  return (
    <section aria-labelledby={`${formId}-heading`} className="space-y-4">
      <h2 id={`${formId}-heading`} className="sr-only">
        Event log
      </h2>
      <Form
        action="/admin/events"
        className="flex flex-wrap items-end gap-4 rounded-card border border-line bg-surface-raised p-4 shadow-sm"
      >
        <div className="min-w-44">
          <label htmlFor={`${formId}-topic`} className={labelClass}>
            Topic
          </label>
          <select
            id={`${formId}-topic`}
            name="topic"
            defaultValue={filters.topic}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={inputClass}
          >
            {topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-44 flex-1">
          <label htmlFor={`${formId}-type`} className={labelClass}>
            Type
          </label>
          <input
            id={`${formId}-type`}
            name="type"
            defaultValue={filters.type}
            placeholder="e.g. user.registered"
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div className="min-w-44 flex-1">
          <label htmlFor={`${formId}-key`} className={labelClass}>
            Key
          </label>
          <input
            id={`${formId}-key`}
            name="key"
            defaultValue={filters.key}
            placeholder="e.g. CST000001"
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className={primaryButtonClass}>
            Apply filters
          </button>
          {(filters.type || filters.key || filters.after > 0) && (
            <IntentLink href={filterHref({ ...filters, type: "", key: "" }, 0)} className="text-sm font-medium text-brand underline-offset-4 hover:underline">
              Clear
            </IntentLink>
          )}
        </div>
      </Form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-ink-muted" data-testid="event-count">
          {events.length === 1 ? "1 event" : `${events.length} events`} shown
          {filters.after > 0 ? ` after offset ${filters.after}` : ""} · log head at offset {lastOffset}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          {filters.after > 0 ? (
            <IntentLink href={filterHref(filters, 0)} className="text-sm font-medium text-brand underline-offset-4 hover:underline">
              From the beginning
            </IntentLink>
          ) : (
            latestAfter > cursor && (
              <IntentLink href={filterHref(filters, latestAfter)} className="text-sm font-medium text-brand underline-offset-4 hover:underline">
                Jump to the latest
              </IntentLink>
            )
          )}
          <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium max-md:min-h-11">
            <input
              type="checkbox"
              checked={tail}
              onChange={(event) => toggleTail(event.currentTarget.checked)}
              className="h-4 w-4 accent-brand"
            />
            Live tail
          </label>
          {tail && status !== "live" && (
            <span className="text-xs text-ink-muted">(waiting for the live connection)</span>
          )}
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
        {events.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-ink-muted" data-testid="event-log-empty">
            No events in {filters.topic}
            {filters.type || filters.key ? " match these filters" : " yet"}.
          </p>
        ) : (
          <DataTable caption={`Events of ${filters.topic}, oldest first`} columns={["Offset", "Type", "Key", "Actor", "Occurred", "Payload"]}>
            {events.map((event) => {
              const isFresh = fresh.has(event.id);
              return (
                <tr key={event.id} data-testid="event-row" data-event-id={event.id} className={`align-top ${isFresh ? "bg-brand-soft/40" : ""}`}>
                  <td className={`${cellClass} font-mono text-xs`}>{event.offset}</td>
                  <th scope="row" className={`${cellClass} font-mono text-xs font-medium`}>
                    {event.type}
                    {isFresh && (
                      <span className="ml-2 rounded-full bg-brand px-1.5 py-0.5 font-sans text-[0.625rem] font-semibold uppercase tracking-wide text-brand-ink">
                        live
                      </span>
                    )}
                  </th>
                  <td className={`${cellClass} font-mono text-xs`}>{event.key}</td>
                  <td className={`${cellClass} font-mono text-xs text-ink-muted`}>{event.actor ?? "—"}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-xs text-ink-muted">
                    <time dateTime={event.occurredAt}>{formatUtc(event.occurredAt)}</time>
                  </td>
                  <td className="max-w-md px-4 py-3">
                    {event.truncated ? (
                      <span className="text-xs text-ink-muted">Too large for live delivery; reading it from the log…</span>
                    ) : (
                      <details>
                        <summary className="cursor-pointer break-all font-mono text-xs text-ink-muted hover:text-ink">
                          {payloadPreview(event.payload)}
                        </summary>
                        <pre className="mt-2 max-h-72 overflow-auto rounded-lg border border-line bg-surface p-3 font-mono text-xs text-ink">
                          {JSON.stringify(event.payload, null, 2)}
                        </pre>
                      </details>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => void readNewer(1)} disabled={loading} className={secondaryButtonClass}>
          {loading ? "Loading…" : atEnd ? (hasNewer ? "Load newer events" : "Check for newer events") : "Load more"}
        </button>
        {atEnd && hasNewer && !tail && <span className="text-sm text-ink-muted">Newer events are in the log.</span>}
        <div aria-live="polite">{error && <p className={`text-sm ${errorTextClass}`}>{error}</p>}</div>
      </div>
    </section>
  );
}
