import { describe, expect, it } from "vitest";
import type { LoggedEvent } from "@/lib/events/types";
import { isTransientPublishFailure } from "@/lib/realtime/live-channels-consumer";
import { liveCopy } from "@/lib/realtime/live-payload";
import { channelsFor } from "@/lib/realtime/routing";

function event(overrides: Partial<LoggedEvent>): LoggedEvent {
  return { id: 1n, topic: "user_events", offset: 1n, key: "CST000001", type: "user.updated", payload: {}, actor: null, schemaVersion: 1, occurredAt: new Date(), ...overrides };
}

describe("publishing failures", () => {
  it("waits out an unreachable or failing channel server, but not a refused request", () => {
    expect(isTransientPublishFailure(Object.assign(new Error("Request failed with an error"), { name: "PusherRequestError" }))).toBe(true);
    expect(isTransientPublishFailure(Object.assign(new Error("Unexpected status code 503"), { status: 503 }))).toBe(true);
    expect(isTransientPublishFailure(Object.assign(new Error("Unexpected status code 413"), { status: 413 }))).toBe(false);
    expect(isTransientPublishFailure(new Error("Invalid channel name: 'a b'"))).toBe(false);
  });
});

describe("who hears an event", () => {
  it("admins hear everything; a user channel only for real public ids", () => {
    expect(channelsFor(event({}))).toEqual(["private-role-admin", "private-user-CST000001"]);
    expect(channelsFor(event({ key: "someone+tag@example.com" }))).toEqual(["private-role-admin"]);
  });

  it("reservations reach the two people involved, not the public board", () => {
    const channels = channelsFor(event({ topic: "reservation_events", key: "r1", payload: { reserver: { id: "CST000002" }, owner: { id: "CST000003" } } }));
    expect(channels.sort()).toEqual(["private-role-admin", "private-user-CST000002", "private-user-CST000003"]);
    expect(channelsFor(event({ topic: "parking_events", key: "s1" }))).toContain("private-parking");
  });
});

describe("what a live copy carries", () => {
  it("withholds e-mail, phone and client addresses at any depth and marks the copy truncated", () => {
    const copy = liveCopy(
      event({
        payload: { id: "CST000001", name: "Ann", email: "ann@example.test", phone: "+15550100001", owner: { id: "CST000002", phone: "+15550100002" }, audit: [{ clientIp: "10.0.0.1", action: "x" }] },
      }),
    );
    expect(copy.payload).toEqual({ id: "CST000001", name: "Ann", owner: { id: "CST000002" }, audit: [{ action: "x" }] });
    expect(copy.truncated).toBe(true);
    expect(JSON.stringify(copy)).not.toMatch(/ann@example|5550100|10\.0\.0\.1/);
  });

  it("leaves a payload without contact details whole", () => {
    const copy = liveCopy(event({ topic: "parking_events", key: "s1", type: "spot.updated", payload: { id: "s1", availableNow: true } }));
    expect(copy.payload).toEqual({ id: "s1", availableNow: true });
    expect(copy).not.toHaveProperty("truncated");
  });
});
