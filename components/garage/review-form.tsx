"use client";

import { useActionState } from "react";
import { smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type Field = "rating" | "text";
type ReviewAction = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/**
 * A review: 1–5 stars (big radio targets) and a text. `hidden` carries the booked service (a new
 * review) or the review's id (a change); `ratingLocked` leaves the rating out (staff moderate text).
 */
export function ReviewForm({
  action,
  hidden,
  label,
  submitLabel,
  initial,
  ratingLocked = false,
}: {
  action: ReviewAction;
  hidden: Record<string, string>;
  label: string;
  submitLabel: string;
  initial?: { rating: number; text: string };
  ratingLocked?: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState<Field>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const formId = Object.values(hidden).join("-");
  return (
    <form action={formAction} className="space-y-2" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!ratingLocked && (
        <fieldset>
          <legend className="text-xs font-medium">Rating</legend>
          <div className="mt-1 flex gap-1">
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border border-line has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
                <input type="radio" name="rating" value={value} defaultChecked={initial?.rating === value} required className="sr-only" />
                <span aria-hidden="true">{value}★</span>
                <span className="sr-only">{`${value} out of 5`}</span>
              </label>
            ))}
          </div>
          {errors.rating && <p className={`text-xs ${errorTextClass}`}>{errors.rating}</p>}
        </fieldset>
      )}
      <label htmlFor={`review-${formId}`} className="block text-xs font-medium">
        Your words (optional)
      </label>
      <textarea
        id={`review-${formId}`}
        name="text"
        rows={3}
        maxLength={2000}
        defaultValue={state.values?.text ?? initial?.text}
        aria-invalid={errors.text ? true : undefined}
        className={`${inputClass} mt-0 text-sm`}
      />
      {errors.text && <p className={`text-xs ${errorTextClass}`}>{errors.text}</p>}
      <button type="submit" disabled={pending} className={smallStrongButtonClass}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <p aria-live="polite" className={`text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {state.message}
      </p>
    </form>
  );
}
