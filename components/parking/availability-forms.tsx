"use client";

import { useActionState, useId, useState } from "react";
import type { ToggleField, WindowField } from "@/lib/modules/parking/schemas";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form";
import { formText, IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import {
  formatDateTime,
  formatTime,
  localInputToIso,
  parseLocalInput,
  roundUpToStep,
  startInputToIso,
  startOfLocalDay,
  suggestedFreeUntil,
  toLocalInputValue,
} from "@/lib/modules/parking/view-models/time";
import { DateTimeField } from "./datetime-field";
import { useHydrated, useNow } from "./use-now";

type WindowAction = (previous: FormState<WindowField>, formData: FormData) => Promise<FormState<WindowField>>;
type ToggleAction = (previous: FormState<ToggleField>, formData: FormData) => Promise<FormState<ToggleField>>;

const HOUR = 3_600_000;

/**
 * Publishes a window [from, to) in which others may reserve the spot. A start in
 * the current minute means "from now".
 */
export function PublishWindowForm({ action, spotId, spotLabel, serverNow }: { action: WindowAction; spotId: string; spotLabel: string; serverNow: number }) {
  const formId = useId();
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  const [state, formAction, pending] = useActionState<FormState<WindowField>, FormData>(async (previous, formData) => {
    const typed: Record<WindowField, string> = { from: formText(formData, "from"), to: formText(formData, "to") };
    formData.set("from", startInputToIso(typed.from, new Date()));
    formData.set("to", localInputToIso(typed.to));
    const result = await action(previous, formData);
    return { ...result, values: typed };
  }, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const start = roundUpToStep(new Date(now), 15);
  const suggested = { from: toLocalInputValue(start), to: toLocalInputValue(new Date(start.getTime() + 4 * HOUR)) };
  const values = state.status === "error" && state.values ? { ...suggested, ...state.values } : suggested;

  return (
    <form key={hydrated ? "local" : "server"} action={formAction} className="space-y-3" aria-label={`Publish a window for ${spotLabel}`}>
      <input type="hidden" name="spotId" value={spotId} />
      <div className="grid gap-3">
        <DateTimeField formId={formId} name="from" label="From" defaultValue={hydrated ? values.from : undefined} error={errors.from} required />
        <DateTimeField formId={formId} name="to" label="To" defaultValue={hydrated ? values.to : undefined} error={errors.to} required />
      </div>
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Publishing…" : "Publish window"}
      </button>
    </form>
  );
}

/**
 * The quick toggle: "Free until …" opens the spot from now until the chosen time;
 * "Not available" withdraws everything offered from now on (refused while a
 * reservation is confirmed in it).
 */
export function AvailabilityToggle({ action, spotId, spotLabel, serverNow }: { action: ToggleAction; spotId: string; spotLabel: string; serverNow: number }) {
  const formId = useId();
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  const [typedUntil, setTypedUntil] = useState<string | null>(null);
  const [state, formAction, pending] = useActionState<FormState<ToggleField>, FormData>(async (previous, formData) => {
    const until = formText(formData, "until");
    formData.set("until", localInputToIso(until));
    const result = await action(previous, formData);
    // Saved: the form starts again from a fresh suggestion.
    if (result.status === "success") setTypedUntil(null);
    return { ...result, values: { until } };
  }, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const suggested = toLocalInputValue(suggestedFreeUntil(new Date(now)));
  const defaultUntil = state.status === "error" && state.values?.until ? state.values.until : suggested;
  const shownUntil = parseLocalInput(typedUntil ?? defaultUntil);
  const untilLabel = shownUntil
    ? startOfLocalDay(shownUntil).getTime() === startOfLocalDay(new Date(now)).getTime()
      ? formatTime(shownUntil.toISOString())
      : formatDateTime(shownUntil.toISOString())
    : null;

  return (
    <form key={hydrated ? "local" : "server"} action={formAction} className="space-y-3" aria-label={`Quick availability for ${spotLabel}`}>
      <input type="hidden" name="spotId" value={spotId} />
      <DateTimeField
        formId={formId}
        name="until"
        label="Free until"
        defaultValue={hydrated ? defaultUntil : undefined}
        error={errors.until}
        onChange={setTypedUntil}
        required
      />
      <FormMessage status={state.status} message={state.message} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="available" value="true" disabled={pending} className={primaryButtonClass}>
          {hydrated && untilLabel ? `Free until ${untilLabel}` : "Free until …"}
        </button>
        <button type="submit" name="available" value="false" formNoValidate disabled={pending} className={secondaryButtonClass}>
          Not available
        </button>
      </div>
      {pending && (
        <p role="status" className="text-sm text-ink-muted">
          Saving…
        </p>
      )}
    </form>
  );
}
