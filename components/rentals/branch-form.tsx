"use client";

import { useActionState } from "react";
import type { BranchField } from "@/lib/modules/rentals/schemas";
import { FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type BranchAction = (previous: FormState<BranchField>, formData: FormData) => Promise<FormState<BranchField>>;

interface BranchFormProps {
  action: BranchAction;
  /** Editing an existing branch: its id and current values. */
  branch?: { id: string; name: string; address: string; city: string; phone: string; openingHours: string; active: boolean };
  submitLabel: string;
}

/** Create or edit a branch; field errors next to the fields, the outcome below. */
export function BranchForm({ action, branch, submitLabel }: BranchFormProps) {
  const [state, formAction, pending] = useActionState<FormState<BranchField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = { ...branch, ...(state.status === "error" ? state.values : {}) };
  const formId = branch ? `branch-${branch.id}` : "new-branch";
  return (
    <form key={!branch && state.status === "success" ? state.message : formId} action={formAction} className="mt-4 grid gap-4 sm:grid-cols-2">
      {branch && <input type="hidden" name="id" value={branch.id} />}
      <TextField formId={formId} name="name" label="Name" defaultValue={values.name} error={errors.name} required />
      <TextField formId={formId} name="city" label="City" defaultValue={values.city} error={errors.city} required />
      <TextField formId={formId} name="address" label="Address" defaultValue={values.address} error={errors.address} required />
      <TextField formId={formId} name="phone" label="Phone" type="tel" autoComplete="off" defaultValue={values.phone} error={errors.phone} required />
      <div className="sm:col-span-2">
        <TextField formId={formId} name="openingHours" label="Opening hours" defaultValue={values.openingHours} error={errors.openingHours} hint="e.g. Mon–Fri 08:00–18:00, Sat 09:00–13:00" required />
      </div>
      <label className="flex items-center gap-2 text-sm max-md:min-h-11 sm:col-span-2">
        <input type="checkbox" name="active" defaultChecked={branch?.active ?? true} className="h-4 w-4 accent-[var(--color-brand)]" />
        Taking rentals (customers can request its vehicles)
      </label>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
