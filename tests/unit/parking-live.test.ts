import { describe, expect, it } from "vitest";
import type { LiveEvent, LiveMessage } from "@/lib/ui/live-events";
import { deliveryId, parseLiveMessage, queryKeysForEvent } from "@/lib/ui/live-events";
import { touchesParkingData } from "@/lib/modules/parking/view-models/live";
import { liveVocabulary } from "@/lib/realtime/vocabulary";

const vocabulary = liveVocabulary();

function event(topic: LiveEvent["topic"]): LiveEvent {
  return { id: "7", topic, offset: 1, key: "k", type: "spot.opened", payload: {}, actor: "CST000001", schemaVersion: 1, occurredAt: "2025-03-04T12:00:00.000Z" };
}

function message(topic: LiveEvent["topic"], channel: LiveMessage["channel"] = "parking"): LiveMessage {
  return { kind: "event", channel, event: event(topic) };
}

describe("touchesParkingData", () => {
  it("maps topics to the parking pages' data through PARKING_DATA_TOPICS", () => {
    expect(touchesParkingData(message("parking_events"), ["spots"])).toBe(true);
    expect(touchesParkingData(message("parking_events"), ["credits", "reservations"])).toBe(false);
    expect(touchesParkingData(message("reservation_events", "user"), ["reservations"])).toBe(true);
    expect(touchesParkingData(message("reservation_events", "user"), ["spots"])).toBe(true);
    expect(touchesParkingData(message("credit_events", "user"), ["credits"])).toBe(true);
    expect(touchesParkingData(message("credit_events", "user"), ["spots"])).toBe(false);
    expect(touchesParkingData(message("user_events", "user"), ["spots", "reservations", "credits"])).toBe(false);
  });

  it("always refreshes after a resync and never for notifications", () => {
    expect(touchesParkingData({ kind: "resync" }, ["credits"])).toBe(true);
    expect(touchesParkingData({ kind: "notification", channel: "user", eventId: "1", type: "reservation.confirmed" }, ["credits"])).toBe(false);
  });
});

describe("the parking channel", () => {
  it("parses board events, de-duplicated per channel, without touching notifications", () => {
    const parsed = parseLiveMessage("spot.opened", event("parking_events"), "parking", vocabulary);
    expect(parsed).toMatchObject({ kind: "event", channel: "parking" });
    expect(deliveryId(parsed!)).toBe("parking:7");
    expect(queryKeysForEvent({ topic: "parking_events" }, vocabulary, "parking")).toEqual([["events", "parking_events"], ["parking"]]);
  });
});
