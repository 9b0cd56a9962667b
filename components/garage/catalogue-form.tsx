"use client";

import { useActionState } from "react";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

export type CatalogueFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One field of a catalogue form: its input, label and current value. */
export interface CatalogueField {
  name: string;
  label: string;
  kind: "text" | "number" | "date" | "textarea" | "select" | "checkbox";
  defaultValue?: string;
  /** For a checkbox: ticked at first. */
  checked?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  required?: boolean;
  /** Takes the whole row of the grid. */
  wide?: boolean;
}

interface CatalogueFormProps {
  /** Unique on the page: inputs are `${formId}-${name}`. */
  formId: string;
  action: CatalogueFormAction;
  fields: readonly CatalogueField[];
  /** Sent as hidden inputs, e.g. `{ id }`. */
  hidden?: Record<string, string>;
  submitLabel: string;
  /** A compact one-line form (a price cell). */
  inline?: boolean;
}

/** A create or edit form of the catalogue's admin pages: field errors next to their fields, the outcome below. */
export function CatalogueForm({ formId, action, fields, hidden = {}, submitLabel, inline = false }: CatalogueFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const refill = state.status === "error" ? (state.values ?? {}) : {};
  const resetKey = !hidden.id && state.status === "success" ? `${formId}-${state.message}` : formId;
  return (
    <form key={resetKey} action={formAction} className={inline ? "flex flex-wrap items-end gap-2" : "mt-4 grid gap-4 sm:grid-cols-2"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        const errorId = error ? `${id}-error` : undefined;
        const hintId = field.hint ? `${id}-hint` : undefined;
        const common = {
          id,
          name: field.name,
          required: field.required,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        };
        const value = refill[field.name] ?? field.defaultValue;
        if (field.kind === "checkbox") {
          return (
            <label key={field.name} className={`flex items-center gap-2 text-sm max-md:min-h-11 ${inline ? "" : "sm:col-span-2"}`}>
              <input type="checkbox" {...common} defaultChecked={field.checked} className="h-4 w-4 accent-[var(--color-brand)]" />
              {field.label}
            </label>
          );
        }
        return (
          <div key={field.name} className={field.wide && !inline ? "sm:col-span-2" : inline ? "min-w-28 flex-1" : ""}>
            <label htmlFor={id} className={inline ? "block text-xs font-medium" : "block text-sm font-medium"}>
              {field.label}
            </label>
            {field.kind === "textarea" ? (
              <textarea {...common} defaultValue={value} rows={4} className={inputClass} />
            ) : field.kind === "select" ? (
              <select {...common} defaultValue={value} className={inputClass}>
                {(field.options ?? []).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.kind === "number" ? "number" : field.kind === "date" ? "date" : "text"}
                inputMode={field.kind === "number" ? "numeric" : undefined}
                defaultValue={value}
                className={inputClass}
              />
            )}
            {field.hint && (
              <p id={hintId} className="mt-1 text-xs text-ink-muted">
                {field.hint}
              </p>
            )}
            {error && (
              <p id={errorId} className={`mt-1 text-sm ${errorTextClass}`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className={inline ? "flex flex-col gap-1" : "space-y-3 sm:col-span-2"}>
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
