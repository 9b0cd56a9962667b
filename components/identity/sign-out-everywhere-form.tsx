"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { signOutTo } from "./sign-out";

type SignOutEverywhereAction = (previous: FormState<never>, formData: FormData) => Promise<FormState<never>>;

export function SignOutEverywhereForm({ action }: { action: SignOutEverywhereAction }) {
  const [state, formAction, pending] = useActionState<FormState<never>, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    // Every session has ended on the server, this one included: clear its cookie and start over.
    if (result.status === "success") await signOutTo("/login?notice=signed-out-everywhere");
    return result;
  }, IDLE_FORM);
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <button
        type="submit"
        disabled={pending || state.status === "success"}
        className="inline-flex items-center justify-center rounded-full border border-red-700 px-5 py-2.5 text-sm font-medium text-red-700 transition hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-wait disabled:opacity-60 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950/40"
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </form>
  );
}
