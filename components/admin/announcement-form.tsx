"use client";

import { useActionState } from "react";
import { selectClass } from "@/components/ui/buttons";
import { errorTextClass, FormMessage, inputClass, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type AnnouncementField = "title" | "body" | "link" | "audience";
type AnnouncementAction = (previous: FormState<AnnouncementField>, formData: FormData) => Promise<FormState<AnnouncementField>>;

/** An announcement to one role or to everyone: in-app (live) and by e-mail, logged per recipient. */
export function AnnouncementForm({ action, audiences }: { action: AnnouncementAction; audiences: Array<{ value: string; label: string }> }) {
  const [state, formAction, pending] = useActionState<FormState<AnnouncementField>, FormData>(action, IDLE_FORM);
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 space-y-4" key={state.status === "success" ? state.message : "form"}>
      <div>
        <label htmlFor="announcement-audience" className="block text-sm font-medium">
          Send to
        </label>
        <select id="announcement-audience" name="audience" defaultValue={values.audience ?? audiences[0]?.value} className={selectClass}>
          {audiences.map((audience) => (
            <option key={audience.value} value={audience.value}>
              {audience.label}
            </option>
          ))}
        </select>
        {errors.audience && <p className={`mt-1 text-sm ${errorTextClass}`}>{errors.audience}</p>}
      </div>
      <TextField formId="announcement" name="title" label="Title" defaultValue={values.title} error={errors.title} required />
      <div>
        <label htmlFor="announcement-body" className="block text-sm font-medium">
          Message
        </label>
        <textarea
          id="announcement-body"
          name="body"
          rows={4}
          required
          defaultValue={values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? "announcement-body-error" : undefined}
          className={inputClass}
        />
        {errors.body && (
          <p id="announcement-body-error" className={`mt-1 text-sm ${errorTextClass}`}>
            {errors.body}
          </p>
        )}
      </div>
      <TextField formId="announcement" name="link" label="Link (optional)" defaultValue={values.link} error={errors.link} hint='A page of this site, such as "/dashboard"' />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Sending…" : "Send announcement"}
      </button>
    </form>
  );
}
