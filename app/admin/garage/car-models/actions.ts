"use server";

import { createCarModel, deleteCarModel, updateCarModel } from "@/lib/modules/garage/services/car-models";
import { formInteger } from "@/lib/modules/garage/view-models/catalogue-form-values";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

const FIELDS = ["make", "model", "yearFrom", "yearTo", "segment", "fuel"] as const;

function readCarModel(form: unknown) {
  return {
    id: formText(form, "id"),
    input: {
      make: formText(form, "make"),
      model: formText(form, "model"),
      yearFrom: formInteger(form, "yearFrom"),
      yearTo: formInteger(form, "yearTo") ?? null,
      segment: formText(form, "segment"),
      fuel: formText(form, "fuel"),
    },
    values: Object.fromEntries(FIELDS.map((field) => [field, formText(form, field)])),
  };
}

export const createCarModelAction = formAction({
  fields: FIELDS,
  read: readCarModel,
  values: ({ values }) => values,
  run: (principal, { input }) => createCarModel(principal, input),
  done: (model) => `Added ${model.make} ${model.model}.`,
});

export const updateCarModelAction = formAction({
  fields: FIELDS,
  read: readCarModel,
  values: ({ values }) => values,
  run: (principal, { id, input }) => updateCarModel(principal, id, input),
  done: (model) => `Saved ${model.make} ${model.model}.`,
});

export const deleteCarModelAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteCarModel,
  done: () => "Car model deleted.",
});
