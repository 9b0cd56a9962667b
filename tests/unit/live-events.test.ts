import { afterEach, describe, expect, it, vi } from "vitest";
import { allTopics } from "@/lib/events/topics";
import { liveVocabulary } from "@/lib/realtime/vocabulary";
import {
  deliveryId,
  describeUserEvent,
  humanizeEventType,
  NOTIFICATION_CREATED,
  parseLiveMessage,
  queryKeysForEvent,
  queryKeysForMessage,
  RecentIds,
  type LiveEvent,
  type LiveMessage,
} from "@/lib/ui/live-events";
import { UserEventToasts } from "@/lib/ui/toast-coalescer";

const vocabulary = liveVocabulary();

function event(overrides: Partial<LiveEvent> = {}): LiveEvent {
  return {
    id: "42",
    topic: "user_events",
    offset: 7,
    key: "CST000009",
    type: "user.registered",
    payload: { id: "CST000009", name: "Casey" },
    actor: "CST000009",
    schemaVersion: 1,
    occurredAt: "2025-01-02T03:04:05.678Z",
    ...overrides,
  };
}

describe("queryKeysForEvent", () => {
  it("invalidates the topic's event log and the topic's module queries for role-channel events", () => {
    expect(queryKeysForEvent(event(), vocabulary, "role")).toEqual([["events", "user_events"], ["users"]]);
    expect(queryKeysForEvent(event({ topic: "reservation_events" }), vocabulary)).toEqual([
      ["events", "reservation_events"],
      ["reservations"],
      ["parking"],
    ]);
    expect(queryKeysForEvent(event({ topic: "security_events" }), vocabulary)).toEqual([["events", "security_events"]]);
  });

  it("adds the notifications for every event on the user's own channel", () => {
    expect(queryKeysForEvent(event(), vocabulary, "user")).toEqual([["events", "user_events"], ["users"], ["notifications"]]);
    expect(queryKeysForEvent(event({ topic: "credit_events", type: "credits.debited" }), vocabulary, "user")).toContainEqual(["notifications"]);
  });

  it("has keys for every topic and hands out fresh arrays", () => {
    for (const topic of allTopics()) expect(queryKeysForEvent(event({ topic }), vocabulary)[0]).toEqual(["events", topic]);
    const first = queryKeysForEvent(event(), vocabulary);
    (first[1] as unknown[]).push("mutated");
    expect(queryKeysForEvent(event(), vocabulary)[1]).toEqual(["users"]);
  });

  it("maps notification.created to the notifications only", () => {
    const message: LiveMessage = { kind: "notification", channel: "user", eventId: "42", type: "user.registered" };
    expect(queryKeysForMessage(message, vocabulary)).toEqual([["notifications"]]);
    expect(queryKeysForMessage({ kind: "event", channel: "user", event: event() }, vocabulary)).toEqual(queryKeysForEvent(event(), vocabulary, "user"));
  });
});

describe("parseLiveMessage", () => {
  it("reads a logged event published under its type", () => {
    const data = JSON.parse(JSON.stringify(event()));
    expect(parseLiveMessage("user.registered", data, "role", vocabulary)).toEqual({ kind: "event", channel: "role", event: event() });
  });

  it("keeps the truncated flag and a null payload", () => {
    const message = parseLiveMessage("user.updated", { ...event(), payload: null, truncated: true }, "role", vocabulary);
    expect(message).toMatchObject({ kind: "event", event: { payload: null, truncated: true } });
  });

  it("reads notification.created", () => {
    expect(parseLiveMessage(NOTIFICATION_CREATED, { eventId: "42", type: "user.registered" }, "user", vocabulary)).toEqual({
      kind: "notification",
      channel: "user",
      eventId: "42",
      type: "user.registered",
    });
    expect(parseLiveMessage(NOTIFICATION_CREATED, { eventId: 42 }, "user", vocabulary)).toBeNull();
  });

  it("ignores protocol events and anything malformed", () => {
    expect(parseLiveMessage("pusher:subscription_succeeded", {}, "user", vocabulary)).toBeNull();
    expect(parseLiveMessage("pusher_internal:subscription_succeeded", {}, "user", vocabulary)).toBeNull();
    expect(parseLiveMessage("user.updated", "not an object", "role", vocabulary)).toBeNull();
    expect(parseLiveMessage("user.updated", { ...event(), topic: "nope_events" }, "role", vocabulary)).toBeNull();
    expect(parseLiveMessage("user.updated", { ...event(), id: 42 }, "role", vocabulary)).toBeNull();
    expect(parseLiveMessage("user.updated", { ...event(), offset: -1 }, "role", vocabulary)).toBeNull();
    expect(parseLiveMessage("user.updated", { ...event(), actor: 3 }, "role", vocabulary)).toBeNull();
  });
});

describe("de-duplication", () => {
  it("handles each delivery once per channel", () => {
    const seen = new RecentIds();
    const onRole: LiveMessage = { kind: "event", channel: "role", event: event() };
    const onUser: LiveMessage = { kind: "event", channel: "user", event: event() };
    const notification: LiveMessage = { kind: "notification", channel: "user", eventId: "42", type: "user.registered" };
    expect(seen.firstSeen(deliveryId(onRole))).toBe(true);
    expect(seen.firstSeen(deliveryId(onRole))).toBe(false);
    expect(seen.firstSeen(deliveryId({ ...onRole, event: event() }))).toBe(false);
    expect(seen.firstSeen(deliveryId(onUser))).toBe(true);
    expect(seen.firstSeen(deliveryId(notification))).toBe(true);
    expect(seen.firstSeen(deliveryId(notification))).toBe(false);
    expect(seen.firstSeen(deliveryId({ ...onRole, event: event({ id: "43" }) }))).toBe(true);
  });

  it("remembers a bounded number of ids, forgetting the oldest", () => {
    const seen = new RecentIds(3);
    for (const id of ["a", "b", "c", "d"]) expect(seen.firstSeen(id)).toBe(true);
    expect(seen.size).toBe(3);
    expect(seen.has("a")).toBe(false);
    expect(seen.firstSeen("d")).toBe(false);
    expect(seen.firstSeen("a")).toBe(true);
    expect(() => new RecentIds(0)).toThrow(RangeError);
  });
});

describe("toasts for events addressed to the user", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the event's own toast after a short wait", () => {
    vi.useFakeTimers();
    const shown: string[] = [];
    const toasts = new UserEventToasts<LiveEvent>((item) => shown.push(item.type), 1_000);
    toasts.eventArrived(event({ id: "1", type: "user.updated" }));
    toasts.eventArrived(event({ id: "1", type: "user.updated" }));
    vi.advanceTimersByTime(999);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(["user.updated"]);
  });

  it("lets a notification about the same event replace it, whichever comes first", () => {
    vi.useFakeTimers();
    const shown: string[] = [];
    const toasts = new UserEventToasts<LiveEvent>((item) => shown.push(item.id), 1_000);
    toasts.eventArrived(event({ id: "1" }));
    toasts.notificationArrived("1");
    toasts.notificationArrived("2");
    toasts.eventArrived(event({ id: "2" }));
    toasts.eventArrived(event({ id: "3" }));
    vi.advanceTimersByTime(5_000);
    expect(shown).toEqual(["3"]);
  });

  it("shows nothing after dispose", () => {
    vi.useFakeTimers();
    const shown: string[] = [];
    const toasts = new UserEventToasts<LiveEvent>((item) => shown.push(item.id), 1_000);
    toasts.eventArrived(event({ id: "1" }));
    toasts.dispose();
    vi.advanceTimersByTime(5_000);
    expect(shown).toEqual([]);
  });

  it("describes known and unknown event types", () => {
    expect(describeUserEvent({ type: "user.updated" }, vocabulary).title).toBe("Your account was updated");
    expect(describeUserEvent({ type: "reservation.confirmed" }, vocabulary).title).toBe("Reservation confirmed");
    expect(humanizeEventType("credits.top_up")).toBe("Credits top up");
  });
});

describe("live bus: only the server's events", () => {
  it("ignores client-* events, however well they imitate a logged event", () => {
    const forged = { ...JSON.parse(JSON.stringify(event())), topic: "parking_events", type: "spot.reserved" };
    expect(parseLiveMessage("client-spot.reserved", forged, "parking", vocabulary)).toBeNull();
    expect(parseLiveMessage("client-notification.created", { eventId: "42", type: "user.registered" }, "user", vocabulary)).toBeNull();
    expect(parseLiveMessage("spot.reserved", forged, "parking", vocabulary)).toMatchObject({ kind: "event", channel: "parking" });
  });
});
