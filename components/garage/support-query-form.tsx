"use client";

import { useActionState } from "react";
import { primaryButtonClass, selectClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, inputClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type Field = "subject" | "message" | "bookingId";
type OpenQueryAction = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/** A new support query, optionally about one of the customer's bookings. */
export function SupportQueryForm({ action, bookings }: { action: OpenQueryAction; bookings: ReadonlyArray<{ id: string; label: string }> }) {
  const [state, formAction, pending] = useActionState<FormState<Field>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" aria-label="Ask the garage">
      <div>
        <label htmlFor="query-subject" className="text-sm font-medium">
          Subject
        </label>
        <input id="query-subject" name="subject" required maxLength={200} defaultValue={state.values?.subject} className={inputClass} aria-invalid={errors.subject ? true : undefined} />
        {errors.subject && <p className={`text-xs ${errorTextClass}`}>{errors.subject}</p>}
      </div>
      <div>
        <label htmlFor="query-message" className="text-sm font-medium">
          Your question
        </label>
        <textarea id="query-message" name="message" required rows={4} maxLength={5000} defaultValue={state.values?.message} className={inputClass} aria-invalid={errors.message ? true : undefined} />
        {errors.message && <p className={`text-xs ${errorTextClass}`}>{errors.message}</p>}
      </div>
      {bookings.length > 0 && (
        <div>
          <label htmlFor="query-booking" className="text-sm font-medium">
            About a booking (optional)
          </label>
          <select id="query-booking" name="bookingId" defaultValue={state.values?.bookingId ?? ""} className={selectClass}>
            <option value="">No particular booking</option>
            {bookings.map((booking) => (
              <option key={booking.id} value={booking.id}>
                {booking.label}
              </option>
            ))}
          </select>
          {errors.bookingId && <p className={`text-xs ${errorTextClass}`}>{errors.bookingId}</p>}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Sending…" : "Send"}
        </button>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}
