import { payloadText, type LoggedEvent } from "../events/types";
import { PARKING_CHANNEL, roleChannel, userChannel } from "./channels";
import { PUBLIC_ID_PATTERN } from "../identity/roles";


/**
 * Who hears an event live. Admins hear everything (the event log's live tail);
 * modules add their audiences here, next to each other, so the rules stay in one place.
 */
export function channelsFor(event: LoggedEvent): string[] {
  const channels = new Set<string>([roleChannel("ADMIN")]);
  switch (event.topic) {
    case "user_events":
    case "credit_events":
      if (PUBLIC_ID_PATTERN.test(event.key)) channels.add(userChannel(event.key));
      break;
    case "rental_events": {
      // The customer hears every change of their rental; staff hear new requests and every change.
      const customerId = payloadText(event.payload, "customerId");
      if (customerId && PUBLIC_ID_PATTERN.test(customerId)) channels.add(userChannel(customerId));
      channels.add(roleChannel("EMPLOYEE"));
      break;
    }
    case "vehicle_events":
    case "branch_events":
      channels.add(roleChannel("EMPLOYEE"));
      break;
    case "parking_events":
      channels.add(PARKING_CHANNEL);
      break;
    case "reservation_events": {
      // Only the two people involved; the board hears the spot-level parking_events instead.
      const reserver = payloadText(event.payload, "reserver", "id");
      const owner = payloadText(event.payload, "owner", "id");
      if (reserver) channels.add(userChannel(reserver));
      if (owner) channels.add(userChannel(owner));
      break;
    }
    default:
      break;
  }
  return [...channels];
}
