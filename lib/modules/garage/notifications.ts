import type { Transaction } from "../../db";
import { payloadText, type LoggedEvent } from "../../events/types";
import { ROLES } from "../../identity/roles";
import type { NotificationDraft } from "../../notifications/rules";
import { garageSettings } from "./settings";
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatusName } from "./vocabulary";
import { formatShopClock, formatShopTime } from "./view-models/shop-clock";
import { formatMinor } from "./view-models/money";

function slotText(payload: unknown): string {
  const start = payloadText(payload, "slotStart");
  return start && !Number.isNaN(Date.parse(start)) ? `drop-off ${formatShopTime(start, garageSettings().GARAGE_TIME_ZONE)}` : "your drop-off slot";
}

function carText(payload: unknown): string {
  return payloadText(payload, "carPlate") ?? payloadText(payload, "car", "plate") ?? "your car";
}

/** "KA01 AB 1234, 09:00–10:30": an assignment's car and span on the shop's clock. */
function jobText(payload: unknown): string {
  const zone = garageSettings().GARAGE_TIME_ZONE;
  const startsAt = payloadText(payload, "startsAt");
  const endsAt = payloadText(payload, "endsAt");
  const when = startsAt && endsAt && !Number.isNaN(Date.parse(startsAt)) && !Number.isNaN(Date.parse(endsAt))
    ? `, ${formatShopTime(startsAt, zone)}–${formatShopClock(endsAt, zone)}`
    : "";
  return `${payloadText(payload, "booking", "carPlate") ?? "A car"}${when}`;
}

function moneyText(payload: unknown, field: string): string {
  const amount = payload !== null && typeof payload === "object" ? (payload as Record<string, unknown>)[field] : undefined;
  const currency = payloadText(payload, "currency") ?? garageSettings().GARAGE_CURRENCY;
  return typeof amount === "number" && Number.isSafeInteger(amount) ? formatMinor(amount, currency) : "An amount";
}

async function admins(tx: Transaction): Promise<Array<{ id: string }>> {
  return tx.user.findMany({ where: { roleId: ROLES.ADMIN.id }, select: { id: true } });
}

/** The shop hears about new bookings and questions; the customer hears what happens to theirs. */
export async function garageNotifications(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]> {
  const customerId = payloadText(event.payload, "customerId");
  switch (event.type) {
    case "booking.created": {
      const staff = (await admins(tx)).map((admin) => ({
        userId: admin.id,
        title: "New garage booking",
        body: `${carText(event.payload)}, ${slotText(event.payload)}.`,
        link: "/admin/garage/bookings",
      }));
      const customer = customerId
        ? [{ userId: customerId, title: "Booking confirmed", body: `We expect ${carText(event.payload)} at ${slotText(event.payload)}.`, link: "/garage/bookings" }]
        : [];
      return [...customer, ...staff];
    }
    case "booking.cancelled":
      return customerId
        ? [{ userId: customerId, title: "Booking cancelled", body: `The booking for ${carText(event.payload)} is cancelled and its slot released.`, link: "/garage/bookings" }]
        : [];
    case "booking.status_changed": {
      const status = payloadText(event.payload, "status");
      const bookingId = payloadText(event.payload, "id");
      if (!customerId || !bookingId || !BOOKING_STATUSES.includes(status as BookingStatusName)) return [];
      const note = payloadText(event.payload, "change", "note");
      const title = status === "READY" ? `${carText(event.payload)} is ready for collection` : `${carText(event.payload)}: ${BOOKING_STATUS_LABELS[status as BookingStatusName].toLowerCase()}`;
      return [{ userId: customerId, title, body: note ?? "See your booking's timeline.", link: `/garage/bookings/${bookingId}` }];
    }
    case "booking.progress_added": {
      const bookingId = payloadText(event.payload, "bookingId");
      return customerId && bookingId
        ? [{ userId: customerId, title: `A note about ${carText(event.payload)}`, body: payloadText(event.payload, "note") ?? "", link: `/garage/bookings/${bookingId}` }]
        : [];
    }
    case "assignment.created": {
      const mechanicId = payloadText(event.payload, "mechanicId");
      return mechanicId ? [{ userId: mechanicId, title: "New job", body: `${jobText(event.payload)}.`, link: "/admin/garage/jobs" }] : [];
    }
    case "assignment.reassigned": {
      const mechanicId = payloadText(event.payload, "mechanicId");
      const previousId = payloadText(event.payload, "previousMechanicId");
      const name = payloadText(event.payload, "mechanicName") ?? "another mechanic";
      if (mechanicId === previousId) {
        return mechanicId ? [{ userId: mechanicId, title: "Job moved", body: `${jobText(event.payload)}.`, link: "/admin/garage/jobs" }] : [];
      }
      return [
        ...(mechanicId ? [{ userId: mechanicId, title: "Job handed over to you", body: `${jobText(event.payload)}.`, link: "/admin/garage/jobs" }] : []),
        ...(previousId ? [{ userId: previousId, title: "Job handed over", body: `${jobText(event.payload)} now goes to ${name}.`, link: "/admin/garage/jobs" }] : []),
      ];
    }
    case "recommendation.created":
    case "recommendation.revised": {
      const bookingId = payloadText(event.payload, "bookingId");
      const service = payloadText(event.payload, "serviceName") ?? "Recommended work";
      if (!customerId || !bookingId) return [];
      const offeredAgain = event.type === "recommendation.created" && payloadText(event.payload, "deferredFromId") !== undefined;
      const title =
        event.type === "recommendation.revised"
          ? `${carText(event.payload)}: changed work needs your approval`
          : offeredAgain
            ? `${carText(event.payload)}: work you deferred is offered again`
            : `${carText(event.payload)}: work awaits your approval`;
      return [
        {
          userId: customerId,
          title,
          body: offeredAgain ? `${service}, at today's price. You decide after the inspection.` : `${service}. Approve or decline it on your booking's page.`,
          link: `/garage/bookings/${bookingId}`,
        },
      ];
    }
    case "recommendation.approved":
    case "recommendation.declined": {
      const approved = event.type === "recommendation.approved";
      const items = Array.isArray((event.payload as { items?: unknown }).items) ? (event.payload as { items: unknown[] }).items.length : 0;
      const customer = payloadText(event.payload, "customerName") ?? "The customer";
      const channel = payloadText(event.payload, "channel") === "PHONE" ? " (by phone)" : "";
      return (await admins(tx)).map((admin) => ({
        userId: admin.id,
        title: `${carText(event.payload)}: recommended work ${approved ? "approved" : "declined"}`,
        body: `${customer} ${approved ? "approved" : "declined"} ${items} item${items === 1 ? "" : "s"}${channel}.`,
        link: "/admin/garage/bookings",
      }));
    }
    case "invoice.issued": {
      const bookingId = payloadText(event.payload, "bookingId");
      const number = payloadText(event.payload, "number") ?? "Your invoice";
      return customerId && bookingId
        ? [{ userId: customerId, title: `Invoice ${number} for ${carText(event.payload)}`, body: `${moneyText(event.payload, "totalMinor")} due. See your booking to view and print it.`, link: `/garage/bookings/${bookingId}` }]
        : [];
    }
    case "payment.recorded": {
      const bookingId = payloadText(event.payload, "bookingId");
      return customerId && bookingId
        ? [{
            userId: customerId,
            title: "Payment received",
            body: `${moneyText(event.payload, "amountMinor")} towards invoice ${payloadText(event.payload, "invoiceNumber") ?? ""}; ${moneyText(event.payload, "balanceDueMinor")} still due.`,
            link: `/garage/bookings/${bookingId}`,
          }]
        : [];
    }
    case "query.opened":
      return (await admins(tx)).map((admin) => ({
        userId: admin.id,
        title: "New support question",
        body: payloadText(event.payload, "subject") ?? "A customer asked a question.",
        link: "/admin/garage/support",
      }));
    case "query.answered":
      return customerId
        ? [{ userId: customerId, title: "The garage answered your question", body: payloadText(event.payload, "subject") ?? "See Support.", link: "/garage/support" }]
        : [];
    default:
      return [];
  }
}
