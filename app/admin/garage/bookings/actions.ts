"use server";

import { cancelBooking } from "@/lib/modules/garage/services/bookings";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Staff cancel until work starts: same rules as POST /api/v1/bookings/{id}/cancel. */
export const staffCancelBookingAction = formAction({
  read: (form) => ({ id: formText(form, "id"), reason: formText(form, "reason") }),
  run: (principal, { id, reason }: { id: string; reason: string }) => cancelBooking(principal, id, reason ? { reason } : {}),
  done: () => "Booking cancelled.",
});
