"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import { formText } from "@/lib/ui/form-state";
import { safeCallbackPath } from "@/lib/ui/safe-callback";

/** next-auth's code for "authorize() returned null": unknown user or wrong password. */
const BAD_CREDENTIALS = "CredentialsSignin";

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        username: formText(formData, "username"),
        password: formText(formData, "password"),
        redirect: false,
      });
      if (!result?.ok || result.error) {
        // Other errors are the server's own words, e.g. the rate limit's "Too many failed login attempts…".
        setError(
          !result?.error || result.error === BAD_CREDENTIALS
            ? "Incorrect phone/email or password."
            : result.error,
        );
        return;
      }
      router.replace(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4">
      <TextField formId="login" name="username" label="Phone or email" autoComplete="username" autoCapitalize="none" required />
      <TextField formId="login" name="password" label="Password" type="password" autoComplete="current-password" required />
      <FormMessage status={error ? "error" : "idle"} message={error ?? undefined} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
