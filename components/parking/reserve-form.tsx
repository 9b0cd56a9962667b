"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useActionState, useId } from "react";
import type { ReserveField, ReserveState } from "@/lib/modules/parking/schemas";
import { linkClass, primaryButtonClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage } from "@/components/ui/form";
import { costText, credits } from "@/lib/modules/parking/view-models/board";
import { formText } from "@/lib/ui/form-state";
import { localInputToIso, suggestedReservation, toLocalInputValue, type Interval } from "@/lib/modules/parking/view-models/time";
import { DateTimeField } from "./datetime-field";
import { LocalRange } from "./local-time";
import { useHydrated, useNow } from "./use-now";

type ReserveAction = (previous: ReserveState, formData: FormData) => Promise<ReserveState>;

interface ReserveFormProps {
  action: ReserveAction;
  spotId: string;
  /** Published windows of the spot, for the suggested times. */
  windows: readonly Interval[];
  cost: number;
  /** The shortest reservation the service accepts, in minutes. */
  minMinutes: number;
  ownerName: string;
  /** The reader's balance, when they may see it. */
  balance: number | null;
  serverNow: number;
}

const IDLE: ReserveState = { status: "idle" };

/**
 * Start and end in the reader's local time, the cost and who receives it, and the
 * reader's balance. The times go to the server as instants with the local offset.
 */
export function ReserveForm({ action, spotId, windows, cost, minMinutes, ownerName, balance, serverNow }: ReserveFormProps) {
  const formId = useId();
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  const [state, formAction, pending] = useActionState<ReserveState, FormData>(async (previous, formData) => {
    const typed: Record<ReserveField, string> = { startsAt: formText(formData, "startsAt"), endsAt: formText(formData, "endsAt") };
    formData.set("startsAt", localInputToIso(typed.startsAt));
    formData.set("endsAt", localInputToIso(typed.endsAt));
    const result = await action(previous, formData);
    return { ...result, values: typed };
  }, IDLE);

  const errors = state.fieldErrors ?? {};
  const suggestion = suggestedReservation(windows, new Date(now), minMinutes);
  // After an error the form shows what was typed; otherwise a suggestion inside the first open window.
  const values =
    state.status === "error" && state.values
      ? state.values
      : { startsAt: toLocalInputValue(suggestion.startsAt), endsAt: toLocalInputValue(suggestion.endsAt) };
  const short = state.status === "error" ? state.credits : undefined;

  return (
    // The suggestion is in the reader's time zone, known only once hydrated: the form starts again then.
    <form key={hydrated ? "local" : "server"} action={formAction} className="mt-4 space-y-4" aria-describedby={`${formId}-cost`}>
      <input type="hidden" name="spotId" value={spotId} />
      <div className="grid gap-4">
        <DateTimeField
          formId={formId}
          name="startsAt"
          label="Start"
          defaultValue={hydrated ? values.startsAt : undefined}
          error={errors.startsAt}
          required
        />
        <DateTimeField
          formId={formId}
          name="endsAt"
          label="End"
          defaultValue={hydrated ? values.endsAt : undefined}
          error={errors.endsAt}
          hint="15 minutes to 24 hours, inside a published window"
          required
        />
      </div>

      <div id={`${formId}-cost`} className="rounded-lg border border-line bg-surface px-4 py-3 text-sm">
        <p className="font-medium" data-testid="reserve-cost">
          {costText(cost)}
        </p>
        <p className="mt-1 text-ink-muted">
          Paid to <span className="font-medium text-ink" data-testid="reserve-owner">{ownerName}</span> when the reservation
          starts; held in escrow until then. Cancel before the start for a full refund.
        </p>
        {balance !== null && (
          <p className="mt-1 text-ink-muted">
            Your balance: <span className="font-medium text-ink" data-testid="reserve-balance">{credits(balance)}</span>
          </p>
        )}
      </div>

      <FormMessage status={state.status} message={state.message} />
      {short && (
        <p className={`text-sm ${errorTextClass}`} data-testid="insufficient-credits">
          You have {credits(short.balance)}; this reservation costs {credits(short.cost)}.
        </p>
      )}
      {state.status === "success" && state.reservation && (
        <p className="text-sm" data-testid="reservation-confirmation">
          <LocalRange startsAt={state.reservation.startsAt} endsAt={state.reservation.endsAt} /> ·{" "}
          <IntentLink href="/parking/reservations" className={linkClass}>
            Your reservations
          </IntentLink>
        </p>
      )}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Reserving…" : "Reserve"}
      </button>
    </form>
  );
}
