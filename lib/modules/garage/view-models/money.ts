/**
 * Garage money is integer minor units of the shop's one currency (GARAGE_CURRENCY):
 * fields are named `…Minor`, so arithmetic never meets floating point.
 */

import { numberFormat } from "../../../ui/intl";

/** GST on an amount: basis points are hundredths of a percent; halves round up. */
export function taxOn(amountMinor: number, basisPoints: number): number {
  return Math.floor((amountMinor * basisPoints + 5000) / 10000);
}

/** "18%" or "12.5%" from basis points. */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}

export function formatMinor(amountMinor: number, currency: string): string {
  const formatter = numberFormat("en-IN", { style: "currency", currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}

/**
 * An amount typed in major units ("1234.50", "1,234.5") in minor units of the currency; NaN when
 * it is not a plain amount with at most the currency's decimals (the service then answers a 422).
 */
export function minorFromMajor(text: string, currency: string): number {
  const digits = numberFormat("en-IN", { style: "currency", currency: /^[A-Z]{3}$/.test(currency) ? currency : "INR" }).resolvedOptions().maximumFractionDigits ?? 2;
  const cleaned = text.trim().replace(/[,\s]/g, "");
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2]?.length ?? 0) > digits) return Number.NaN;
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(match[1]) * 10 ** digits + (fraction ? Number(fraction) : 0);
}
