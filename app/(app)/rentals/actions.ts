"use server";

import { RENTAL_REQUEST_FIELDS } from "@/lib/modules/rentals/schemas";
import { cancelRental, requestRental } from "@/lib/modules/rentals/services/rentals";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's door to `requestRental`: same rules as POST /api/v1/rentals. */
export const requestRentalAction = formAction({
  fields: RENTAL_REQUEST_FIELDS,
  read: (form) => ({ vehicleId: formText(form, "vehicleId"), startDate: formText(form, "startDate"), endDate: formText(form, "endDate") }),
  values: (input) => input,
  run: requestRental,
  refreshes: { redirect: () => "/rentals/mine" },
});

export const cancelRentalAction = formAction({
  read: (form) => formText(form, "id"),
  run: cancelRental,
  done: () => "Rental cancelled.",
});
