import type { QueryKey } from "@tanstack/react-query";
import type { Topic } from "../events/outbox";
import type { LoggedEventJson } from "../events/types";

/**
 * What the browser receives on its live channels, and what it does with it.
 * Pure: no React, no pusher-js, so the rules can be unit-tested. What each topic
 * means to the browser comes from the modules, as data (`LiveVocabulary`, built on
 * the server by lib/realtime/vocabulary.ts and handed to the live provider).
 */

/** The topics, the queries each one's events change, and the toast text of events about the user themself. */
export interface LiveVocabulary {
  topics: readonly string[];
  queryKeys: Readonly<Record<string, ReadonlyArray<readonly string[]>>>;
  userEventText: Readonly<Record<string, { title: string; body: string }>>;
}

/** A logged event as published by the `live-channels` consumer; big payloads arrive as `null` with `truncated`. */
export type LiveEvent = LoggedEventJson & { truncated?: boolean };

/** Which of the browser's channels a message came in on: `user` (its own), `role`, or a module's name (that module's channel). */
export type LiveChannelKind = string;

/** Spelled here for the browser; the server side is `NOTIFICATION_EVENT` in lib/notifications/consumer.ts. */
export const NOTIFICATION_CREATED = "notification.created";

/** Spelled here for the browser; the server side is `DATA_RESTORED_EVENT` in lib/realtime/routing.ts. */
export const DATA_RESTORED = "platform.data_restored";

/** A backup was restored: every page's data (and possibly the session) changed under it, so the browser reloads. */
export function requiresReload(message: LiveMessage): boolean {
  return message.kind === "event" && message.event.type === DATA_RESTORED;
}

export type LiveMessage =
  | { kind: "event"; channel: LiveChannelKind; event: LiveEvent }
  | { kind: "notification"; channel: LiveChannelKind; eventId: string; type: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A logged event's JSON, checked field by field (live data is input like any other). */
export function parseLiveEvent(data: unknown, vocabulary: Pick<LiveVocabulary, "topics">): LiveEvent | null {
  if (!isRecord(data)) return null;
  const { id, topic, offset, key, type, payload, actor, schemaVersion, occurredAt, truncated } = data;
  if (typeof id !== "string" || !/^\d+$/.test(id)) return null;
  if (typeof topic !== "string" || !vocabulary.topics.includes(topic)) return null;
  if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0) return null;
  if (typeof key !== "string" || typeof type !== "string" || type.length === 0) return null;
  if (actor !== null && typeof actor !== "string") return null;
  if (typeof schemaVersion !== "number" || typeof occurredAt !== "string") return null;
  const event: LiveEvent = { id, topic: topic as Topic, offset, key, type, payload: payload ?? null, actor, schemaVersion, occurredAt };
  if (truncated === true) event.truncated = true;
  return event;
}

/**
 * One message from a channel (`eventName` is the Pusher event name: the event's
 * `type`, or `notification.created`), or null for protocol events and anything
 * that is not ours. Only the server publishes on the app's channels: a `client-*`
 * event (sent by another browser, however well it imitates a logged event) is never ours.
 */
export function parseLiveMessage(
  eventName: string,
  data: unknown,
  channel: LiveChannelKind,
  vocabulary: Pick<LiveVocabulary, "topics">,
): LiveMessage | null {
  if (eventName.startsWith("pusher:") || eventName.startsWith("pusher_internal:") || eventName.startsWith("client-")) return null;
  if (eventName === NOTIFICATION_CREATED) {
    if (!isRecord(data) || typeof data.eventId !== "string" || typeof data.type !== "string") return null;
    return { kind: "notification", channel, eventId: data.eventId, type: data.type };
  }
  const event = parseLiveEvent(data, vocabulary);
  return event ? { kind: "event", channel, event } : null;
}

/** The event log's queries of one topic (the admin event viewer keys its queries under this). */
export const eventLogKey = (topic: Topic) => ["events", topic] as const;
export const NOTIFICATIONS_KEY = ["notifications"] as const;

/**
 * The TanStack Query keys to invalidate when `event` arrives on a `channel`:
 * the topic's event log, the topic's module queries, and, for events addressed
 * to the user themself, their notifications.
 */
export function queryKeysForEvent(event: Pick<LiveEvent, "topic">, vocabulary: Pick<LiveVocabulary, "queryKeys">, channel: LiveChannelKind = "role"): QueryKey[] {
  const keys: QueryKey[] = [[...eventLogKey(event.topic)], ...(vocabulary.queryKeys[event.topic] ?? []).map((key) => [...key])];
  if (channel === "user") keys.push([...NOTIFICATIONS_KEY]);
  return keys;
}

/** True when a page showing data of `topics` must refresh for `message`: any event of those topics, and always after a resync. */
export function touchesTopics(message: LiveMessage | { kind: "resync" }, topics: readonly string[]): boolean {
  if (message.kind === "resync") return true;
  return message.kind === "event" && topics.includes(message.event.topic);
}

/** The keys for any live message: `notification.created` only touches the notifications. */
export function queryKeysForMessage(message: LiveMessage, vocabulary: Pick<LiveVocabulary, "queryKeys">): QueryKey[] {
  return message.kind === "notification" ? [[...NOTIFICATIONS_KEY]] : queryKeysForEvent(message.event, vocabulary, message.channel);
}

/**
 * The identity of a delivery for de-duplication. Delivery is at least once, so
 * the same event can arrive twice on a channel; it is handled once per channel
 * (an admin's own event also arrives on their user channel, and there it still
 * means "this is about you").
 */
export function deliveryId(message: LiveMessage): string {
  return message.kind === "notification"
    ? `notification:${message.eventId}`
    : `${message.channel}:${message.event.id}`;
}

/** A bounded memory of recently seen ids: `firstSeen` is true once per id (within the last `capacity`). */
export class RecentIds {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 1_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Records `id`; true if it was not seen before. */
  firstSeen(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** `reservation.confirmed` → "Reservation confirmed". */
export function humanizeEventType(type: string): string {
  const words = type.replace(/[._]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

/** Toast text for an event addressed to the user themself (their user channel). */
export function describeUserEvent(event: Pick<LiveEvent, "type">, vocabulary: Pick<LiveVocabulary, "userEventText">): { title: string; body: string } {
  return vocabulary.userEventText[event.type] ?? { title: humanizeEventType(event.type), body: "Something changed on your account." };
}
