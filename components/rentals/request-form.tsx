"use client";

import { useActionState, useState } from "react";
import type { RentalRequestField } from "@/lib/modules/rentals/schemas";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { daysBetween, parseCalendarDate } from "@/lib/modules/rentals/view-models/dates";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import type { BookedPeriod } from "@/lib/modules/rentals/views";

type RequestAction = (previous: FormState<RentalRequestField>, formData: FormData) => Promise<FormState<RentalRequestField>>;

interface RentalRequestFormProps {
  action: RequestAction;
  vehicleId: string;
  dailyPrice: number;
  today: string;
  initialStart?: string;
  initialEnd?: string;
  bookedPeriods: BookedPeriod[];
}

type Quote = { kind: "none" } | { kind: "invalid"; message: string } | { kind: "ok"; days: number; total: number; overlapsBooking: boolean };

function quoteFor(start: string, end: string, dailyPrice: number, today: string, booked: RentalRequestFormProps["bookedPeriods"]): Quote {
  const from = parseCalendarDate(start);
  const to = parseCalendarDate(end);
  if (!from || !to) return { kind: "none" };
  if (start < today) return { kind: "invalid", message: "The start date is in the past." };
  if (to <= from) return { kind: "invalid", message: "The return day must be after the start date." };
  const days = daysBetween(from, to);
  const overlapsBooking = booked.some((period) => period.startDate < end && period.endDate > start);
  return { kind: "ok", days, total: Math.round(days * dailyPrice * 100) / 100, overlapsBooking };
}

/** Dates in, a live price quote out (days × daily price, as the server will charge); submits a server action. */
export function RentalRequestForm({ action, vehicleId, dailyPrice, today, initialStart = "", initialEnd = "", bookedPeriods }: RentalRequestFormProps) {
  const [state, formAction, pending] = useActionState<FormState<RentalRequestField>, FormData>(action, IDLE_FORM);
  const [start, setStart] = useState(state.values?.startDate ?? initialStart);
  const [end, setEnd] = useState(state.values?.endDate ?? initialEnd);
  const errors = state.fieldErrors ?? {};
  const quote = quoteFor(start, end, dailyPrice, today, bookedPeriods);

  return (
    <form action={formAction} className="space-y-4" aria-label="Request this vehicle">
      <input type="hidden" name="vehicleId" value={vehicleId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="request-start" className="block text-sm font-medium">
            Pick-up day
          </label>
          <input
            id="request-start"
            name="startDate"
            type="date"
            required
            min={today}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            aria-invalid={errors.startDate ? true : undefined}
            aria-describedby={errors.startDate ? "request-start-error" : undefined}
            className={inputClass}
          />
          {errors.startDate && (
            <p id="request-start-error" className={`mt-1 text-sm ${errorTextClass}`}>
              {errors.startDate}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="request-end" className="block text-sm font-medium">
            Return day
          </label>
          <input
            id="request-end"
            name="endDate"
            type="date"
            required
            min={start || today}
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            aria-invalid={errors.endDate ? true : undefined}
            aria-describedby={errors.endDate ? "request-end-error" : undefined}
            className={inputClass}
          />
          {errors.endDate && (
            <p id="request-end-error" className={`mt-1 text-sm ${errorTextClass}`}>
              {errors.endDate}
            </p>
          )}
        </div>
      </div>

      <div aria-live="polite" data-testid="price-quote" className="rounded-lg border border-line bg-surface px-4 py-3 text-sm">
        {quote.kind === "none" && <p className="text-ink-muted">Choose both days to see the price: {formatMoney(dailyPrice)} per day.</p>}
        {quote.kind === "invalid" && <p className={errorTextClass}>{quote.message}</p>}
        {quote.kind === "ok" && (
          <>
            <p>
              {quote.days} {quote.days === 1 ? "day" : "days"} × {formatMoney(dailyPrice)} ={" "}
              <span className="text-lg font-semibold" data-testid="quote-total">
                {formatMoney(quote.total)}
              </span>
            </p>
            {quote.overlapsBooking && (
              <p className="mt-1 text-amber-800 dark:text-amber-300">These days overlap a confirmed booking, so the request is likely to be declined.</p>
            )}
          </>
        )}
      </div>

      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Sending request…" : "Request this vehicle"}
      </button>
      <p className="text-xs text-ink-muted">Nothing is charged now. You pay at pick-up; days kept past the return day are charged at the same rate.</p>
    </form>
  );
}
