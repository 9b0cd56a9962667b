"use client";

import { useActionState } from "react";
import type { ProfileField } from "@/lib/identity/forms";
import { FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type ProfileAction = (previous: FormState<ProfileField>, formData: FormData) => Promise<FormState<ProfileField>>;

export function ProfileForm({ action, user }: { action: ProfileAction; user: Record<ProfileField, string> }) {
  const [state, formAction, pending] = useActionState<FormState<ProfileField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  // After an error the form shows what was typed; otherwise the saved values.
  const values = state.status === "error" && state.values ? { ...user, ...state.values } : user;
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <TextField formId="profile" name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={errors.name} required />
      <TextField formId="profile" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={values.phone} error={errors.phone} required />
      <TextField formId="profile" name="email" label="Email" type="email" autoComplete="email" defaultValue={values.email} error={errors.email} required />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Saving…" : "Save details"}
      </button>
    </form>
  );
}
