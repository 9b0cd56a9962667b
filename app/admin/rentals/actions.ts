"use server";

import type { Principal } from "@/lib/auth/principal";
import { REJECTION_FIELDS } from "@/lib/modules/rentals/schemas";
import { approveRental, pickUpRental, rejectRental, returnRental } from "@/lib/modules/rentals/services/rentals";
import type { RentalView } from "@/lib/modules/rentals/views";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's doors to the staff transitions: the same services as POST /api/v1/rentals/{id}/…. */
function transition(run: (principal: Principal, id: string) => Promise<RentalView>, done: (rental: RentalView) => string) {
  return formAction({ read: (form) => formText(form, "id"), run, done });
}

const who = (rental: RentalView) => rental.customer?.name ?? "the customer";

export const approveRentalAction = transition(approveRental, (rental) => `Approved ${who(rental)}'s rental.`);

export const pickUpRentalAction = transition(pickUpRental, (rental) => `Handed over the ${rental.vehicle.make} ${rental.vehicle.model}.`);

export const returnRentalAction = transition(returnRental, (rental) => `Returned. Amount due: ${formatMoney(rental.amountDue)}.`);

export const rejectRentalAction = formAction({
  fields: REJECTION_FIELDS,
  read: (form) => ({ id: formText(form, "id"), reason: formText(form, "reason") }),
  values: ({ reason }) => ({ reason }),
  run: (principal, { id, reason }) => rejectRental(principal, id, { reason }),
  done: () => "Request declined.",
});
