"use server";

import { createInspectionTemplate, deleteInspectionTemplate, updateInspectionTemplate } from "@/lib/modules/garage/services/inspection-templates";
import { formFlag, formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

const FIELDS = ["name", "description", "items"] as const;

/** The items travel as JSON in one hidden field (the form's rows); anything unreadable is handed on for the service to refuse. */
function readItems(form: unknown): unknown {
  try {
    return JSON.parse(formText(form, "items")) as unknown;
  } catch {
    return formText(form, "items");
  }
}

function readTemplate(form: unknown) {
  return {
    id: formText(form, "id"),
    input: { name: formText(form, "name"), description: formText(form, "description"), active: formFlag(form, "active"), items: readItems(form) },
  };
}
const templateValues = ({ input }: ReturnType<typeof readTemplate>) => ({ name: input.name, description: input.description });

export const createInspectionTemplateAction = formAction({
  fields: FIELDS,
  read: readTemplate,
  values: templateValues,
  run: (principal, { input }) => createInspectionTemplate(principal, input),
  done: (template) => `Added ${template.name}.`,
});

export const updateInspectionTemplateAction = formAction({
  fields: FIELDS,
  read: readTemplate,
  values: templateValues,
  run: (principal, { id, input }) => updateInspectionTemplate(principal, id, input),
  done: (template) => `Saved ${template.name}.`,
});

export const deleteInspectionTemplateAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteInspectionTemplate,
  done: () => "Template deleted. Inspections started from it keep their items.",
});
