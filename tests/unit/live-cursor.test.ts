import { describe, expect, it } from "vitest";
import { cursorUnchanged, eventAlreadyShown, type LiveCursor } from "@/lib/ui/live-cursor";

const rendered: LiveCursor = { offsets: { "parking.reservations": "41", "garage.bookings": "7" }, notification: "n-3" };

describe("a page's live cursor", () => {
  it("knows the events its render already showed: logged at or before the cursor's offset on their topic", () => {
    expect(eventAlreadyShown(rendered, { topic: "parking.reservations", offset: 40 })).toBe(true);
    expect(eventAlreadyShown(rendered, { topic: "parking.reservations", offset: 41 })).toBe(true);
    expect(eventAlreadyShown(rendered, { topic: "parking.reservations", offset: 42 })).toBe(false);
  });

  it("treats an event on a topic the cursor does not name as new", () => {
    expect(eventAlreadyShown(rendered, { topic: "rentals.requests", offset: 1 })).toBe(false);
  });

  it("compares offsets as integers, not as text", () => {
    expect(eventAlreadyShown({ offsets: { t: "9" }, notification: "" }, { topic: "t", offset: 10 })).toBe(false);
    expect(eventAlreadyShown({ offsets: { t: "10" }, notification: "" }, { topic: "t", offset: 9 })).toBe(true);
  });

  it("sees a moved topic or a new notification between two cursors", () => {
    expect(cursorUnchanged(rendered, { ...rendered })).toBe(true);
    expect(cursorUnchanged(rendered, { ...rendered, offsets: { ...rendered.offsets, "garage.bookings": "8" } })).toBe(false);
    expect(cursorUnchanged(rendered, { ...rendered, notification: "n-4" })).toBe(false);
  });
});
