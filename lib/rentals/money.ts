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

/** True when the amount has at most two decimals (49.99 yes, 49.999 no). */
export function hasWholeCents(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}

const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatMoney(amount: number): string {
  return currency.format(amount);
}
