"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { RegisterField } from "@/lib/identity/forms";
import { FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import { formText, IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { safeCallbackPath } from "@/lib/ui/safe-callback";

type RegisterAction = (previous: FormState<RegisterField>, formData: FormData) => Promise<FormState<RegisterField>>;

export function RegisterForm({ registerAction, callbackUrl }: { registerAction: RegisterAction; callbackUrl: string | null }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<FormState<RegisterField>, FormData>(async (previous, formData) => {
    const registered = await registerAction(previous, formData);
    if (registered.status !== "success") return registered;
    const result = await signIn("credentials", {
      username: formText(formData, "email"),
      password: formText(formData, "password"),
      redirect: false,
    });
    if (!result?.ok || result.error) {
      return { status: "error", message: "Your account was created, but signing in failed. Please sign in." };
    }
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
    return registered;
  }, IDLE_FORM);

  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <TextField formId="register" name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={errors.name} required />
      <TextField formId="register" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={values.phone} error={errors.phone} hint="7 to 15 digits, optionally starting with +" required />
      <TextField formId="register" name="email" label="Email" type="email" autoComplete="email" defaultValue={values.email} error={errors.email} required />
      <TextField formId="register" name="password" label="Password" type="password" autoComplete="new-password" error={errors.password} hint="At least 8 characters" required />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
