import type { Transaction } from "../../db";
import { payloadText, type LoggedEvent } from "../../events/types";
import { ROLES } from "../../identity/roles";
import type { NotificationDraft } from "../../notifications/rules";
import { isRentalEventType, type RentalEventType } from "./vocabulary";

function vehicleName(payload: unknown): string {
  const vehicle = payload && typeof payload === "object" ? (payload as Record<string, unknown>).vehicle : undefined;
  const make = payloadText(vehicle, "make");
  const model = payloadText(vehicle, "model");
  return make && model ? `${make} ${model}` : "vehicle";
}

function customerName(payload: unknown): string | undefined {
  const customer = payload && typeof payload === "object" ? (payload as Record<string, unknown>).customer : undefined;
  return payloadText(customer, "name");
}

function period(payload: unknown): string {
  const start = payloadText(payload, "startDate");
  const end = payloadText(payload, "endDate");
  return start && end ? `from ${start} to ${end}` : "for the requested period";
}

/** Staff hear about new requests; the customer hears every decision and hand-over of their rental. */
export async function rentalNotifications(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]> {
  if (event.topic !== "rental_events" || !isRentalEventType(event.type)) return [];
  if (event.type === "rental.requested") {
    const employees = await tx.user.findMany({ where: { roleId: ROLES.EMPLOYEE.id }, select: { id: true } });
    const who = customerName(event.payload) ?? "A customer";
    return employees.map((employee) => ({
      userId: employee.id,
      title: "New rental request",
      body: `${who} asked for the ${vehicleName(event.payload)}, ${period(event.payload)}.`,
      link: "/admin/rentals",
    }));
  }
  const customerId = payloadText(event.payload, "customerId");
  if (!customerId) return [];
  const vehicle = vehicleName(event.payload);
  const when = period(event.payload);
  const texts: Record<Exclude<RentalEventType, "rental.requested">, { title: string; body: string }> = {
    "rental.approved": { title: "Your rental was approved", body: `The ${vehicle} is yours ${when}.` },
    "rental.rejected": {
      title: "Your rental request was declined",
      body: `The ${vehicle}, ${when}: ${payloadText(event.payload, "rejectionReason") ?? "no reason given"}.`,
    },
    "rental.picked_up": { title: "Enjoy your trip", body: `You picked up the ${vehicle}. Please return it by ${payloadText(event.payload, "endDate") ?? "the end date"}.` },
    "rental.returned": { title: "Thanks for returning the vehicle", body: `Your rental of the ${vehicle} is complete.` },
    "rental.cancelled": { title: "Your rental was cancelled", body: `The ${vehicle}, ${when}, is no longer booked for you.` },
  };
  return [{ userId: customerId, ...texts[event.type], link: "/rentals/mine" }];
}
