"use client";

import { useActionState, useId } from "react";
import type { SpotField } from "@/lib/modules/parking/schemas";
import { primaryButtonClass, selectClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, inputClass, TextField } from "@/components/ui/form";
import { SPOT_KIND_LABELS, SPOT_KINDS } from "@/lib/modules/parking/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type SpotAction = (previous: FormState<SpotField>, formData: FormData) => Promise<FormState<SpotField>>;

interface SpotFormProps {
  action: SpotAction;
  /** Editing an existing spot; without it the form registers a new one. */
  spot?: { id: string } & Record<SpotField, string>;
  /** Zones already in use, offered as suggestions. */
  zones: readonly string[];
}

const EMPTY: Record<SpotField, string> = { label: "", zone: "", description: "", kind: "STANDARD" };

function fieldIds(formId: string, name: SpotField, error?: string) {
  const id = `${formId}-${name}`;
  return { id, errorId: error ? `${id}-error` : undefined };
}

function FieldError({ id, error }: { id?: string; error?: string }) {
  return error ? (
    <p id={id} className={`mt-1 text-sm ${errorTextClass}`}>
      {error}
    </p>
  ) : null;
}

/** Registers a spot (label, zone, description, kind) or edits one. */
export function SpotForm({ action, spot, zones }: SpotFormProps) {
  const formId = useId();
  const [state, formAction, pending] = useActionState<FormState<SpotField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const saved = spot ?? EMPTY;
  // After an error (and after saving an edit) the form shows what was sent; a new registration starts empty again.
  const values = state.values && (state.status === "error" || spot) ? { ...saved, ...state.values } : saved;
  const zone = fieldIds(formId, "zone", errors.zone);
  const description = fieldIds(formId, "description", errors.description);
  const kind = fieldIds(formId, "kind", errors.kind);
  const editing = spot !== undefined;

  return (
    <form action={formAction} className="mt-4 space-y-4">
      {spot && <input type="hidden" name="spotId" value={spot.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField formId={formId} name="label" label="Label" defaultValue={values.label} error={errors.label} hint="e.g. B-12" required />
        <div>
          <label htmlFor={zone.id} className="block text-sm font-medium">
            Zone
          </label>
          <input
            id={zone.id}
            name="zone"
            list={`${formId}-zones`}
            defaultValue={values.zone}
            required
            aria-invalid={errors.zone ? true : undefined}
            aria-describedby={zone.errorId}
            className={inputClass}
          />
          <datalist id={`${formId}-zones`}>
            {zones.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <FieldError id={zone.errorId} error={errors.zone} />
        </div>
      </div>
      <div>
        <label htmlFor={kind.id} className="block text-sm font-medium">
          Kind
        </label>
        <select
          id={kind.id}
          name="kind"
          defaultValue={values.kind}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={kind.errorId}
          className={selectClass}
        >
          {SPOT_KINDS.map((value) => (
            <option key={value} value={value}>
              {SPOT_KIND_LABELS[value]}
            </option>
          ))}
        </select>
        <FieldError id={kind.errorId} error={errors.kind} />
      </div>
      <div>
        <label htmlFor={description.id} className="block text-sm font-medium">
          Description <span className="font-normal text-ink-muted">(optional)</span>
        </label>
        <textarea
          id={description.id}
          name="description"
          rows={2}
          maxLength={500}
          defaultValue={values.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={description.errorId}
          className={inputClass}
        />
        <FieldError id={description.errorId} error={errors.description} />
      </div>
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {editing ? (pending ? "Saving…" : "Save changes") : pending ? "Registering…" : "Register spot"}
      </button>
    </form>
  );
}
