/**
 * Intl's formatters and collators, each built once per process (or tab) for its locale and options. Building one
 * loads locale data and costs far more than using it: a page of 200 spots built thousands (one per date shown and
 * per string compared) and spent most of its hydration doing so.
 */

type Options = Intl.DateTimeFormatOptions | Intl.NumberFormatOptions | Intl.RelativeTimeFormatOptions;

/** Locales and time zones come from readers' browsers and settings: plenty, but bound the memory anyway. */
const MAX_KEPT = 500;
const kept = new Map<string, unknown>();

function once<T>(kind: string, locale: string | undefined, options: Options, build: () => T): T {
  const key = `${kind}\u0000${locale ?? ""}\u0000${JSON.stringify(options)}`;
  const existing = kept.get(key);
  if (existing !== undefined) return existing as T;
  const built = build();
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, built);
  return built;
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once("date", locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once("number", locale, options, () => new Intl.NumberFormat(locale, options));
}

export function relativeTimeFormat(locale: string | undefined, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return once("relative", locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

let naturalOrder: Intl.Collator | undefined;

/** Natural order in the runtime's locale: "P-9" before "P-10". Called per comparison, so it skips the keyed lookup. */
export function compareNaturally(a: string, b: string): number {
  naturalOrder ??= new Intl.Collator(undefined, { numeric: true });
  return naturalOrder.compare(a, b);
}
