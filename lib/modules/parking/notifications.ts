import { payloadText, type LoggedEvent } from "../../events/types";
import type { NotificationDraft } from "../../notifications/rules";
import { isReservationEventType } from "./events";

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "soon";
}

/** The owner hears about bookings of their spot, and each side about the other's cancellation. */
export function parkingNotifications(event: LoggedEvent): NotificationDraft[] {
  if (event.topic !== "reservation_events" || !isReservationEventType(event.type)) return [];
  const reserver = payloadText(event.payload, "reserver", "id");
  const reserverName = payloadText(event.payload, "reserver", "name") ?? "A resident";
  const owner = payloadText(event.payload, "owner", "id");
  const label = payloadText(event.payload, "spot", "label") ?? "your spot";
  const startsAt = when(payloadText(event.payload, "startsAt"));
  const link = "/parking/reservations";
  switch (event.type) {
    case "reservation.confirmed":
      return owner ? [{ userId: owner, title: `${label} was reserved`, body: `${reserverName} reserved ${label} from ${startsAt}. The credits reach you when it starts.`, link }] : [];
    case "reservation.cancelled": {
      const cancelledBy = payloadText(event.payload, "cancelledById");
      return [reserver, owner]
        .filter((userId): userId is string => Boolean(userId) && userId !== cancelledBy)
        .map((userId) => ({ userId, title: `Reservation of ${label} cancelled`, body: `The reservation from ${startsAt} was cancelled; the credits went back to the reserver.`, link }));
    }
    case "reservation.started":
      return owner ? [{ userId: owner, title: `You earned credits for ${label}`, body: `The reservation from ${startsAt} started and its credits are yours.`, link: "/parking/credits" }] : [];
    case "reservation.completed":
      return [];
  }
}
