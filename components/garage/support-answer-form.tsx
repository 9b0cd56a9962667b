"use client";

import { useActionState } from "react";
import { selectClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { SUPPORT_QUERY_STATUS_LABELS, SUPPORT_QUERY_STATUSES, type SupportQueryStatusName } from "@/lib/modules/garage/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type Field = "answer" | "status";
type AnswerAction = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/** Staff: answer a query (it becomes ANSWERED) and/or change its status. */
export function SupportAnswerForm({ action, queryId, status }: { action: AnswerAction; queryId: string; status: SupportQueryStatusName }) {
  const [state, formAction, pending] = useActionState<FormState<Field>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-3 space-y-2" aria-label="Answer this query">
      <input type="hidden" name="id" value={queryId} />
      <label htmlFor={`answer-${queryId}`} className="text-xs font-medium">
        Answer
      </label>
      <textarea id={`answer-${queryId}`} name="answer" rows={3} maxLength={5000} defaultValue={state.values?.answer} className={`${inputClass} mt-0 text-sm`} />
      {errors.answer && <p className={`text-xs ${errorTextClass}`}>{errors.answer}</p>}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs font-medium">
          Status
          <select name="status" defaultValue="" className={`${selectClass} text-sm`}>
            <option value="">{`Keep (${SUPPORT_QUERY_STATUS_LABELS[status]}) / Answered with an answer`}</option>
            {SUPPORT_QUERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {SUPPORT_QUERY_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className={smallStrongButtonClass}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      <p aria-live="polite" className={`text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {errors.status ?? state.message}
      </p>
    </form>
  );
}
