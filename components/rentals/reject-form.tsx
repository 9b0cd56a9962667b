"use client";

import { useActionState, useState } from "react";
import type { RejectionField } from "@/lib/modules/rentals/schemas";
import { smallButtonClass, smallDangerButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type RejectAction = (previous: FormState<RejectionField>, formData: FormData) => Promise<FormState<RejectionField>>;

/** "Decline", then a required reason in place, then the server action; errors stay next to the field. */
export function RejectForm({ action, rentalId, customerName }: { action: RejectAction; rentalId: string; customerName: string }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<FormState<RejectionField>, FormData>(action, IDLE_FORM);
  const fieldId = `reject-${rentalId}`;
  const reasonError = state.fieldErrors?.reason;

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`Decline ${customerName}'s request`} className={smallButtonClass}>
        Decline
      </button>
    );
  }
  return (
    <form action={formAction} className="flex w-full max-w-sm flex-col gap-2 sm:w-72">
      <input type="hidden" name="id" value={rentalId} />
      <label htmlFor={fieldId} className="text-xs font-medium">
        Reason for {customerName}
      </label>
      <textarea
        id={fieldId}
        name="reason"
        required
        rows={2}
        maxLength={500}
        defaultValue={state.values?.reason}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? `${fieldId}-error` : undefined}
        className={`${inputClass} mt-0 text-sm`}
        placeholder="e.g. The vehicle is booked for servicing that week."
      />
      <p id={`${fieldId}-error`} aria-live="polite" className={`text-xs ${errorTextClass}`}>
        {reasonError ?? (state.status === "error" ? state.message : null)}
      </p>
      <div className="flex justify-end gap-1.5">
        <button type="button" onClick={() => setOpen(false)} className={smallButtonClass}>
          Back
        </button>
        <button type="submit" disabled={pending} className={smallDangerButtonClass}>
          {pending ? "Declining…" : "Decline request"}
        </button>
      </div>
    </form>
  );
}
