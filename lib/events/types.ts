import type { Topic } from "./outbox";

/** An event as the log holds it. */
export interface LoggedEvent {
  id: bigint;
  topic: Topic;
  offset: bigint;
  key: string;
  type: string;
  payload: unknown;
  actor: string | null;
  schemaVersion: number;
  occurredAt: Date;
}

/** The JSON shape of a logged event (API, live channels). */
export interface LoggedEventJson {
  id: string;
  topic: Topic;
  offset: number;
  key: string;
  type: string;
  payload: unknown;
  actor: string | null;
  schemaVersion: number;
  occurredAt: string;
}

export function toEventJson(event: LoggedEvent): LoggedEventJson {
  return {
    id: event.id.toString(),
    topic: event.topic,
    offset: Number(event.offset),
    key: event.key,
    type: event.type,
    payload: event.payload,
    actor: event.actor,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** The string at `path` inside an event payload, if there is one (payloads are plain JSON). */
export function payloadText(payload: unknown, ...path: string[]): string | undefined {
  let value: unknown = payload;
  for (const step of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[step] : undefined;
  return typeof value === "string" ? value : undefined;
}
