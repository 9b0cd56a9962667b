/**
 * Parking's names, statuses and labels. Client-safe: no server imports, so pages,
 * components and the services share one spelling of each.
 */

export const PARKING_RESOURCES = {
  SPOTS: "Parking spots",
  RESERVATIONS: "Reservations",
  CREDITS: "Credits",
} as const;
export type ParkingResource = keyof typeof PARKING_RESOURCES;

export const PARKING_TOPICS = ["parking_events", "reservation_events", "credit_events"] as const;
export type ParkingTopic = (typeof PARKING_TOPICS)[number];

/** The parking board's live channel: every spot's new state. */
export const PARKING_BOARD_CHANNEL = "private-parking";

export const SPOT_KINDS = ["STANDARD", "COMPACT", "EV_CHARGER", "ACCESSIBLE", "MOTORBIKE"] as const;
export type SpotKindName = (typeof SPOT_KINDS)[number];

export const SPOT_KIND_LABELS: Record<SpotKindName, string> = {
  STANDARD: "Standard",
  COMPACT: "Compact",
  EV_CHARGER: "EV charger",
  ACCESSIBLE: "Accessible",
  MOTORBIKE: "Motorbike",
};

export function isSpotKind(value: string): value is SpotKindName {
  return (SPOT_KINDS as readonly string[]).includes(value);
}

/** Where a spot stands for the board right now (view-models/board.ts decides). */
export type SpotStatus = "free-now" | "reserved-now" | "free-later-today" | "not-offered";

export const SPOT_STATUS_LABELS: Record<SpotStatus, string> = {
  "free-now": "Free now",
  "reserved-now": "Reserved now",
  "free-later-today": "Free later today",
  "not-offered": "Not offered today",
};

export const RESERVATION_STATUSES = ["CONFIRMED", "ACTIVE", "COMPLETED", "CANCELLED"] as const;
export type ReservationStatusName = (typeof RESERVATION_STATUSES)[number];

/** Reservations that still hold a spot and credits in escrow (or are under way). */
export const LIVE_RESERVATION_STATUSES = ["CONFIRMED", "ACTIVE"] as const satisfies readonly ReservationStatusName[];

export const RESERVATION_STATUS_LABELS: Record<ReservationStatusName, string> = {
  CONFIRMED: "Confirmed",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

/** Credits every new customer starts with (parking-sharing spec). */
export const STARTING_CREDITS = 50;

/** The parking pages' data: spots and their availability, reservations, one's credits. */
export const PARKING_KEY = ["parking"] as const;
export const RESERVATIONS_KEY = ["reservations"] as const;
export const CREDITS_KEY = ["credits"] as const;

/** The queries each parking topic's events change. */
export const PARKING_QUERY_KEYS: Record<ParkingTopic, ReadonlyArray<readonly string[]>> = {
  parking_events: [PARKING_KEY],
  reservation_events: [RESERVATIONS_KEY, PARKING_KEY],
  credit_events: [CREDITS_KEY],
};

/** Toasts for parking events about the user themself; others read "Reservation confirmed" from the type. */
export const PARKING_EVENT_TEXT: Readonly<Record<string, { title: string; body: string }>> = {};
