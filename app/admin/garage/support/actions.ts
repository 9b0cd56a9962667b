"use server";

import { SUPPORT_ANSWER_FIELDS } from "@/lib/modules/garage/schemas";
import { answerQuery } from "@/lib/modules/garage/services/queries";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's door to `answerQuery`: same rules as PATCH /api/v1/queries/{id}. */
export const answerQueryAction = formAction({
  fields: SUPPORT_ANSWER_FIELDS,
  read: (form) => {
    const answer = formText(form, "answer");
    const status = formText(form, "status");
    return { id: formText(form, "id"), changes: { ...(answer ? { answer } : {}), ...(status ? { status } : {}) } };
  },
  values: (input) => ({ answer: typeof input.changes.answer === "string" ? input.changes.answer : "" }),
  run: (principal, { id, changes }: { id: string; changes: Record<string, string> }) => answerQuery(principal, id, changes),
  done: () => "Saved. The customer sees it now.",
});
