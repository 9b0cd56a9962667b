import { describe, expect, it } from "vitest";
import {
  eventLogQuery,
  formatUtc,
  matchesFilters,
  mergeEvents,
  payloadPreview,
  type EventLogFilters,
} from "@/lib/ui/event-log";
import { parseEventLogFilters } from "@/lib/ui/event-log-filters";
import type { LiveEvent } from "@/lib/ui/live-events";
import { relativeTime } from "@/lib/ui/relative-time";

function event(offset: number, overrides: Partial<LiveEvent> = {}): LiveEvent {
  return {
    id: String(100 + offset),
    topic: "user_events",
    offset,
    key: "CST000001",
    type: "user.updated",
    payload: { offset },
    actor: null,
    schemaVersion: 1,
    occurredAt: "2025-01-02T03:04:05.678Z",
    ...overrides,
  };
}

const filters: EventLogFilters = { topic: "user_events", type: "", key: "", after: 0 };

describe("event log filters", () => {
  it("reads search params, falling back to defaults for anything unusable", () => {
    expect(parseEventLogFilters({})).toEqual(filters);
    expect(parseEventLogFilters({ topic: "rental_events", type: " rental.approved ", key: ["RNT1", "x"], after: "20" })).toEqual({
      topic: "rental_events",
      type: "rental.approved",
      key: "RNT1",
      after: 20,
    });
    expect(parseEventLogFilters({ topic: "drop table", after: "-3" })).toEqual(filters);
    expect(parseEventLogFilters({ after: "1e400" }).after).toBe(0);
    expect(parseEventLogFilters({ type: "x".repeat(300) }).type).toHaveLength(100);
  });

  it("builds the API query with only the filters that are set", () => {
    expect(eventLogQuery(filters, 5, 50)).toEqual({ topic: "user_events", after: "5", limit: "50" });
    expect(eventLogQuery({ ...filters, type: "user.registered", key: "CST000002" }, 0, 1)).toEqual({
      topic: "user_events",
      after: "0",
      limit: "1",
      type: "user.registered",
      key: "CST000002",
    });
  });

  it("matches live events against topic, type, key and start offset", () => {
    expect(matchesFilters(event(3), filters)).toBe(true);
    expect(matchesFilters(event(3, { topic: "credit_events" }), filters)).toBe(false);
    expect(matchesFilters(event(3), { ...filters, type: "user.registered" })).toBe(false);
    expect(matchesFilters(event(3), { ...filters, key: "CST000001" })).toBe(true);
    expect(matchesFilters(event(3), { ...filters, key: "CST000002" })).toBe(false);
    expect(matchesFilters(event(3), { ...filters, after: 3 })).toBe(false);
  });
});

describe("mergeEvents", () => {
  it("keeps one row per event id, ordered by offset", () => {
    const merged = mergeEvents([event(1), event(3)], [event(2), event(3), event(4)]);
    expect(merged.map((item) => item.offset)).toEqual([1, 2, 3, 4]);
  });

  it("prefers a full payload over a truncated live copy, in either order", () => {
    const truncated = event(2, { payload: null, truncated: true });
    expect(mergeEvents([truncated], [event(2)])[0]?.payload).toEqual({ offset: 2 });
    expect(mergeEvents([event(2)], [truncated])[0]?.payload).toEqual({ offset: 2 });
  });

  it("keeps at most `max` rows, dropping the oldest", () => {
    const merged = mergeEvents([event(1), event(2)], [event(3)], 2);
    expect(merged.map((item) => item.offset)).toEqual([2, 3]);
  });
});

describe("formatting", () => {
  it("formats times the same everywhere", () => {
    expect(formatUtc("2025-01-02T03:04:05.678Z")).toBe("2025-01-02 03:04:05 UTC");
    expect(formatUtc("garbage")).toBe("garbage");
  });

  it("previews payloads on one line", () => {
    expect(payloadPreview(null)).toBe("—");
    expect(payloadPreview({ a: 1 })).toBe('{"a":1}');
    expect(payloadPreview({ text: "x".repeat(200) }, 20)).toHaveLength(20);
  });

  it("says how long ago", () => {
    const now = Date.parse("2025-01-02T12:00:00Z");
    expect(relativeTime("2025-01-02T11:59:50Z", now)).toBe("just now");
    expect(relativeTime("2025-01-02T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2025-01-02T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2025-01-01T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("not a date", now)).toBe("not a date");
  });
});
