"use server";

import { revalidatePath } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import { MESSAGES } from "@/lib/errors";
import { VEHICLE_FIELDS, type VehicleField } from "@/lib/modules/rentals/schemas";
import { createVehicle, deleteVehicle, setVehicleStatus } from "@/lib/modules/rentals/services/vehicles";
import { VEHICLE_STATUS_LABELS } from "@/lib/modules/rentals/vocabulary";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

/** Form fields are text; the service wants numbers where the API has them. Blank stays blank (a 422 "required"). */
function number(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export async function createVehicleAction(_previous: FormState<VehicleField>, formData: FormData): Promise<FormState<VehicleField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const values = Object.fromEntries(VEHICLE_FIELDS.map((field) => [field, formText(formData, field)])) as Record<VehicleField, string>;
  try {
    const vehicle = await createVehicle(principal, {
      ...values,
      year: number(values.year),
      seats: number(values.seats),
      dailyPrice: number(values.dailyPrice),
      photoUrl: values.photoUrl.trim() || null,
    });
    revalidatePath("/admin/fleet");
    return { status: "success", message: `Added ${vehicle.make} ${vehicle.model} (${vehicle.plate}).` };
  } catch (error) {
    return formFailure(error, VEHICLE_FIELDS, values);
  }
}

export async function setVehicleStatusAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    const vehicle = await setVehicleStatus(principal, formText(formData, "id"), { status: formText(formData, "status") });
    revalidatePath("/admin/fleet");
    return { status: "success", message: `Now ${VEHICLE_STATUS_LABELS[vehicle.status].toLowerCase()}.` };
  } catch (error) {
    return formFailure(error, []);
  }
}

export async function deleteVehicleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await deleteVehicle(principal, formText(formData, "id"));
  } catch (error) {
    return formFailure(error, []);
  }
  revalidatePath("/admin/fleet");
  return { status: "success", message: "Vehicle deleted." };
}
