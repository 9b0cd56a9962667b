import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  endOfLocalDay,
  formatDateTime,
  formatDay,
  formatRange,
  formatTime,
  localInputToIso,
  parseLocalInput,
  roundUpToStep,
  sameLocalDay,
  startInputToIso,
  suggestedFreeUntil,
  suggestedReservation,
  toIsoWithOffset,
  toLocalInputValue,
} from "@/lib/modules/parking/view-models/time";

const originalTz = process.env.TZ;
function useTimeZone(zone: string) {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = originalTz;
  });
}

describe("datetime-local values in a zone with a half-hour offset", () => {
  useTimeZone("Asia/Kolkata");

  it("turns local wall time into an instant with the local offset", () => {
    expect(localInputToIso("2025-03-04T09:30")).toBe("2025-03-04T09:30:00+05:30");
    expect(Date.parse(localInputToIso("2025-03-04T09:30"))).toBe(Date.parse("2025-03-04T04:00:00Z"));
    expect(localInputToIso("2025-03-04T09:30:15")).toBe("2025-03-04T09:30:15+05:30");
  });

  it("round-trips through toLocalInputValue", () => {
    const instant = new Date("2025-12-31T20:45:00Z");
    expect(toLocalInputValue(instant)).toBe("2026-01-01T02:15");
    expect(Date.parse(localInputToIso(toLocalInputValue(instant)))).toBe(instant.getTime());
    expect(toIsoWithOffset(instant)).toBe("2026-01-01T02:15:00+05:30");
  });

  it("passes malformed values through for the server to name the field, and refuses impossible dates", () => {
    expect(localInputToIso("")).toBe("");
    expect(localInputToIso("tomorrow")).toBe("tomorrow");
    expect(parseLocalInput("2025-02-31T10:00")).toBeNull();
    expect(parseLocalInput("2025-13-01T10:00")).toBeNull();
    expect(parseLocalInput("2025-02-28T24:00")).toBeNull();
  });

  it("reads a start inside the current minute as now", () => {
    const now = new Date("2025-03-04T04:00:42.500Z"); // 09:30:42.5 local
    expect(startInputToIso("2025-03-04T09:30", now)).toBe(toIsoWithOffset(now));
    expect(Date.parse(startInputToIso("2025-03-04T09:30", now))).toBe(Math.floor(now.getTime() / 1000) * 1000);
    expect(startInputToIso("2025-03-04T09:29", now)).toBe("2025-03-04T09:29:00+05:30");
    expect(startInputToIso("2025-03-04T10:00", now)).toBe("2025-03-04T10:00:00+05:30");
  });

  it("formats on UTC's clock when asked, the runtime's otherwise", () => {
    expect(formatTime("2025-03-04T09:05:00Z", "utc")).toBe("09:05");
    expect(formatDateTime("2025-03-04T09:05:00Z", "utc")).toBe("Tue 4 Mar, 09:05");
    expect(formatDay("2025-03-04T09:05:00Z", "utc")).toBe("Tue 4 Mar");
    expect(formatRange("2025-03-04T09:05:00Z", "2025-03-04T10:00:00Z", "utc")).toBe("Tue 4 Mar, 09:05 – 10:00");
    expect(formatRange("2025-03-04T22:00:00Z", "2025-03-05T01:00:00Z", "utc")).toBe("Tue 4 Mar, 22:00 – Wed 5 Mar, 01:00");
    // Kolkata is 5:30 ahead: the same instants, another day and time.
    expect(formatTime("2025-03-04T04:00:00Z")).toBe("09:30");
    expect(formatDateTime("2025-03-04T22:00:00Z")).toBe("Wed 5 Mar, 03:30");
    expect(formatRange("2025-03-04T17:00:00Z", "2025-03-04T19:00:00Z")).toBe("Tue 4 Mar, 22:30 – Wed 5 Mar, 00:30");
    expect(formatDateTime("2025-12-31T18:29:00Z")).toBe("Wed 31 Dec, 23:59");
    expect(formatDateTime("2025-12-31T18:30:00Z")).toBe("Thu 1 Jan, 00:00");
  });

  it("compares calendar days on the runtime's clock or UTC's", () => {
    expect(sameLocalDay("2025-03-04T23:30:00Z", "2025-03-04T01:00:00Z", "utc")).toBe(true);
    expect(sameLocalDay("2025-03-04T23:30:00Z", "2025-03-04T01:00:00Z")).toBe(false);
    expect(sameLocalDay("2025-03-04T18:29:00Z", "2025-03-03T18:30:00Z")).toBe(true);
  });
});

describe("offsets across a daylight-saving change", () => {
  useTimeZone("America/New_York");

  it("uses the offset in force at that instant", () => {
    expect(localInputToIso("2025-03-08T12:00")).toBe("2025-03-08T12:00:00-05:00");
    expect(localInputToIso("2025-03-10T12:00")).toBe("2025-03-10T12:00:00-04:00");
  });

  it("ends the local day at local midnight (a 23-hour day in spring)", () => {
    const morning = new Date(2025, 2, 9, 8, 0);
    expect(toIsoWithOffset(endOfLocalDay(morning))).toBe("2025-03-10T00:00:00-04:00");
  });
});

describe("suggestions", () => {
  useTimeZone("UTC");

  it("rounds up to the next step of the clock", () => {
    expect(roundUpToStep(new Date("2025-03-04T09:00:00Z"), 15).toISOString()).toBe("2025-03-04T09:00:00.000Z");
    expect(roundUpToStep(new Date("2025-03-04T09:00:01Z"), 15).toISOString()).toBe("2025-03-04T09:15:00.000Z");
    expect(roundUpToStep(new Date("2025-03-04T09:46:00Z"), 15).toISOString()).toBe("2025-03-04T10:00:00.000Z");
  });

  it("suggests an hour from the next quarter hour, a few minutes ahead", () => {
    const now = new Date("2025-03-04T09:12:00Z");
    const window = { startsAt: "2025-03-04T08:00:00Z", endsAt: "2025-03-04T18:00:00Z" };
    const { startsAt, endsAt } = suggestedReservation([window], now, 15);
    expect(startsAt.toISOString()).toBe("2025-03-04T09:30:00.000Z");
    expect(endsAt.toISOString()).toBe("2025-03-04T10:30:00.000Z");
  });

  it("moves into the first window with room and stops at its end", () => {
    const now = new Date("2025-03-04T09:00:00Z");
    const tooShort = { startsAt: "2025-03-04T08:00:00Z", endsAt: "2025-03-04T09:10:00Z" };
    const later = { startsAt: "2025-03-04T13:05:00Z", endsAt: "2025-03-04T13:50:00Z" };
    const { startsAt, endsAt } = suggestedReservation([later, tooShort], now, 15);
    expect(startsAt.toISOString()).toBe("2025-03-04T13:15:00.000Z");
    expect(endsAt.toISOString()).toBe("2025-03-04T13:50:00.000Z");
  });

  it("falls back to the next quarter hour without a window", () => {
    const { startsAt, endsAt } = suggestedReservation([], new Date("2025-03-04T09:00:00Z"), 15);
    expect(startsAt.toISOString()).toBe("2025-03-04T09:15:00.000Z");
    expect(endsAt.getTime() - startsAt.getTime()).toBe(3_600_000);
  });

  it("suggests 18:00 for 'free until', or two hours ahead in the evening", () => {
    expect(suggestedFreeUntil(new Date("2025-03-04T09:00:00Z")).toISOString()).toBe("2025-03-04T18:00:00.000Z");
    expect(suggestedFreeUntil(new Date("2025-03-04T17:20:00Z")).toISOString()).toBe("2025-03-04T19:30:00.000Z");
  });
});
