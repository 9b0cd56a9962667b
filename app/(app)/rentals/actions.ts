"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/current";
import { MESSAGES } from "@/lib/errors";
import { RENTAL_REQUEST_FIELDS, type RentalRequestField } from "@/lib/modules/rentals/schemas";
import { cancelRental, requestRental } from "@/lib/modules/rentals/services/rentals";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";


const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

/** The browser's door to `requestRental`: same rules as POST /api/v1/rentals. */
export async function requestRentalAction(
  _previous: FormState<RentalRequestField>,
  formData: FormData,
): Promise<FormState<RentalRequestField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const input = { vehicleId: formText(formData, "vehicleId"), startDate: formText(formData, "startDate"), endDate: formText(formData, "endDate") };
  try {
    await requestRental(principal, input);
  } catch (error) {
    return formFailure(error, RENTAL_REQUEST_FIELDS, input);
  }
  revalidatePath("/rentals/mine");
  redirect("/rentals/mine");
}

export async function cancelRentalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await cancelRental(principal, formText(formData, "id"));
  } catch (error) {
    return formFailure(error, []);
  }
  revalidatePath("/rentals/mine");
  return { status: "success", message: "Rental cancelled." };
}
