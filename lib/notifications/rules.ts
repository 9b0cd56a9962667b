import type { Transaction } from "../db";
import { payloadText, type LoggedEvent } from "../events/types";
import { ROLES } from "../identity/roles";

export interface NotificationDraft {
  userId: string;
  title: string;
  body: string;
  link?: string;
}

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "soon";
}

/** Parking: the owner hears about bookings of their spot, and each side about the other's cancellation. */
function reservationNotifications(event: LoggedEvent): NotificationDraft[] {
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
    default:
      return [];
  }
}

/** Which people an event concerns and what to tell them. Modules add their cases here. */
export async function notificationsFor(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]> {
  if (event.topic === "reservation_events") return reservationNotifications(event);
  switch (event.type) {
    case "user.registered":
      return [
        {
          userId: event.key,
          title: "Welcome to Wheelhouse",
          body: "Your account is ready. You start with 50 parking credits.",
          link: "/dashboard",
        },
      ];
    case "user.created":
      return [{ userId: event.key, title: "Your account was created", body: "An administrator created your Wheelhouse account.", link: "/profile" }];
    case "user.password_changed":
      return [
        {
          userId: event.key,
          title: "Your password was changed",
          body: "Every other device was signed out. If this was not you, contact an administrator.",
          link: "/profile",
        },
      ];
    case "role.permissions_changed": {
      const admins = await tx.user.findMany({ where: { roleId: ROLES.ADMIN.id }, select: { id: true } });
      const role = payloadText(event.payload, "role") ?? "a role";
      return admins
        .filter((admin) => admin.id !== event.actor)
        .map((admin) => ({
          userId: admin.id,
          title: `Permissions of ${role} changed`,
          body: `${event.actor ?? "Someone"} changed what ${role} may do.`,
          link: "/admin/permissions",
        }));
    }
    case "rental.requested": {
      const employees = await tx.user.findMany({ where: { roleId: ROLES.EMPLOYEE.id }, select: { id: true } });
      const who = rentalCustomerName(event.payload) ?? "A customer";
      return employees.map((employee) => ({
        userId: employee.id,
        title: "New rental request",
        body: `${who} asked for the ${rentalVehicleName(event.payload)}, ${rentalPeriod(event.payload)}.`,
        link: "/admin/rentals",
      }));
    }
    case "rental.approved":
    case "rental.rejected":
    case "rental.picked_up":
    case "rental.returned":
    case "rental.cancelled": {
      const customerId = payloadText(event.payload, "customerId");
      if (!customerId) return [];
      const vehicle = rentalVehicleName(event.payload);
      const period = rentalPeriod(event.payload);
      const texts: Record<string, { title: string; body: string }> = {
        "rental.approved": { title: "Your rental was approved", body: `The ${vehicle} is yours ${period}.` },
        "rental.rejected": {
          title: "Your rental request was declined",
          body: `The ${vehicle}, ${period}: ${payloadText(event.payload, "rejectionReason") ?? "no reason given"}.`,
        },
        "rental.picked_up": { title: "Enjoy your trip", body: `You picked up the ${vehicle}. Please return it by ${payloadText(event.payload, "endDate") ?? "the end date"}.` },
        "rental.returned": { title: "Thanks for returning the vehicle", body: `Your rental of the ${vehicle} is complete.` },
        "rental.cancelled": { title: "Your rental was cancelled", body: `The ${vehicle}, ${period}, is no longer booked for you.` },
      };
      const text = texts[event.type];
      return text ? [{ userId: customerId, ...text, link: "/rentals/mine" }] : [];
    }
    default:
      return [];
  }
}

function rentalVehicleName(payload: unknown): string {
  const vehicle = payload && typeof payload === "object" ? (payload as Record<string, unknown>).vehicle : undefined;
  const make = payloadText(vehicle, "make");
  const model = payloadText(vehicle, "model");
  return make && model ? `${make} ${model}` : "vehicle";
}

function rentalCustomerName(payload: unknown): string | undefined {
  const customer = payload && typeof payload === "object" ? (payload as Record<string, unknown>).customer : undefined;
  return payloadText(customer, "name");
}

function rentalPeriod(payload: unknown): string {
  const start = payloadText(payload, "startDate");
  const end = payloadText(payload, "endDate");
  return start && end ? `from ${start} to ${end}` : "for the requested period";
}
