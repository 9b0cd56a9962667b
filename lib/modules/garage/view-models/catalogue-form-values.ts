import { formText } from "../../../ui/form-state";

/**
 * A whole number typed into a form: digits become a number, an empty field is absent,
 * anything else is passed on as typed so the service's schema names the field in its 422.
 */
export function formInteger(form: unknown, name: string): number | string | undefined {
  const value = formText(form, name).trim();
  if (value === "") return undefined;
  return /^-?\d{1,12}$/.test(value) ? Number(value) : value;
}

/** Rupees (or the shop currency's major unit) typed with up to two decimals, as minor units. */
export function formMinor(form: unknown, name: string): number | string | undefined {
  const value = formText(form, name).trim().replace(/,/g, "");
  if (value === "") return undefined;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : value;
}

/** A text field that is left out when empty (optional fields such as a slug). */
export function formOptional(form: unknown, name: string): string | undefined {
  const value = formText(form, name);
  return value.trim() === "" ? undefined : value;
}

/** Minor units as the major-unit amount a form shows (`1499.00`). */
export function minorAsInput(amountMinor: number): string {
  return (amountMinor / 100).toFixed(2);
}
