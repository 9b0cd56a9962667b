/**
 * The button, link and select looks, one set for every module. Colours come from
 * the design tokens or carry their dark variant.
 */
export { primaryButtonClass } from "./form";

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand";
/** At least 44 px tall on a phone (a finger's target); the compact size from `md` up. */
const touch = "max-md:min-h-11";
const pill = `inline-flex items-center justify-center rounded-full font-medium transition ${focus} ${touch} disabled:cursor-wait disabled:opacity-60`;

/** A secondary action next to a primary one. */
export const secondaryButtonClass = `${pill} border border-line bg-surface-raised px-4 py-2 text-sm hover:border-brand`;
/** Row actions in lists and tables. */
export const smallButtonClass = `${pill} border border-line bg-surface-raised px-3 py-1.5 text-xs hover:border-brand`;
/** The one row action that moves the work forward (approve, hand over). */
export const smallStrongButtonClass = `${pill} bg-brand px-3 py-1.5 text-xs text-brand-ink hover:opacity-90`;
/** The confirming click of a destructive action. */
export const smallDangerButtonClass = `${pill} bg-red-700 px-3 py-1.5 text-xs text-white hover:bg-red-800 dark:bg-red-400 dark:text-red-950 dark:hover:bg-red-300`;

export const linkClass = "font-medium text-brand underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand";

export const selectClass =
  "mt-1 block w-full rounded-lg border border-line bg-surface px-3 py-2 text-ink focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30 max-md:min-h-11";
