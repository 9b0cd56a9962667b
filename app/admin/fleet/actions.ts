"use server";

import { VEHICLE_FIELDS, type VehicleField } from "@/lib/modules/rentals/schemas";
import { createVehicle, deleteVehicle, setVehicleStatus } from "@/lib/modules/rentals/services/vehicles";
import { VEHICLE_STATUS_LABELS } from "@/lib/modules/rentals/vocabulary";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Form fields are text; the service wants numbers where the API has them. Blank stays blank (a 422 "required"). */
function number(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

export const createVehicleAction = formAction({
  fields: VEHICLE_FIELDS,
  read: (form) => Object.fromEntries(VEHICLE_FIELDS.map((field) => [field, formText(form, field)])) as Record<VehicleField, string>,
  values: (values) => values,
  run: (principal, values) =>
    createVehicle(principal, {
      ...values,
      year: number(values.year),
      seats: number(values.seats),
      dailyPrice: number(values.dailyPrice),
      photoUrl: values.photoUrl.trim() || null,
    }),
  done: (vehicle) => `Added ${vehicle.make} ${vehicle.model} (${vehicle.plate}).`,
});

export const setVehicleStatusAction = formAction({
  read: (form) => ({ id: formText(form, "id"), status: formText(form, "status") }),
  run: (principal, { id, status }) => setVehicleStatus(principal, id, { status }),
  done: (vehicle) => `Now ${VEHICLE_STATUS_LABELS[vehicle.status].toLowerCase()}.`,
});

export const deleteVehicleAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteVehicle,
  done: () => "Vehicle deleted.",
});
