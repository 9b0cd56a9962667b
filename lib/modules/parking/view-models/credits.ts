import type { CreditTransactionView } from "../views";

/** Balance over time for the credits chart, and the chart's geometry. Pure. */

export interface BalancePoint {
  /** ms since the epoch. */
  at: number;
  balance: number;
}

export const CREDIT_KIND_LABELS: Record<CreditTransactionView["kind"], string> = {
  ESCROW_HOLD: "Held in escrow",
  SETTLEMENT: "Earned",
  REFUND: "Refunded",
};

interface SeriesInput {
  /** The ledger, newest first, as `GET /credits` returns it. */
  transactions: ReadonlyArray<Pick<CreditTransactionView, "amount" | "balanceAfter" | "createdAt">>;
  /** The current balance. */
  balance: number;
  /** When the account was created. */
  createdAt?: string;
  /** True when `transactions` holds the whole ledger (the series then starts at the account's creation). */
  complete: boolean;
  now: number;
}

/**
 * The balance as a step series, oldest first: the opening balance (the ledger's
 * first `balanceAfter − amount`, i.e. the 50 every resident starts with) at the
 * account's creation — or at the oldest loaded entry when the ledger is longer
 * than what was loaded — then each entry's `balanceAfter`, then the current
 * balance at `now`.
 */
export function balanceSeries({ transactions, balance, createdAt, complete, now }: SeriesInput): BalancePoint[] {
  const ordered = [...transactions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const oldest = ordered[0];
  const opening = oldest ? oldest.balanceAfter - oldest.amount : balance;
  const created = createdAt ? Date.parse(createdAt) : Number.NaN;
  const firstEntry = oldest ? Date.parse(oldest.createdAt) : now;
  const start = complete && Number.isFinite(created) ? Math.min(created, firstEntry) : firstEntry;
  const points: BalancePoint[] = [{ at: Math.min(start, now), balance: opening }];
  for (const entry of ordered) points.push({ at: Date.parse(entry.createdAt), balance: entry.balanceAfter });
  points.push({ at: Math.max(now, points.at(-1)!.at), balance });
  return points;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  padding: { top: number; right: number; bottom: number; left: number };
}

export interface ChartScale {
  x: (at: number) => number;
  y: (balance: number) => number;
  minBalance: number;
  maxBalance: number;
  /** Balances with a grid line and a label, from the minimum to the maximum. */
  ticks: number[];
  from: number;
  to: number;
}

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A balance axis from `low` (or 0, whichever is lower) to a multiple of a nice step
 * above `high`, with about `count` steps: 0–50 becomes 0, 20, 40, 60.
 */
export function balanceAxis(low: number, high: number, count = 4): { min: number; max: number; ticks: number[] } {
  const min = Math.min(0, low);
  // Credits are whole numbers: a step is at least one.
  const step = Math.max(1, Math.ceil(niceCeiling((high - min) / count)));
  const start = Math.floor(min / step) * step;
  const max = Math.max(Math.ceil(high / step) * step, start + step);
  const ticks: number[] = [];
  for (let value = start; value <= max + 1e-9; value += step) ticks.push(round(value));
  return { min: start, max, ticks };
}

/** Linear scales for the series inside `box`; the balance axis always includes 0. */
export function chartScale(points: readonly BalancePoint[], box: ChartBox): ChartScale {
  const from = Math.min(...points.map((point) => point.at));
  const to = Math.max(...points.map((point) => point.at));
  const axis = balanceAxis(Math.min(...points.map((point) => point.balance)), Math.max(...points.map((point) => point.balance)));
  const innerWidth = box.width - box.padding.left - box.padding.right;
  const innerHeight = box.height - box.padding.top - box.padding.bottom;
  const span = to - from;
  return {
    from,
    to,
    minBalance: axis.min,
    maxBalance: axis.max,
    ticks: axis.ticks,
    x: (at) => box.padding.left + (span > 0 ? ((at - from) / span) * innerWidth : innerWidth),
    y: (balance) => box.padding.top + innerHeight - ((balance - axis.min) / (axis.max - axis.min)) * innerHeight,
  };
}

/** An SVG path that holds each balance until the next change (a step line). */
export function stepPath(points: readonly BalancePoint[], scale: Pick<ChartScale, "x" | "y">): string {
  const [first, ...rest] = points;
  if (!first) return "";
  const parts = [`M${round(scale.x(first.at))} ${round(scale.y(first.balance))}`];
  for (const point of rest) parts.push(`H${round(scale.x(point.at))}`, `V${round(scale.y(point.balance))}`);
  return parts.join(" ");
}
