const formatters = new Map<string, Intl.DateTimeFormat>();

/** A drop-off instant on the shop's clock, e.g. "Mon 14 Dec 2026, 09:30". */
export function formatSlot(instant: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(instant));
}

/** Just the time of a slot on the shop's clock, "09:30". */
export function formatSlotTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}
