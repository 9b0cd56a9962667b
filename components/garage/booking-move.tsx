"use client";

import { useActionState, useState } from "react";
import { smallButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { BOOKING_STATUS_LABELS, type BookingStatusName } from "@/lib/modules/garage/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

export type MoveField = "odometerKm" | "status";
export type MoveAction = (previous: FormState<MoveField>, formData: FormData) => Promise<FormState<MoveField>>;
type SubmitMove = (formData: FormData) => void;

/** Moves that read the odometer: the controls ask for it before moving. */
export const NEEDS_ODOMETER: ReadonlySet<BookingStatusName> = new Set<BookingStatusName>(["CHECKED_IN", "DELIVERED"]);

interface MoveButtonsProps {
  bookingId: string;
  carPlate: string;
  nextStatuses: readonly BookingStatusName[];
  submit: SubmitMove;
  pending: boolean;
  /** Check-in and delivery: open the odometer prompt instead of moving. */
  onAsk: (to: BookingStatusName) => void;
}

/** One button per allowed next status ("Check in…" and "Deliver…" ask for the odometer first). */
export function MoveButtons({ bookingId, carPlate, nextStatuses, submit, pending, onAsk }: MoveButtonsProps) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {nextStatuses.map((to) =>
        NEEDS_ODOMETER.has(to) ? (
          <button key={to} type="button" className={`${smallButtonClass} min-h-11`} onClick={() => onAsk(to)} aria-label={`${to === "CHECKED_IN" ? "Check in" : "Deliver"} ${carPlate}: read the odometer`}>
            {to === "CHECKED_IN" ? "Check in…" : "Deliver…"}
          </button>
        ) : (
          <form key={to} action={submit}>
            <input type="hidden" name="id" value={bookingId} />
            <input type="hidden" name="status" value={to} />
            <input type="hidden" name="odometerKm" value="" />
            <button type="submit" disabled={pending} className={`${smallButtonClass} min-h-11`} aria-label={`Move ${carPlate} to ${BOOKING_STATUS_LABELS[to]}`}>
              → {BOOKING_STATUS_LABELS[to]}
            </button>
          </form>
        ),
      )}
    </div>
  );
}

interface OdometerPromptProps {
  bookingId: string;
  to: BookingStatusName;
  submit: SubmitMove;
  pending: boolean;
  error?: string;
  onCancel: () => void;
}

/** Check-in and delivery read the odometer: the reading, then the move. */
export function OdometerPrompt({ bookingId, to, submit, pending, error, onCancel }: OdometerPromptProps) {
  return (
    <form action={submit} className="mt-2 space-y-1.5" aria-label={`${BOOKING_STATUS_LABELS[to]}: odometer`}>
      <input type="hidden" name="id" value={bookingId} />
      <input type="hidden" name="status" value={to} />
      <label className="block text-xs font-medium">
        Odometer (km)
        <input name="odometerKm" inputMode="numeric" pattern="[0-9]*" required autoFocus className={`${inputClass} mt-1 min-h-11`} aria-invalid={error ? true : undefined} />
      </label>
      {error && <p className={`text-xs ${errorTextClass}`}>{error}</p>}
      <div className="flex gap-1.5">
        <button type="submit" disabled={pending} className={`${smallStrongButtonClass} min-h-11`}>
          {to === "CHECKED_IN" ? "Check in" : "Deliver"}
        </button>
        <button type="button" className={`${smallButtonClass} min-h-11`} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The move action's state, and the odometer prompt that is open (if any), for one or many bookings. */
export function useBookingMove<Key>(action: MoveAction) {
  const [asking, setAsking] = useState<{ key: Key; to: BookingStatusName } | null>(null);
  const [state, submit, pending] = useActionState<FormState<MoveField>, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.status === "success") setAsking(null);
    return result;
  }, IDLE_FORM);
  return { asking, setAsking, state, submit, pending };
}

/** A single booking's next moves (the staff booking page): the buttons, the odometer prompt and the outcome. */
export function BookingMoves({ action, bookingId, carPlate, nextStatuses }: { action: MoveAction; bookingId: string; carPlate: string; nextStatuses: readonly BookingStatusName[] }) {
  const { asking, setAsking, state, submit, pending } = useBookingMove<string>(action);
  return (
    <div className="space-y-2" data-testid="booking-moves">
      {nextStatuses.length === 0 ? (
        <p className="text-sm text-ink-muted">No further move from here.</p>
      ) : (
        <MoveButtons bookingId={bookingId} carPlate={carPlate} nextStatuses={nextStatuses} submit={submit} pending={pending} onAsk={(to) => setAsking({ key: bookingId, to })} />
      )}
      {asking && <OdometerPrompt bookingId={bookingId} to={asking.to} submit={submit} pending={pending} error={state.fieldErrors?.odometerKm} onCancel={() => setAsking(null)} />}
      <p aria-live="polite" className={`text-sm ${state.status === "error" ? errorTextClass : "text-ink-muted"}`} data-testid="move-outcome">
        {pending ? "Moving…" : state.message}
      </p>
    </div>
  );
}
