/**
 * Garage money is integer minor units of the shop's one currency (GARAGE_CURRENCY):
 * fields are named `…Minor`, so arithmetic never meets floating point.
 */

/** GST on an amount: basis points are hundredths of a percent; halves round up. */
export function taxOn(amountMinor: number, basisPoints: number): number {
  return Math.floor((amountMinor * basisPoints + 5000) / 10000);
}

/** "18%" or "12.5%" from basis points. */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMinor(amountMinor: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-IN", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}
