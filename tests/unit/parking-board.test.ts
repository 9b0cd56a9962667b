import { describe, expect, it } from "vitest";
import { boardOrder, costText, credits, groupBoard, nextWindow, spotStatus, statusCounts, upcomingReservation } from "@/lib/modules/parking/view-models/board";
import { isSpotKind } from "@/lib/modules/parking/vocabulary";
import { spotView } from "../support/spot-view";

const NOW = Date.parse("2025-03-04T12:00:00Z");
const DAY_END = Date.parse("2025-03-05T00:00:00Z");
const at = (hhmm: string, day = "2025-03-04") => `${day}T${hhmm}:00.000Z`;

const spot = spotView;

describe("spotStatus", () => {
  it("is free now inside a window with no running reservation, even with one coming up", () => {
    const free = spot({
      availability: [{ id: "w", startsAt: at("10:00"), endsAt: at("18:00") }],
      nextReservation: { startsAt: at("14:00"), endsAt: at("15:00"), status: "CONFIRMED" },
    });
    expect(spotStatus(free, NOW, DAY_END)).toBe("free-now");
    expect(upcomingReservation(free, NOW)?.startsAt).toBe(at("14:00"));
  });

  it("is reserved now while a confirmed or active reservation runs", () => {
    const window = { id: "w", startsAt: at("10:00"), endsAt: at("18:00") };
    for (const status of ["CONFIRMED", "ACTIVE"] as const) {
      const taken = spot({ availability: [window], nextReservation: { startsAt: at("11:30"), endsAt: at("13:00"), status } });
      expect(spotStatus(taken, NOW, DAY_END)).toBe("reserved-now");
    }
  });

  it("is free later today when a window opens before the day ends, else not offered", () => {
    const later = spot({ availability: [{ id: "w", startsAt: at("19:00"), endsAt: at("23:00") }] });
    expect(spotStatus(later, NOW, DAY_END)).toBe("free-later-today");
    expect(nextWindow(later, NOW)?.startsAt).toBe(at("19:00"));

    const tomorrow = spot({ availability: [{ id: "w", startsAt: at("08:00", "2025-03-05"), endsAt: at("12:00", "2025-03-05") }] });
    expect(spotStatus(tomorrow, NOW, DAY_END)).toBe("not-offered");
    expect(spotStatus(spot(), NOW, DAY_END)).toBe("not-offered");
  });

  it("treats window bounds as [start, end)", () => {
    const window = { id: "w", startsAt: at("12:00"), endsAt: at("13:00") };
    expect(spotStatus(spot({ availability: [window] }), NOW, DAY_END)).toBe("free-now");
    expect(spotStatus(spot({ availability: [window] }), Date.parse(at("13:00")), DAY_END)).toBe("not-offered");
  });
});

describe("groupBoard", () => {
  it("groups the board's order (zones, then labels, numbers compared as numbers) by zone and status", () => {
    const open = [{ id: "w", startsAt: at("10:00"), endsAt: at("18:00") }];
    const spots = [
      spot({ id: "3", label: "B-10", zone: "South", availability: open }),
      spot({ id: "1", label: "B-2", zone: "South", availability: open }),
      spot({ id: "2", label: "A-1", zone: "North", availability: open, nextReservation: { startsAt: at("11:00"), endsAt: at("13:00"), status: "ACTIVE" } }),
      spot({ id: "4", label: "C-1", zone: "North" }),
    ];
    const zones = groupBoard(boardOrder(spots), NOW, DAY_END);
    expect(zones.map((zone) => zone.zone)).toEqual(["North", "South"]);
    expect(zones[0]!.groups["reserved-now"].map((entry) => entry.label)).toEqual(["A-1"]);
    expect(zones[0]!.groups["not-offered"].map((entry) => entry.label)).toEqual(["C-1"]);
    expect(zones[1]!.groups["free-now"].map((entry) => entry.label)).toEqual(["B-2", "B-10"]);
    expect(zones[1]!.total).toBe(2);
    expect(statusCounts(zones)).toEqual({ "free-now": 2, "reserved-now": 1, "free-later-today": 0, "not-offered": 1 });
  });

  it("keeps the order the spots come in", () => {
    const spots = [spot({ id: "1", label: "B-10", zone: "South" }), spot({ id: "2", label: "A-1", zone: "North" }), spot({ id: "3", label: "B-2", zone: "South" })];
    const zones = groupBoard(spots, NOW, DAY_END);
    expect(zones.map((zone) => zone.zone)).toEqual(["South", "North"]);
    expect(zones[0]!.groups["not-offered"].map((entry) => entry.label)).toEqual(["B-10", "B-2"]);
  });

  it("is empty for no spots", () => {
    expect(groupBoard([], NOW, DAY_END)).toEqual([]);
  });
});

describe("wording", () => {
  it("says what a reservation costs", () => {
    expect(costText(3)).toBe("This will cost 3 credits");
    expect(costText(1)).toBe("This will cost 1 credit");
    expect(credits(-1)).toBe("-1 credit");
    expect(credits(50)).toBe("50 credits");
  });

  it("knows the spot kinds", () => {
    expect(isSpotKind("EV_CHARGER")).toBe(true);
    expect(isSpotKind("TRUCK")).toBe(false);
  });
});
