"use client";

import { useActionState, useState } from "react";
import { secondaryButtonClass, smallButtonClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface TemplateItemRow {
  label: string;
  measurementUnit: string;
  serviceId: string;
}

interface Props {
  formId: string;
  action: Action;
  services: ReadonlyArray<{ id: string; name: string }>;
  template?: { id: string; name: string; description: string; active: boolean; items: TemplateItemRow[] };
  submitLabel: string;
}

const EMPTY_ROW: TemplateItemRow = { label: "", measurementUnit: "", serviceId: "" };

/** A template's name and its ordered items (label, unit, service recommended when flagged), sent as one JSON field. */
export function InspectionTemplateForm({ formId, action, services, template, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const [rows, setRows] = useState<TemplateItemRow[]>(template?.items.length ? template.items : [EMPTY_ROW]);
  const errors = state.fieldErrors ?? {};
  const items = rows.map((row) => ({ label: row.label, measurementUnit: row.measurementUnit.trim() || null, serviceId: row.serviceId || null }));
  const change = (index: number, patch: Partial<TemplateItemRow>) => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  return (
    <form action={formAction} className="mt-4 space-y-4">
      {template && <input type="hidden" name="id" value={template.id} />}
      <input type="hidden" name="items" value={JSON.stringify(items)} />
      <div>
        <label htmlFor={`${formId}-name`} className="block text-sm font-medium">
          Name
        </label>
        <input id={`${formId}-name`} name="name" required defaultValue={template?.name} className={inputClass} aria-invalid={errors.name ? true : undefined} />
        {errors.name && <p className={`mt-1 text-sm ${errorTextClass}`}>{errors.name}</p>}
      </div>
      <div>
        <label htmlFor={`${formId}-description`} className="block text-sm font-medium">
          Description
        </label>
        <textarea id={`${formId}-description`} name="description" rows={2} defaultValue={template?.description} className={inputClass} />
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={template?.active ?? true} className="h-4 w-4 accent-[var(--color-brand)]" />
        In use (mechanics can start inspections from it)
      </label>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Items, in order</legend>
        {rows.map((row, index) => (
          <div key={index} className="grid gap-2 rounded-card border border-line p-3 sm:grid-cols-[minmax(0,2fr)_6rem_minmax(0,2fr)_auto]">
            <input
              aria-label={`Item ${index + 1}: label`}
              value={row.label}
              onChange={(event) => change(index, { label: event.target.value })}
              placeholder="e.g. Front brake pads"
              className={inputClass}
            />
            <input
              aria-label={`Item ${index + 1}: unit`}
              value={row.measurementUnit}
              onChange={(event) => change(index, { measurementUnit: event.target.value })}
              placeholder="mm, %"
              className={inputClass}
            />
            <select aria-label={`Item ${index + 1}: service when flagged`} value={row.serviceId} onChange={(event) => change(index, { serviceId: event.target.value })} className={inputClass}>
              <option value="">No service</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
            <div className="flex gap-1">
              <button type="button" className={smallButtonClass} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move item ${index + 1} up`}>
                ↑
              </button>
              <button type="button" className={smallButtonClass} disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={`Move item ${index + 1} down`}>
                ↓
              </button>
              <button type="button" className={smallButtonClass} disabled={rows.length === 1} onClick={() => setRows((current) => current.filter((_, at) => at !== index))} aria-label={`Remove item ${index + 1}`}>
                ✕
              </button>
            </div>
          </div>
        ))}
        <button type="button" className={secondaryButtonClass} onClick={() => setRows((current) => [...current, EMPTY_ROW])}>
          Add an item
        </button>
        {errors.items && <p className={`text-sm ${errorTextClass}`}>{errors.items}</p>}
      </fieldset>
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
