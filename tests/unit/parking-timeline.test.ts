import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hourTicks, localDayRows, nowPosition, spansWithin } from "@/lib/modules/parking/view-models/timeline";

const originalTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = "Europe/Berlin";
});
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("spansWithin", () => {
  const from = Date.parse("2025-03-04T00:00:00Z");
  const to = Date.parse("2025-03-05T00:00:00Z");

  it("places intervals as percentages of the row, clipped to it, in order", () => {
    const spans = spansWithin(
      [
        { startsAt: "2025-03-04T18:00:00Z", endsAt: "2025-03-05T06:00:00Z" },
        { startsAt: "2025-03-03T20:00:00Z", endsAt: "2025-03-04T06:00:00Z" },
      ],
      from,
      to,
    );
    expect(spans).toEqual([
      { startsAt: "2025-03-04T00:00:00.000Z", endsAt: "2025-03-04T06:00:00.000Z", left: 0, width: 25 },
      { startsAt: "2025-03-04T18:00:00.000Z", endsAt: "2025-03-05T00:00:00.000Z", left: 75, width: 25 },
    ]);
  });

  it("drops intervals outside the row and empty rows", () => {
    expect(spansWithin([{ startsAt: "2025-03-06T00:00:00Z", endsAt: "2025-03-06T01:00:00Z" }], from, to)).toEqual([]);
    expect(spansWithin([{ startsAt: "2025-03-04T01:00:00Z", endsAt: "2025-03-04T02:00:00Z" }], to, from)).toEqual([]);
  });
});

describe("local days", () => {
  it("runs midnight to midnight in local time, 23 hours on the day clocks go forward", () => {
    const rows = localDayRows(new Date("2025-03-29T12:00:00Z"), 3);
    expect(rows.map((row) => new Date(row.from).toISOString())).toEqual([
      "2025-03-28T23:00:00.000Z",
      "2025-03-29T23:00:00.000Z",
      "2025-03-30T22:00:00.000Z",
    ]);
    expect((rows[1]!.to - rows[1]!.from) / 3_600_000).toBe(23);
  });

  it("ticks on local whole hours", () => {
    const [row] = localDayRows(new Date("2025-03-04T12:00:00Z"), 1);
    const ticks = hourTicks(row!.from, row!.to, 6);
    expect(ticks.map((tick) => new Date(tick.at).getHours())).toEqual([0, 6, 12, 18, 0]);
    expect(ticks.map((tick) => tick.left)).toEqual([0, 25, 50, 75, 100]);
  });

  it("places now on its row", () => {
    const row = { from: 0, to: 1000 };
    expect(nowPosition(250, row)).toBe(25);
    expect(nowPosition(2000, row)).toBeNull();
  });
});
