"use client";

import { useActionState } from "react";
import { smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type Field = "mechanicId" | "startsAt" | "endsAt";

interface AssignFormProps {
  action: (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
  bookingId: string;
  date: string;
  mechanics: ReadonlyArray<{ id: string; name: string }>;
  from: string;
  to: string;
  carPlate: string;
}

/** Pick a mechanic and a span for an unassigned booking (the planner). */
export function AssignForm({ action, bookingId, date, mechanics, from, to, carPlate }: AssignFormProps) {
  const [state, formAction, pending] = useActionState<FormState<Field>, FormData>(action, IDLE_FORM);
  const id = (name: string) => `assign-${bookingId}-${name}`;
  const error = (field: Field) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={`Assign ${carPlate}`}>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="date" value={date} />
      <label htmlFor={id("mechanicId")} className="text-xs">
        Mechanic
        <select id={id("mechanicId")} name="mechanicId" required className={inputClass} aria-invalid={Boolean(error("mechanicId"))}>
          {mechanics.map((mechanic) => (
            <option key={mechanic.id} value={mechanic.id}>
              {mechanic.name} ({mechanic.id})
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={id("from")} className="text-xs">
        From
        <input id={id("from")} type="time" name="from" defaultValue={from} required className={inputClass} aria-invalid={Boolean(error("startsAt"))} />
      </label>
      <label htmlFor={id("to")} className="text-xs">
        To
        <input id={id("to")} type="time" name="to" defaultValue={to} required className={inputClass} aria-invalid={Boolean(error("endsAt"))} />
      </label>
      <button type="submit" disabled={pending || mechanics.length === 0} className={smallStrongButtonClass}>
        {pending ? "Assigning…" : "Assign"}
      </button>
      <p aria-live="polite" className={`basis-full text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {state.status === "error" ? [state.message, error("mechanicId"), error("startsAt"), error("endsAt")].filter(Boolean).join(" ") : state.message}
      </p>
    </form>
  );
}
