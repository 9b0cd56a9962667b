"use client";

import { useActionState } from "react";
import { selectClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/modules/garage/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type PaymentField = "amountMinor" | "method" | "reference";
type CreditField = "reason" | "lines";
type DeskAction<Field extends string> = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

function Outcome({ state }: { state: FormState }) {
  return (
    <p aria-live="polite" className={`text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
      {state.message}
    </p>
  );
}

/** The desk takes a payment: amount in major units (at most the balance due), method, reference. */
export function PaymentForm({ action, invoiceId, number, currency, due }: { action: DeskAction<PaymentField>; invoiceId: string; number: string; currency: string; due: string }) {
  const [state, formAction, pending] = useActionState<FormState<PaymentField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-2" aria-label={`Record a payment for ${number}`}>
      <input type="hidden" name="id" value={invoiceId} />
      <input type="hidden" name="currency" value={currency} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs font-medium">
          Amount ({currency})
          <input
            name="amount"
            inputMode="decimal"
            required
            placeholder={due}
            defaultValue={state.values?.amountMinor}
            aria-invalid={errors.amountMinor ? true : undefined}
            className={`${inputClass} w-32 text-sm`}
          />
        </label>
        <label className="text-xs font-medium">
          Method
          <select name="method" defaultValue={state.values?.method ?? "CARD"} className={`${selectClass} text-sm`}>
            {PAYMENT_METHODS.map((method) => (
              <option key={method} value={method}>
                {PAYMENT_METHOD_LABELS[method]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium">
          Reference
          <input name="reference" maxLength={200} defaultValue={state.values?.reference} className={`${inputClass} w-36 text-sm`} />
        </label>
        <button type="submit" disabled={pending} className={smallStrongButtonClass}>
          {pending ? "Recording…" : "Record payment"}
        </button>
      </div>
      {(errors.amountMinor ?? errors.method ?? errors.reference) && <p className={`text-xs ${errorTextClass}`}>{errors.amountMinor ?? errors.method ?? errors.reference}</p>}
      <Outcome state={state} />
    </form>
  );
}

/** A credit note: a reason and the lines it credits (none ticked: every line not credited yet). */
export function CreditNoteForm({
  action,
  invoiceId,
  number,
  lines,
}: {
  action: DeskAction<CreditField>;
  invoiceId: string;
  number: string;
  lines: Array<{ position: number; label: string; credited: boolean }>;
}) {
  const [state, formAction, pending] = useActionState<FormState<CreditField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-2" aria-label={`Issue a credit note for ${number}`}>
      <input type="hidden" name="id" value={invoiceId} />
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium">Lines to credit (none ticked: all not credited yet)</legend>
        {lines.map((line) => (
          <label key={line.position} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="position" value={line.position} disabled={line.credited} />
            <span className={line.credited ? "text-ink-muted line-through" : undefined}>{line.label}</span>
          </label>
        ))}
      </fieldset>
      <label className="block text-xs font-medium">
        Reason
        <input name="reason" required maxLength={500} defaultValue={state.values?.reason} aria-invalid={errors.reason ? true : undefined} className={`${inputClass} text-sm`} />
      </label>
      {errors.reason && <p className={`text-xs ${errorTextClass}`}>{errors.reason}</p>}
      <button type="submit" disabled={pending} className={smallStrongButtonClass}>
        {pending ? "Issuing…" : "Issue credit note"}
      </button>
      <Outcome state={state} />
    </form>
  );
}
