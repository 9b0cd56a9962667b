"use client";

import { useActionState, type ReactNode } from "react";
import { selectClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, primaryButtonClass, TextField } from "@/components/ui/form";
import type { ADDRESS_FIELDS, CUSTOMER_CAR_FIELDS } from "@/lib/modules/garage/schemas";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type CarField = (typeof CUSTOMER_CAR_FIELDS)[number];
type AddressField = (typeof ADDRESS_FIELDS)[number];
type FormActionOf<Field extends string> = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

export interface CarModelChoice {
  id: string;
  make: string;
  model: string;
  yearFrom: number;
  yearTo: number | null;
}

function SelectField({
  formId,
  name,
  label,
  defaultValue,
  error,
  children,
}: {
  formId: string;
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  children: ReactNode;
}) {
  const id = `${formId}-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} required aria-invalid={error ? true : undefined} aria-describedby={errorId} className={selectClass}>
        {children}
      </select>
      {error && (
        <p id={errorId} className={`mt-1 text-sm ${errorTextClass}`}>
          {error}
        </p>
      )}
    </div>
  );
}

const years = (model: CarModelChoice) => `${model.yearFrom}–${model.yearTo ?? "now"}`;

/** Add a car: the model picked from the catalogue, grouped by make, and its plate. */
export function CarAddForm({ action, models }: { action: FormActionOf<CarField>; models: CarModelChoice[] }) {
  const [state, formAction, pending] = useActionState<FormState<CarField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const makes = [...new Set(models.map((model) => model.make))];
  const formId = "new-car";
  return (
    <form key={state.status === "success" ? state.message : formId} action={formAction} className="grid gap-4 sm:grid-cols-2">
      <SelectField formId={formId} name="carModelId" label="Model" defaultValue={values.carModelId} error={errors.carModelId}>
        <option value="" disabled>
          Choose your car&apos;s model
        </option>
        {makes.map((make) => (
          <optgroup key={make} label={make}>
            {models
              .filter((model) => model.make === make)
              .map((model) => (
                <option key={model.id} value={model.id}>
                  {model.make} {model.model} ({years(model)})
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField formId={formId} name="plate" label="Number plate" autoCapitalize="characters" defaultValue={values.plate} error={errors.plate} hint="e.g. KA 01 AB 1234" required />
      <TextField formId={formId} name="colour" label="Colour" defaultValue={values.colour} error={errors.colour} />
      <TextField formId={formId} name="odometerKm" label="Odometer (km)" defaultValue={values.odometerKm} error={errors.odometerKm} min="0" step={1} inputMode="numeric" />
      <div className="sm:col-span-2">
        <TextField formId={formId} name="vin" label="VIN (optional)" autoCapitalize="characters" defaultValue={values.vin} error={errors.vin} hint="17 letters and digits, on the windscreen or the registration" />
      </div>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Adding…" : "Add car"}
        </button>
      </div>
    </form>
  );
}

/** Change a car's odometer reading and colour. */
export function CarEditForm({ action, car }: { action: FormActionOf<CarField>; car: { id: string; colour: string; odometerKm: number } }) {
  const [state, formAction, pending] = useActionState<FormState<CarField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const formId = `car-${car.id}`;
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="id" value={car.id} />
      <TextField formId={formId} name="odometerKm" label="Odometer (km)" defaultValue={values.odometerKm ?? String(car.odometerKm)} error={errors.odometerKm} min="0" step={1} inputMode="numeric" />
      <TextField formId={formId} name="colour" label="Colour" defaultValue={values.colour ?? car.colour} error={errors.colour} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Saving…" : "Save"}
      </button>
      <div className="sm:col-span-3">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

/** Add a pick-up address in one of the areas the garage serves. */
export function AddressAddForm({ action, areas }: { action: FormActionOf<AddressField>; areas: Array<{ id: string; name: string; city: string }> }) {
  const [state, formAction, pending] = useActionState<FormState<AddressField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const formId = "new-address";
  return (
    <form key={state.status === "success" ? state.message : formId} action={formAction} className="grid gap-4 sm:grid-cols-2">
      <SelectField formId={formId} name="areaId" label="Area" defaultValue={values.areaId} error={errors.areaId}>
        <option value="" disabled>
          Choose an area
        </option>
        {areas.map((area) => (
          <option key={area.id} value={area.id}>
            {area.name}, {area.city}
          </option>
        ))}
      </SelectField>
      <TextField formId={formId} name="label" label="Label" defaultValue={values.label} error={errors.label} hint="e.g. Home or Office" />
      <TextField formId={formId} name="line1" label="Address line 1" autoComplete="address-line1" defaultValue={values.line1} error={errors.line1} required />
      <TextField formId={formId} name="line2" label="Address line 2" autoComplete="address-line2" defaultValue={values.line2} error={errors.line2} />
      <TextField formId={formId} name="postcode" label="Postcode" autoComplete="postal-code" defaultValue={values.postcode} error={errors.postcode} />
      <div className="space-y-3 sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Adding…" : "Add address"}
        </button>
      </div>
    </form>
  );
}
