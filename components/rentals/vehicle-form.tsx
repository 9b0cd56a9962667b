"use client";

import { useActionState, type ReactNode } from "react";
import type { VehicleField } from "@/lib/modules/rentals/schemas";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import {
  FUEL_LABELS,
  FUELS,
  SETTABLE_VEHICLE_STATUSES,
  TRANSMISSION_LABELS,
  TRANSMISSIONS,
  VEHICLE_STATUS_LABELS,
  VEHICLE_TYPE_LABELS,
  VEHICLE_TYPES,
} from "@/lib/modules/rentals/vocabulary";

type VehicleAction = (previous: FormState<VehicleField>, formData: FormData) => Promise<FormState<VehicleField>>;

interface FieldProps {
  name: VehicleField;
  label: string;
  error?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}

function Field({ name, label, error, children }: FieldProps) {
  const id = `new-vehicle-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}) })}
      {error && (
        <p id={`${id}-error`} className={`mt-1 text-sm ${errorTextClass}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Adds a vehicle to the fleet; every field's error is shown next to it. */
export function VehicleForm({ action, branches, latestYear }: { action: VehicleAction; branches: Array<{ id: string; name: string }>; latestYear: number }) {
  const [state, formAction, pending] = useActionState<FormState<VehicleField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  // A new key after each success clears the inputs for the next vehicle.
  const formKey = state.status === "success" ? state.message : "form";
  return (
    <form key={formKey} action={formAction} className="mt-4 grid gap-4 sm:grid-cols-2">
      <Field name="make" label="Make" error={errors.make}>
        {(props) => <input {...props} name="make" required defaultValue={values.make} className={inputClass} />}
      </Field>
      <Field name="model" label="Model" error={errors.model}>
        {(props) => <input {...props} name="model" required defaultValue={values.model} className={inputClass} />}
      </Field>
      <Field name="plate" label="Plate" error={errors.plate}>
        {(props) => <input {...props} name="plate" autoCapitalize="characters" required defaultValue={values.plate} className={`${inputClass} font-mono uppercase`} />}
      </Field>
      <Field name="year" label="Year" error={errors.year}>
        {(props) => <input {...props} name="year" type="number" inputMode="numeric" required min={1950} max={latestYear} defaultValue={values.year} className={inputClass} />}
      </Field>
      <Field name="type" label="Type" error={errors.type}>
        {(props) => (
          <select {...props} name="type" defaultValue={values.type ?? "CAR"} className={inputClass}>
            {VEHICLE_TYPES.map((type) => (
              <option key={type} value={type}>
                {VEHICLE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="seats" label="Seats" error={errors.seats}>
        {(props) => <input {...props} name="seats" type="number" inputMode="numeric" required min={1} max={100} defaultValue={values.seats ?? "5"} className={inputClass} />}
      </Field>
      <Field name="transmission" label="Gearbox" error={errors.transmission}>
        {(props) => (
          <select {...props} name="transmission" defaultValue={values.transmission ?? "MANUAL"} className={inputClass}>
            {TRANSMISSIONS.map((transmission) => (
              <option key={transmission} value={transmission}>
                {TRANSMISSION_LABELS[transmission]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="fuel" label="Fuel" error={errors.fuel}>
        {(props) => (
          <select {...props} name="fuel" defaultValue={values.fuel ?? "PETROL"} className={inputClass}>
            {FUELS.map((fuel) => (
              <option key={fuel} value={fuel}>
                {FUEL_LABELS[fuel]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="dailyPrice" label="Price per day (USD)" error={errors.dailyPrice}>
        {(props) => <input {...props} name="dailyPrice" type="number" inputMode="decimal" required min={0.01} step={0.01} defaultValue={values.dailyPrice} className={inputClass} />}
      </Field>
      <Field name="branchId" label="Branch" error={errors.branchId}>
        {(props) => (
          <select {...props} name="branchId" defaultValue={values.branchId ?? branches[0]?.id} className={inputClass}>
            {branches.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {branch.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="status" label="Status" error={errors.status}>
        {(props) => (
          <select {...props} name="status" defaultValue={values.status ?? "AVAILABLE"} className={inputClass}>
            {SETTABLE_VEHICLE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {VEHICLE_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="photoUrl" label="Photo URL (optional)" error={errors.photoUrl}>
        {(props) => <input {...props} name="photoUrl" type="url" inputMode="url" defaultValue={values.photoUrl} placeholder="https://…" className={inputClass} />}
      </Field>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Adding…" : "Add vehicle"}
        </button>
      </div>
    </form>
  );
}
