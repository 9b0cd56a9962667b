import { afterEach, describe, expect, it, vi } from "vitest";
import { boardOrder, groupBoard } from "@/lib/modules/parking/view-models/board";
import { formatShopClock, formatShopTime, shopDate, shopInstant } from "@/lib/modules/garage/view-models/shop-clock";
import { relativeTime } from "@/lib/ui/relative-time";
import { spotView } from "../support/spot-view";

// Building an Intl formatter or collator loads locale data: a board that built one per spot and per comparison spent
// most of its hydration there (Lighthouse's longest task on /parking). Each distinct one is built once per process.
const { Collator, RelativeTimeFormat } = Intl;
const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

/** Counts what is built from here on: Intl's formatters and collators, and string comparisons with a locale. */
function countConstructions(): () => number {
  let built = 0;
  for (const name of ["DateTimeFormat", "Collator", "RelativeTimeFormat", "NumberFormat"] as const) {
    const original = Intl[name];
    // A proxy rather than a spy: the formatters are built with `new`.
    Object.defineProperty(Intl, name, {
      configurable: true,
      writable: true,
      value: new Proxy(original, {
        construct(target, args: unknown[]) {
          built += 1;
          return Reflect.construct(target, args) as object;
        },
        apply(target, self, args: unknown[]) {
          built += 1;
          return Reflect.apply(target, self, args) as unknown;
        },
      }),
    });
    restores.push(() => Object.defineProperty(Intl, name, { configurable: true, writable: true, value: original }));
  }
  // A comparison with options builds a collator inside the engine, out of the proxy's sight.
  const localeCompare = String.prototype.localeCompare;
  String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof localeCompare>) {
    built += 1;
    return localeCompare.apply(this, args);
  };
  restores.push(() => {
    String.prototype.localeCompare = localeCompare;
  });
  return () => built;
}

const spot = (index: number) => spotView({ id: `spot-${index}`, label: `P-${200 - index}`, zone: `Zone ${index % 7}` });

describe("dates, times and orderings on a page", () => {
  it("are formatted and compared with formatters built once, however many items a page shows", () => {
    const spots = Array.from({ length: 200 }, (_, index) => spot(index));
    // The first use of each builds it.
    boardOrder(spots);
    formatShopTime(spots[0]!.createdAt, "Asia/Kolkata");
    formatShopClock(spots[0]!.createdAt, "Asia/Kolkata");
    shopDate(new Date(spots[0]!.createdAt), "Asia/Kolkata");
    shopInstant("2025-03-04", "09:30", "Asia/Kolkata");
    relativeTime("2025-03-04T08:00:00.000Z", Date.parse("2025-03-04T12:00:00Z"));

    const constructions = countConstructions();
    const grouped = groupBoard(boardOrder(spots), Date.parse("2025-03-04T12:00:00Z"), Date.parse("2025-03-05T00:00:00Z"));
    for (const each of spots) {
      formatShopTime(each.createdAt, "Asia/Kolkata");
      formatShopClock(each.createdAt, "Asia/Kolkata");
      shopDate(new Date(each.createdAt), "Asia/Kolkata");
      shopInstant("2025-03-04", "09:30", "Asia/Kolkata");
      relativeTime(each.createdAt, Date.parse("2025-03-04T12:00:00Z"));
    }
    expect(constructions()).toBe(0);
    // Still in natural order: zones, then labels with their numbers compared as numbers.
    expect(grouped.map((zone) => zone.zone)).toEqual(["Zone 0", "Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5", "Zone 6"]);
    const labels = grouped[0]!.groups["not-offered"].map((each) => each.label);
    expect(labels.slice(0, 3)).toEqual(["P-4", "P-11", "P-18"]);
  });

  it("still follow each locale and time zone asked for", () => {
    const at = "2025-03-04T09:30:00.000Z";
    expect(formatShopClock(at, "America/New_York")).toBe("04:30");
    expect(relativeTime("2025-03-03T12:00:00Z", Date.parse("2025-03-04T12:00:00Z"), "de")).toBe(new RelativeTimeFormat("de", { numeric: "auto" }).format(-1, "day"));
    expect(new Collator(undefined, { numeric: true }).compare("P-9", "P-10")).toBeLessThan(0);
  });

  it("are none at all while the parking board hydrates: its times and its grouping use no Intl", async () => {
    // A browser's first Intl formatter or collator loads locale and time-zone data (30-130 ms here), so the board's
    // client code must not build even one. Fresh modules: nothing built by an earlier test is cached.
    vi.resetModules();
    const constructions = countConstructions();
    const board = await import("@/lib/modules/parking/view-models/board");
    const time = await import("@/lib/modules/parking/view-models/time");
    const spots = Array.from({ length: 200 }, (_, index) => spot(index));
    const now = Date.parse("2025-03-04T12:00:00Z");
    board.groupBoard(spots, now, Date.parse("2025-03-05T00:00:00Z"));
    for (const each of spots) {
      time.formatDateTime(each.createdAt);
      time.formatTime(each.createdAt, "utc");
      time.formatDay(each.createdAt);
      time.formatRange(each.createdAt, "2025-03-05T09:00:00.000Z");
      time.sameLocalDay(each.createdAt, new Date(now).toISOString());
    }
    expect(constructions()).toBe(0);
  });
});
