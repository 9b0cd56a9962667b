"use client";

import { useActionState } from "react";
import type { RowAction } from "@/components/ui/action-button";
import { errorTextClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

/** A service's star: one press stars or unstars it (the page re-renders with the new state). */
export function FavouriteStar({ action, serviceId, serviceName, starred }: { action: RowAction; serviceId: string; serviceName: string; starred: boolean }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  return (
    <form action={submit} className="flex flex-col items-end">
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="starred" value={String(!starred)} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={starred}
        aria-label={starred ? `Remove ${serviceName} from favourites` : `Add ${serviceName} to favourites`}
        className={`grid h-11 w-11 place-items-center rounded-full text-2xl leading-none transition hover:bg-brand-soft focus-visible:outline-2 focus-visible:outline-brand ${
          starred ? "text-amber-500" : "text-ink-muted"
        }`}
      >
        <span aria-hidden="true">{starred ? "★" : "☆"}</span>
      </button>
      {state.status === "error" && (
        <p role="alert" className={`text-xs ${errorTextClass}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
