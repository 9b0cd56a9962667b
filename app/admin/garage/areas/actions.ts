"use server";

import { createArea, deleteArea, updateArea } from "@/lib/modules/garage/services/areas";
import { formFlag, formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

const FIELDS = ["name", "city", "postcode", "active"] as const;

function readArea(form: unknown) {
  return {
    id: formText(form, "id"),
    input: { name: formText(form, "name"), city: formText(form, "city"), postcode: formText(form, "postcode"), active: formFlag(form, "active") },
  };
}
const areaValues = ({ input }: ReturnType<typeof readArea>) => ({ name: input.name, city: input.city, postcode: input.postcode });

export const createAreaAction = formAction({
  fields: FIELDS,
  read: readArea,
  values: areaValues,
  run: (principal, { input }) => createArea(principal, input),
  done: (area) => `Added ${area.name}.`,
});

export const updateAreaAction = formAction({
  fields: FIELDS,
  read: readArea,
  values: areaValues,
  run: (principal, { id, input }) => updateArea(principal, id, input),
  done: (area) => `Saved ${area.name}.`,
});

export const deleteAreaAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteArea,
  done: () => "Area deleted.",
});
