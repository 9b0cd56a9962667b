"use server";

import { updateGstRate } from "@/lib/modules/garage/services/gst";
import { formInteger } from "@/lib/modules/garage/view-models/catalogue-form-values";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export const updateGstRateAction = formAction({
  fields: ["label", "basisPoints"] as const,
  read: (form) => ({ code: formText(form, "code"), label: formText(form, "label"), basisPoints: formInteger(form, "basisPoints"), typed: formText(form, "basisPoints") }),
  values: ({ label, typed }) => ({ label, basisPoints: typed }),
  run: (principal, { code, label, basisPoints }) => updateGstRate(principal, code, { label, basisPoints }),
  done: (rate) => `Saved ${rate.label}: it applies to bookings made from now on.`,
});
