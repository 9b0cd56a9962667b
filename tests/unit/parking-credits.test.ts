import { describe, expect, it } from "vitest";
import { balanceAxis, balanceSeries, chartScale, niceCeiling, stepPath, type ChartBox } from "@/lib/modules/parking/view-models/credits";

const created = "2025-03-01T10:00:00.000Z";
const now = Date.parse("2025-03-04T12:00:00Z");
// Newest first, as GET /credits returns them.
const ledger = [
  { amount: 3, balanceAfter: 50, createdAt: "2025-03-03T09:00:00.000Z" },
  { amount: -3, balanceAfter: 47, createdAt: "2025-03-02T09:00:00.000Z" },
];

describe("balanceSeries", () => {
  it("starts at the opening 50 at the account's creation, steps through the ledger and ends now", () => {
    expect(balanceSeries({ transactions: ledger, balance: 50, createdAt: created, complete: true, now })).toEqual([
      { at: Date.parse(created), balance: 50 },
      { at: Date.parse("2025-03-02T09:00:00Z"), balance: 47 },
      { at: Date.parse("2025-03-03T09:00:00Z"), balance: 50 },
      { at: now, balance: 50 },
    ]);
  });

  it("starts at the oldest loaded entry when the ledger is longer than what was loaded", () => {
    const series = balanceSeries({ transactions: ledger.slice(0, 1), balance: 50, createdAt: created, complete: false, now });
    expect(series[0]).toEqual({ at: Date.parse("2025-03-03T09:00:00Z"), balance: 47 });
  });

  it("is flat at the balance for an account without movements", () => {
    expect(balanceSeries({ transactions: [], balance: 50, createdAt: created, complete: true, now })).toEqual([
      { at: Date.parse(created), balance: 50 },
      { at: now, balance: 50 },
    ]);
  });
});

describe("chart geometry", () => {
  const box: ChartBox = { width: 110, height: 60, padding: { top: 0, right: 0, bottom: 10, left: 10 } };

  it("scales time across the width and balance (from 0) up the height", () => {
    const points = [
      { at: 0, balance: 60 },
      { at: 50, balance: 30 },
      { at: 100, balance: 45 },
    ];
    const scale = chartScale(points, box);
    expect(scale.minBalance).toBe(0);
    expect(scale.maxBalance).toBe(60);
    expect(scale.ticks).toEqual([0, 20, 40, 60]);
    expect(scale.x(0)).toBe(10);
    expect(scale.x(100)).toBe(110);
    expect(scale.y(60)).toBe(0);
    expect(scale.y(0)).toBe(50);
    expect(stepPath(points, scale)).toBe("M10 0 H60 V25 H110 V12.5");
  });

  it("picks nice numbers for the axis", () => {
    expect(niceCeiling(47)).toBe(50);
    expect(niceCeiling(53)).toBe(100);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(12.5)).toBe(20);
    expect(balanceAxis(47, 50)).toEqual({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
    expect(balanceAxis(0, 100)).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(balanceAxis(0, 0)).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    // Whole credits only: a 2.5 step becomes 3.
    expect(balanceAxis(0, 10).ticks).toEqual([0, 3, 6, 9, 12]);
  });

  it("draws nothing for no points", () => {
    expect(stepPath([], { x: (value) => value, y: (value) => value })).toBe("");
  });
});
