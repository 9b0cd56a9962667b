/**
 * Money is stored as integer cents and shown to API clients as a decimal amount
 * (`dailyPrice: 49.5`), so arithmetic never meets floating point.
 */

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * True when the amount has at most two decimals (49.99 yes, 49.999 and 0.000000001 no):
 * the amount must be exactly the number its two-decimal spelling names. (An absolute
 * tolerance on `amount * 100` let amounts below a millionth of a cent through as 0 cents.)
 */
export function hasWholeCents(amount: number): boolean {
  return Number.isFinite(amount) && Number(amount.toFixed(2)) === amount;
}

/** Money columns whose sums grow (total price, late fee) are BIGINT: Prisma reads them as `bigint`. */
export function fromBigCents(cents: bigint): number {
  return Number(cents) / 100;
}

const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatMoney(amount: number): string {
  return currency.format(amount);
}
