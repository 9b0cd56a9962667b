"use server";

import { revalidatePath } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import type { Principal } from "@/lib/auth/principal";
import { MESSAGES } from "@/lib/errors";
import { REJECTION_FIELDS, type RejectionField } from "@/lib/modules/rentals/schemas";
import { approveRental, pickUpRental, rejectRental, returnRental } from "@/lib/modules/rentals/services/rentals";
import type { RentalView } from "@/lib/modules/rentals/views";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

/** The browser's doors to the staff transitions: the same services as POST /api/v1/rentals/{id}/…. */
async function transition(formData: FormData, run: (principal: Principal, id: string) => Promise<RentalView>, done: (rental: RentalView) => string): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  let rental: RentalView;
  try {
    rental = await run(principal, formText(formData, "id"));
  } catch (error) {
    return formFailure(error, []);
  }
  revalidatePath("/admin/rentals");
  revalidatePath("/admin/fleet");
  return { status: "success", message: done(rental) };
}

const who = (rental: RentalView) => rental.customer?.name ?? "the customer";

export async function approveRentalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return transition(formData, approveRental, (rental) => `Approved ${who(rental)}'s rental.`);
}

export async function pickUpRentalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return transition(formData, pickUpRental, (rental) => `Handed over the ${rental.vehicle.make} ${rental.vehicle.model}.`);
}

export async function returnRentalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return transition(formData, returnRental, (rental) => `Returned. Amount due: ${formatMoney(rental.amountDue)}.`);
}

export async function rejectRentalAction(_previous: FormState<RejectionField>, formData: FormData): Promise<FormState<RejectionField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const reason = formText(formData, "reason");
  try {
    await rejectRental(principal, formText(formData, "id"), { reason });
  } catch (error) {
    return formFailure(error, REJECTION_FIELDS, { reason });
  }
  revalidatePath("/admin/rentals");
  return { status: "success", message: "Request declined." };
}
