"use client";

import { useActionState, useState } from "react";
import { errorTextClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type DeleteUserAction = (previous: FormState, formData: FormData) => Promise<FormState>;

const smallButton = "rounded-full px-3 py-1 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60";

/** Delete, then an inline "are you sure" before anything is sent. */
export function DeleteUserButton({ action, userId, userName }: { action: DeleteUserAction; userId: string; userName: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        aria-label={`Delete ${userName}`}
        className={`${smallButton} border border-line bg-surface-raised hover:border-red-600 hover:text-red-700 focus-visible:outline-brand dark:hover:border-red-400 dark:hover:text-red-400`}
      >
        Delete
      </button>
    );
  }
  return (
    <form action={formAction} className="ml-auto flex w-max flex-col items-end gap-1.5">
      <input type="hidden" name="id" value={userId} />
      <p className="text-xs">Delete this account?</p>
      <div className="flex gap-1.5">
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className={`${smallButton} border border-line bg-surface-raised hover:border-brand focus-visible:outline-brand`}
        >
          Cancel
        </button>
        <button
          type="submit"
          disabled={pending}
          aria-label={`Confirm deleting ${userName}`}
          className={`${smallButton} bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700 dark:bg-red-500 dark:text-red-950 dark:hover:bg-red-400`}
        >
          {pending ? "Deleting…" : "Delete"}
        </button>
      </div>
      <p aria-live="polite" className={`max-w-48 text-right text-xs ${errorTextClass}`}>
        {state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
