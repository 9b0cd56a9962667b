import { touchesTopics, type LiveMessage } from "../../../ui/live-events";
import type { ParkingTopic } from "../vocabulary";

/**
 * Which topics change what a parking page shows: a page names the data it shows
 * (spots, reservations, credits) and refreshes on those topics' events. Pure.
 */
export const PARKING_DATA_TOPICS = {
  // A reservation changes a spot's next reservation and whether it is free now.
  spots: ["parking_events", "reservation_events"],
  reservations: ["reservation_events"],
  credits: ["credit_events"],
} as const satisfies Record<string, readonly ParkingTopic[]>;

export type ParkingData = keyof typeof PARKING_DATA_TOPICS;

/** The topics behind the data a parking page shows (for `LiveRefresh`). */
export function parkingTopics(watched: readonly ParkingData[]): ParkingTopic[] {
  return [...new Set(watched.flatMap((data) => PARKING_DATA_TOPICS[data]))];
}

/** True when `message` may change any of `watched` (always after a resync; never for notifications). */
export function touchesParkingData(message: LiveMessage | { kind: "resync" }, watched: readonly ParkingData[]): boolean {
  return touchesTopics(message, parkingTopics(watched));
}
