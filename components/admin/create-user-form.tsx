"use client";

import { useActionState } from "react";
import type { NewUserField } from "@/lib/identity/forms";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type CreateUserAction = (previous: FormState<NewUserField>, formData: FormData) => Promise<FormState<NewUserField>>;

export function CreateUserForm({ action, roles }: { action: CreateUserAction; roles: Array<{ value: string; label: string }> }) {
  const [state, formAction, pending] = useActionState<FormState<NewUserField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <div>
        <label htmlFor="new-user-role" className="block text-sm font-medium">
          Role
        </label>
        <select
          id="new-user-role"
          name="role"
          defaultValue={values.role ?? roles[0]?.value}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? "new-user-role-error" : undefined}
          className={inputClass}
        >
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
        {errors.role && (
          <p id="new-user-role-error" className={`mt-1 text-sm ${errorTextClass}`}>
            {errors.role}
          </p>
        )}
      </div>
      <TextField formId="new-user" name="name" label="Full name" defaultValue={values.name} error={errors.name} required />
      <TextField formId="new-user" name="phone" label="Phone" type="tel" autoComplete="off" defaultValue={values.phone} error={errors.phone} required />
      <TextField formId="new-user" name="email" label="Email" type="email" autoComplete="off" defaultValue={values.email} error={errors.email} required />
      <TextField formId="new-user" name="password" label="Initial password" type="password" autoComplete="new-password" error={errors.password} hint="At least 8 characters; share it with the person securely" required />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}
