"use server";

import { startInspection, submitInspection, updateInspection } from "@/lib/modules/garage/services/inspections";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export const startInspectionAction = formAction({
  fields: ["templateId"] as const,
  read: (form) => ({ bookingId: formText(form, "bookingId"), templateId: formText(form, "templateId") }),
  run: (principal, { bookingId, templateId }) => startInspection(principal, bookingId, { templateId }),
  done: () => "Inspection started.",
});

/** A blank measurement is "not measured"; anything else is handed on as a number (the service refuses what is not one). */
function readMeasurement(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? null : Number(trimmed);
}

export const saveInspectionItemAction = formAction({
  read: (form) => {
    const rating = formText(form, "rating");
    const serviceId = formText(form, "serviceId");
    return {
      bookingId: formText(form, "bookingId"),
      item: {
        id: formText(form, "itemId"),
        note: formText(form, "note"),
        ...(rating ? { rating } : {}),
        ...(formText(form, "takesMeasurement") === "yes" ? { measurement: readMeasurement(formText(form, "measurement")) } : {}),
        serviceId: serviceId || null,
      },
    };
  },
  run: (principal, { bookingId, item }) => updateInspection(principal, bookingId, { items: [item] }),
  done: () => "Saved.",
});

export const submitInspectionAction = formAction({
  read: (form) => formText(form, "bookingId"),
  run: submitInspection,
  done: (result) =>
    result.recommendations.length > 0
      ? `Submitted: ${result.recommendations.length} recommended ${result.recommendations.length === 1 ? "item awaits" : "items await"} the customer's approval.`
      : "Submitted: the car goes on to the booked work.",
});
