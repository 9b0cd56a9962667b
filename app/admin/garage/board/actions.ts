"use server";

import { transitionBooking } from "@/lib/modules/garage/services/workshop";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** A card moved on the job board: the same rules as POST /api/v1/bookings/{id}/status. */
export const moveBookingAction = formAction({
  fields: ["odometerKm", "status"] as const,
  read: (form) => ({ id: formText(form, "id"), status: formText(form, "status"), odometerKm: formText(form, "odometerKm") }),
  run: (principal, { id, status, odometerKm }: { id: string; status: string; odometerKm: string }) =>
    transitionBooking(principal, id, { status, ...(odometerKm.trim() ? { odometerKm: /^\d+$/.test(odometerKm.trim()) ? Number(odometerKm.trim()) : odometerKm } : {}) }),
  done: (booking) => `Moved to ${booking.status.toLowerCase().replace(/_/g, " ")}.`,
});
