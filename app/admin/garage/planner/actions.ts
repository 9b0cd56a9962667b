"use server";

import { assignBooking, autoAssign, cancelAssignment } from "@/lib/modules/garage/services/assignments";
import { garageSettings } from "@/lib/modules/garage/settings";
import { shopInstant } from "@/lib/modules/garage/view-models/shop-clock";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export type AssignField = "mechanicId" | "startsAt" | "endsAt";

/** "HH:MM" on the shop day `date` as an instant; anything else stays as typed, for the service to refuse with a field error. */
function instantOf(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return time;
  const instant = shopInstant(date, time, garageSettings().GARAGE_TIME_ZONE);
  return Number.isNaN(instant.getTime()) ? time : instant.toISOString();
}

function readSpan(form: unknown) {
  const date = formText(form, "date");
  return { startsAt: instantOf(date, formText(form, "from")), endsAt: instantOf(date, formText(form, "to")) };
}

/** The planner's pick-a-mechanic form: POST /api/v1/assignments. */
export const assignBookingAction = formAction<AssignField, Record<string, string>, unknown>({
  fields: ["mechanicId", "startsAt", "endsAt"],
  read: (form) => ({ bookingId: formText(form, "bookingId"), mechanicId: formText(form, "mechanicId"), ...readSpan(form) }),
  run: (principal, input) => assignBooking(principal, input),
  done: () => "Assigned.",
});

/** The planner's auto-assign button: POST /api/v1/assignments/auto. */
export const autoAssignAction = formAction({
  read: (form) => ({ bookingId: formText(form, "bookingId"), ...readSpan(form) }),
  run: (principal, input: Record<string, string>) => autoAssign(principal, input),
  done: () => "Assigned.",
});

export const cancelAssignmentAction = formAction({
  read: (form) => ({ id: formText(form, "id") }),
  run: (principal, { id }: { id: string }) => cancelAssignment(principal, id),
  done: () => "Assignment cancelled.",
});
