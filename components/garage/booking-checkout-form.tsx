"use client";

import { useActionState } from "react";
import { primaryButtonClass, selectClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, inputClass } from "@/components/ui/form";
import type { BookingField } from "@/lib/modules/garage/schemas";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type BookAction = (previous: FormState<BookingField>, formData: FormData) => Promise<FormState<BookingField>>;

interface SlotChoice {
  start: string;
  time: string;
  freeBays: number;
}

/** Pick a free slot (buttons), pick-up or drop-off, notes; "Book" books the car's cart. */
export function BookingCheckoutForm({
  action,
  carId,
  slots,
  addresses,
}: {
  action: BookAction;
  carId: string;
  slots: readonly SlotChoice[];
  addresses: ReadonlyArray<{ id: string; label: string }>;
}) {
  const [state, formAction, pending] = useActionState<FormState<BookingField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-5" aria-label="Book a drop-off slot">
      <input type="hidden" name="carId" value={carId} />
      <fieldset>
        <legend className="text-sm font-medium">Drop-off time</legend>
        {slots.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No free slots that day for this work. Try another day.</p>
        ) : (
          <div className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6">
            {slots.map((slot, index) => (
              <label key={slot.start} className="cursor-pointer">
                <input type="radio" name="slotStart" value={slot.start} defaultChecked={state.values?.slotStart ? state.values.slotStart === slot.start : index === 0} className="peer sr-only" />
                <span
                  data-testid="slot-button"
                  className="block rounded-lg border border-line bg-surface px-2 py-2 text-center text-sm peer-checked:border-brand peer-checked:bg-brand-soft peer-focus-visible:outline-2 peer-focus-visible:outline-brand"
                >
                  {slot.time}
                  <span className="block text-xs text-ink-muted">
                    {slot.freeBays} {slot.freeBays === 1 ? "bay" : "bays"}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.slotStart && <p className={`mt-1 text-xs ${errorTextClass}`}>{errors.slotStart}</p>}
      </fieldset>
      <div>
        <label htmlFor="checkout-pickup" className="text-sm font-medium">
          Pick-up
        </label>
        <select id="checkout-pickup" name="pickupAddressId" defaultValue={state.values?.pickupAddressId ?? ""} className={selectClass}>
          <option value="">I will drop the car off at the garage</option>
          {addresses.map((address) => (
            <option key={address.id} value={address.id}>
              Pick up from {address.label}
            </option>
          ))}
        </select>
        {errors.pickupAddressId && <p className={`text-xs ${errorTextClass}`}>{errors.pickupAddressId}</p>}
      </div>
      <div>
        <label htmlFor="checkout-notes" className="text-sm font-medium">
          Notes for the workshop (optional)
        </label>
        <textarea id="checkout-notes" name="notes" rows={2} maxLength={1000} defaultValue={state.values?.notes} className={inputClass} />
        {errors.notes && <p className={`text-xs ${errorTextClass}`}>{errors.notes}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || slots.length === 0} className={primaryButtonClass}>
          {pending ? "Booking…" : "Book"}
        </button>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}
