"use server";

import { SUPPORT_QUERY_FIELDS } from "@/lib/modules/garage/schemas";
import { openQuery } from "@/lib/modules/garage/services/queries";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's door to `openQuery`: same rules as POST /api/v1/queries. */
export const openQueryAction = formAction({
  fields: SUPPORT_QUERY_FIELDS,
  read: (form) => {
    const bookingId = formText(form, "bookingId");
    return { subject: formText(form, "subject"), message: formText(form, "message"), ...(bookingId ? { bookingId } : {}) };
  },
  values: (input) => input,
  run: openQuery,
  done: () => "Sent. The answer will appear here.",
});
