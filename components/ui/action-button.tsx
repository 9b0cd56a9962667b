"use client";

import { useActionState, useState } from "react";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { smallButtonClass, smallDangerButtonClass } from "./buttons";
import { errorTextClass } from "./form";

/** A server action made with `formAction` (lib/ui/server-action.ts). */
export type RowAction = (previous: FormState, formData: FormData) => Promise<FormState>;

interface ActionButtonProps {
  action: RowAction;
  /** Hidden fields sent with the action, e.g. `{ id }`. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Accessible name when the visible label is not enough on its own (e.g. "Approve Alice's request"). */
  ariaLabel?: string;
  className?: string;
  /** Ask before sending (destructive actions): the question, the confirming button's text, and the one that backs out. */
  confirm?: { question: string; yes: string; keep?: string };
  /** Show the success message too (the page may not say what happened otherwise). */
  showSuccess?: boolean;
  /** Where the button sits in its row: the outcome lines up with it. */
  align?: "start" | "end";
  testId?: string;
}

/**
 * One server action behind a button: an optional "are you sure" before anything is
 * sent, the pending state, and the outcome (a 409's detail, say) shown in place.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  ariaLabel,
  className = smallButtonClass,
  confirm,
  showSuccess = false,
  align = "end",
  testId,
}: ActionButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.status === "success") setConfirming(false);
    return result;
  }, IDLE_FORM);
  const alignment = align === "end" ? "items-end text-right" : "items-start text-left";

  return (
    <div className={`flex flex-col gap-1 ${alignment}`} data-testid={testId}>
      {confirm && !confirming ? (
        <button type="button" onClick={() => setConfirming(true)} aria-label={ariaLabel} className={className}>
          {label}
        </button>
      ) : (
        <form action={formAction} className="flex flex-wrap items-center gap-1.5">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {confirm && <p className="text-xs">{confirm.question}</p>}
          {confirm && (
            <button type="button" onClick={() => setConfirming(false)} className={smallButtonClass}>
              {confirm.keep ?? "Keep"}
            </button>
          )}
          <button
            type="submit"
            disabled={pending}
            aria-label={ariaLabel && !confirm ? ariaLabel : undefined}
            className={confirm ? smallDangerButtonClass : className}
          >
            {pending ? pendingLabel : confirm ? confirm.yes : label}
          </button>
        </form>
      )}
      <p aria-live="polite" className={`max-w-64 text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {state.status === "error" || (showSuccess && state.status === "success") ? state.message : null}
      </p>
    </div>
  );
}
