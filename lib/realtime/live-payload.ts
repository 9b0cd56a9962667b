import { toEventJson, type LoggedEvent, type LoggedEventJson } from "../events/types";

/**
 * Fields that never go out on a live channel, at any depth of a payload: a socket can
 * outlive the session that opened it, so contact details and addresses stay behind
 * authenticated HTTP (the browser refetches what an event changed).
 */
export const LIVE_WITHHELD_FIELDS: ReadonlySet<string> = new Set(["email", "phone", "clientIp"]);

function withhold(value: unknown): { value: unknown; withheld: boolean } {
  if (Array.isArray(value)) {
    const items = value.map(withhold);
    return { value: items.map((item) => item.value), withheld: items.some((item) => item.withheld) };
  }
  if (typeof value !== "object" || value === null) return { value, withheld: false };
  let withheld = false;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (LIVE_WITHHELD_FIELDS.has(key)) {
      withheld = true;
      continue;
    }
    const inner = withhold(field);
    withheld ||= inner.withheld;
    kept[key] = inner.value;
  }
  return { value: kept, withheld };
}

/**
 * What a live channel carries for a logged event: its JSON without the withheld fields.
 * A copy that lost fields is marked `truncated`, like an oversized one, so views that
 * show payloads (the admin event log) read the full event from the log.
 */
export function liveCopy(event: LoggedEvent): LoggedEventJson & { truncated?: true } {
  const full = toEventJson(event);
  const { value, withheld } = withhold(full.payload);
  return withheld ? { ...full, payload: value as typeof full.payload, truncated: true } : full;
}
