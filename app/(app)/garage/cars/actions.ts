"use server";

import { ADDRESS_FIELDS, CUSTOMER_CAR_FIELDS } from "@/lib/modules/garage/schemas";
import { createAddress, deleteAddress } from "@/lib/modules/garage/services/addresses";
import { createCar, deleteCar, updateCar } from "@/lib/modules/garage/services/cars";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** A number field: digits become a number, anything else goes to the service as typed (and is a 422 there). */
function formWholeNumber(form: unknown, name: string): number | string | undefined {
  const text = formText(form, name).trim();
  if (text === "") return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

const carValues = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([key]) => key !== "id").map(([key, value]) => [key, value === undefined || value === null ? "" : String(value)]));

/** The browser's door to `createCar`: same rules as POST /api/v1/customer-cars. */
export const addCarAction = formAction({
  fields: CUSTOMER_CAR_FIELDS,
  read: (form) => ({
    carModelId: formText(form, "carModelId"),
    plate: formText(form, "plate"),
    vin: formText(form, "vin"),
    colour: formText(form, "colour"),
    odometerKm: formWholeNumber(form, "odometerKm"),
  }),
  values: carValues,
  run: createCar,
  done: (car) => `${car.plate} added.`,
});

/** The odometer and colour of one car (PATCH /api/v1/customer-cars/{id}). */
export const updateCarAction = formAction({
  fields: CUSTOMER_CAR_FIELDS,
  read: (form) => ({ id: formText(form, "id"), changes: { colour: formText(form, "colour"), odometerKm: formWholeNumber(form, "odometerKm") } }),
  values: (input) => carValues(input.changes),
  run: (principal, input) => updateCar(principal, input.id, input.changes),
  done: (car) => `${car.plate} saved.`,
});

export const deleteCarAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteCar,
  done: () => "Car removed.",
});

export const addAddressAction = formAction({
  fields: ADDRESS_FIELDS,
  read: (form) => ({
    areaId: formText(form, "areaId"),
    label: formText(form, "label"),
    line1: formText(form, "line1"),
    line2: formText(form, "line2"),
    postcode: formText(form, "postcode"),
  }),
  values: (input) => input,
  run: createAddress,
  done: () => "Address added.",
});

export const deleteAddressAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteAddress,
  done: () => "Address removed.",
});
