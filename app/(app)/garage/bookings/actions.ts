"use server";

import { cancelBooking } from "@/lib/modules/garage/services/bookings";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's door to `cancelBooking`: same rules as POST /api/v1/bookings/{id}/cancel. */
export const cancelBookingAction = formAction({
  read: (form) => formText(form, "id"),
  run: (principal, id: string) => cancelBooking(principal, id, {}),
  done: () => "Booking cancelled.",
});
