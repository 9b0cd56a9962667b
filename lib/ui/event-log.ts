import type { Topic } from "../events/outbox";
import type { LiveEvent } from "./live-events";

/** The admin event viewer's filters, as they appear in its URL. */
export interface EventLogFilters {
  topic: Topic;
  type: string;
  key: string;
  /** Show events after this offset (0: from the beginning). */
  after: number;
}

export const DEFAULT_TOPIC: Topic = "user_events";

/** The `/api/v1/events` query (and the `readEvents` input) for these filters. */
export function eventLogQuery(filters: EventLogFilters, after: number, limit: number): Record<string, string> {
  const query: Record<string, string> = { topic: filters.topic, after: String(after), limit: String(limit) };
  if (filters.type) query.type = filters.type;
  if (filters.key) query.key = filters.key;
  return query;
}

/** Whether a (live) event belongs in a view with these filters. */
export function matchesFilters(event: Pick<LiveEvent, "topic" | "type" | "key" | "offset">, filters: EventLogFilters): boolean {
  return (
    event.topic === filters.topic &&
    (!filters.type || event.type === filters.type) &&
    (!filters.key || event.key === filters.key) &&
    event.offset > filters.after
  );
}

/**
 * Adds `incoming` to `existing`: one row per event id, ordered by offset, at most
 * `max` rows (the oldest go). A full payload wins over a live copy whose payload
 * was truncated, whichever came first.
 */
export function mergeEvents(existing: readonly LiveEvent[], incoming: readonly LiveEvent[], max = 1_000): LiveEvent[] {
  if (incoming.length === 0) return existing.slice(-max);
  const byId = new Map<string, LiveEvent>();
  for (const event of existing) byId.set(event.id, event);
  for (const event of incoming) {
    const known = byId.get(event.id);
    if (known && event.truncated && !known.truncated) continue;
    byId.set(event.id, event);
  }
  return [...byId.values()].sort((a, b) => a.offset - b.offset).slice(-max);
}

/** `2025-01-02T03:04:05.678Z` → `2025-01-02 03:04:05 UTC`: the same on the server and in every browser. */
export function formatUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** A one-line preview of a payload. */
export function payloadPreview(payload: unknown, maxLength = 90): string {
  if (payload === null || payload === undefined) return "—";
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
