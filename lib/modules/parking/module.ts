import { payloadText } from "../../events/types";
import { PUBLIC_ID_PATTERN } from "../../identity/roles";
import { userChannel } from "../../realtime/channels";
import { defineModule } from "../contract";
import { parkingOperations } from "./openapi";
import { seedParkingDemo } from "./demo";
import { parkingGraphQL } from "./graphql";
import { parkingNotifications } from "./notifications";
import { PARKING_SETTINGS } from "./settings";
import { creditHighlight, grantStartingCredits } from "./services/credits";
import { releaseDepartingMember } from "./services/departure";
import { invalidateSpotLists } from "./services/cache";
import { reservationLifecycleJob } from "./services/lifecycle";
import { countLiveReservations } from "./services/reservations";
import { PARKING_BOARD_CHANNEL, PARKING_EVENT_TEXT, PARKING_QUERY_KEYS, PARKING_RESOURCES, STARTING_CREDITS } from "./vocabulary";

/** Residents share their spots when away and reserve a neighbour's for credits. */
export const parkingModule = defineModule({
  name: "parking",
  card: {
    title: "Parking",
    summary: "Share your spot when you are away and reserve a neighbour's for credits.",
    scope: "READ:SPOTS",
    href: "/parking",
    pitch: {
      summary: "Residents share the spots they are not using and reserve each other's for a time window.",
      points: [
        "Publish when your spot is free, or flip it open right now",
        "Reserve for 3 credits — every resident starts with 50",
        "A live board of what is free now and later today",
      ],
    },
    accentClass: "border-t-parking",
    highlight: (principal) => creditHighlight(principal),
  },
  routes: ["app/(app)/parking", "app/api/v1/spots", "app/api/v1/reservations", "app/api/v1/credits"],
  operations: parkingOperations,
  resources: PARKING_RESOURCES,
  grants: {
    // Residents own their spots, reservations and credits ("(own)" rules in the services).
    CUSTOMER: { SPOTS: "RWUD", RESERVATIONS: "RWU", CREDITS: "R" },
  },
  topics: ["parking_events", "reservation_events", "credit_events"],
  navigation: [{ href: "/parking", label: "Parking", scope: "READ:SPOTS", icon: "signpost" }],
  channels: [{ name: PARKING_BOARD_CHANNEL, scope: "READ:SPOTS" }],
  audience(event) {
    switch (event.topic) {
      case "credit_events":
        return PUBLIC_ID_PATTERN.test(event.key) ? [userChannel(event.key)] : [];
      case "parking_events":
        return [PARKING_BOARD_CHANNEL];
      case "reservation_events": {
        // Only the two people involved; the board hears the spot-level parking_events instead.
        const people = [payloadText(event.payload, "reserver", "id"), payloadText(event.payload, "owner", "id")];
        return people.filter((id): id is string => id !== undefined && PUBLIC_ID_PATTERN.test(id)).map(userChannel);
      }
      default:
        return [];
    }
  },
  notifications: async (event) => parkingNotifications(event),
  live: { queryKeys: PARKING_QUERY_KEYS, userEventText: PARKING_EVENT_TEXT },
  welcomeNote: `You start with ${STARTING_CREDITS} parking credits.`,
  jobs: [{ name: "parking-reservation-lifecycle", run: reservationLifecycleJob }],
  seedDemo: async () => ({ spots: await seedParkingDemo() }),
  accounts: {
    created: (tx, account) => grantStartingCredits(tx, account),
    liveCommitments: async (tx, accountId) => ({ reservations: { count: await countLiveReservations(tx, accountId), label: "live parking reservations" } }),
    deleting: (tx, accountId, actorId) => releaseDepartingMember(tx, accountId, actorId),
    deleted: () => invalidateSpotLists(),
  },
  dataReplaced: () => invalidateSpotLists(),
  settings: PARKING_SETTINGS,
  graphql: (parts) => parkingGraphQL(parts),
});
