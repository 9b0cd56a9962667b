import type { QueryKey } from "@tanstack/react-query";
import { CREDITS_KEY, PARKING_KEY, queryKeysForMessage, RESERVATIONS_KEY, type LiveMessage } from "../../../ui/live-events";

/**
 * Which live messages change what a parking page shows. A page names the data it
 * shows; a message touches it when its topic's query keys (TOPIC_QUERY_KEYS, the
 * same table that invalidates TanStack queries) include that data's key. Pure.
 */

export const PARKING_DATA_KEYS = {
  spots: PARKING_KEY,
  reservations: RESERVATIONS_KEY,
  credits: CREDITS_KEY,
} as const satisfies Record<string, QueryKey>;

export type ParkingData = keyof typeof PARKING_DATA_KEYS;

/** What the live bus carries: a message, or `resync` after (re)subscribing, when anything may have been missed. */
export type ParkingBusMessage = LiveMessage | { kind: "resync" };

function sameKey(a: QueryKey, b: QueryKey): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/** True when `message` may change any of `watched` (always after a resync; never for notifications). */
export function touchesParkingData(message: ParkingBusMessage, watched: readonly ParkingData[]): boolean {
  if (message.kind === "resync") return true;
  if (message.kind !== "event") return false;
  const keys = queryKeysForMessage(message);
  return watched.some((data) => keys.some((key) => sameKey(key, PARKING_DATA_KEYS[data])));
}
