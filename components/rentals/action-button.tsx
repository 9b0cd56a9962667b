"use client";

import { useActionState, useState } from "react";
import { errorTextClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

export type RowAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export const smallButtonClass =
  "inline-flex items-center justify-center rounded-full px-3 py-1.5 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-wait disabled:opacity-60";
export const quietButtonClass = `${smallButtonClass} border border-line bg-surface-raised hover:border-brand`;
export const strongButtonClass = `${smallButtonClass} bg-brand text-brand-ink hover:opacity-90`;
export const dangerButtonClass = `${smallButtonClass} border border-line bg-surface-raised hover:border-red-600 hover:text-red-700 dark:hover:border-red-400 dark:hover:text-red-400`;

interface ActionButtonProps {
  action: RowAction;
  /** Hidden fields sent with the action, e.g. `{ id }`. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** Accessible name when the visible label is not enough on its own (e.g. "Approve Alice's request"). */
  ariaLabel?: string;
  className?: string;
  /** Ask before sending. */
  confirm?: { question: string; yes: string };
}

/** One server action behind a button, its pending state and its error shown in place. */
export function ActionButton({ action, fields, label, pendingLabel, ariaLabel, className = quietButtonClass, confirm }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const [confirming, setConfirming] = useState(false);

  if (confirm && !confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button type="button" onClick={() => setConfirming(true)} aria-label={ariaLabel} className={className}>
          {label}
        </button>
        <ErrorText state={state} />
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && <p className="text-xs">{confirm.question}</p>}
      <div className="flex gap-1.5">
        {confirm && (
          <button type="button" onClick={() => setConfirming(false)} className={quietButtonClass}>
            Keep it
          </button>
        )}
        <button type="submit" disabled={pending} aria-label={ariaLabel && !confirm ? ariaLabel : undefined} className={className}>
          {pending ? pendingLabel : confirm ? confirm.yes : label}
        </button>
      </div>
      <ErrorText state={state} />
    </form>
  );
}

function ErrorText({ state }: { state: FormState }) {
  return (
    <p aria-live="polite" className={`max-w-64 text-right text-xs ${errorTextClass}`}>
      {state.status === "error" ? state.message : null}
    </p>
  );
}
