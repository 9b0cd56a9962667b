"use client";

import { useActionState } from "react";
import type { PasswordField } from "@/lib/identity/forms";
import { FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { signOutTo } from "./sign-out";

type PasswordAction = (previous: FormState<PasswordField>, formData: FormData) => Promise<FormState<PasswordField>>;

export function PasswordForm({ action }: { action: PasswordAction }) {
  const [state, formAction, pending] = useActionState<FormState<PasswordField>, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    // The change has already ended this browser's session; clear its cookie and start over.
    if (result.status === "success") await signOutTo("/login?notice=password-changed");
    return result;
  }, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <TextField formId="password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} required />
      <TextField formId="password" name="newPassword" label="New password" type="password" autoComplete="new-password" error={errors.newPassword} hint="At least 8 characters" required />
      <TextField formId="password" name="confirmPassword" label="Repeat new password" type="password" autoComplete="new-password" error={errors.confirmPassword} required />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending || state.status === "success"} className={primaryButtonClass}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
