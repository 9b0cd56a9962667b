import { isTopic } from "../events/topics";
import { DEFAULT_TOPIC, type EventLogFilters } from "./event-log";

const MAX_FILTER_LENGTH = 100;

/** C0/C1 control characters and DEL: a URL filter holding one is ignored (the API would refuse it with a 422). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

function first(raw: string | string[] | undefined): string {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  return CONTROL_CHARACTERS.test(value) ? "" : value;
}

/** Filters from search params; anything unusable falls back to the default rather than failing the page. */
export function parseEventLogFilters(params: Record<string, string | string[] | undefined>): EventLogFilters {
  const topic = first(params.topic);
  const after = Number(first(params.after));
  return {
    topic: isTopic(topic) ? topic : DEFAULT_TOPIC,
    type: first(params.type).slice(0, MAX_FILTER_LENGTH),
    key: first(params.key).slice(0, MAX_FILTER_LENGTH),
    after: Number.isSafeInteger(after) && after > 0 ? after : 0,
  };
}

