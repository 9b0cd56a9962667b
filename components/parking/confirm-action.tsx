"use client";

import { useActionState, useState } from "react";
import { errorTextClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { smallDangerButtonClass, smallSecondaryButtonClass } from "./ui";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

interface ConfirmActionProps {
  action: Action;
  /** Hidden fields sent with the action (e.g. the id). */
  fields: Record<string, string>;
  /** The button's text, e.g. "Cancel reservation". */
  label: string;
  /** Its accessible name when the text alone is ambiguous, e.g. "Cancel reservation of B-12". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  testId?: string;
}

/**
 * A destructive action with an inline "are you sure" before anything is sent; the
 * outcome (a 409's detail, say) is shown in place.
 */
export function ConfirmAction({ action, fields, label, accessibleLabel, question, confirmLabel, pendingLabel, testId }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.status === "success") setConfirming(false);
    return result;
  }, IDLE_FORM);

  return (
    <div className="flex flex-col items-start gap-1.5" data-testid={testId}>
      {confirming ? (
        <form action={formAction} className="flex flex-wrap items-center gap-2">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="text-sm">{question}</p>
          <button type="button" onClick={() => setConfirming(false)} className={smallSecondaryButtonClass}>
            Keep
          </button>
          <button type="submit" disabled={pending} className={smallDangerButtonClass}>
            {pending ? pendingLabel : confirmLabel}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={accessibleLabel} className={smallSecondaryButtonClass}>
          {label}
        </button>
      )}
      <p aria-live="polite" className={`text-sm ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {state.status !== "idle" ? state.message : null}
      </p>
    </div>
  );
}
