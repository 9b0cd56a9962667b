"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, inputClass, primaryButtonClass, TextField } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { MarkdownHtml } from "./markdown";

type ContentField = "title" | "body";
type SaveAction = (previous: FormState<ContentField>, formData: FormData) => Promise<FormState<ContentField>>;
type PreviewState = FormState<"body"> & { html?: string };
type PreviewAction = (previous: PreviewState, formData: FormData) => Promise<PreviewState>;

/** Waits this long after the last keystroke before asking for a preview. */
const PREVIEW_DELAY_MS = 300;

interface ContentEditorProps {
  page: { slug: string; title: string; body: string; html: string };
  save: SaveAction;
  preview: PreviewAction;
  maxLength: number;
}

/** Edit a shop page's Markdown with a live preview rendered on the server by the one renderer. */
export function ContentEditor({ page, save, preview, maxLength }: ContentEditorProps) {
  const [state, formAction, pending] = useActionState<FormState<ContentField>, FormData>(save, IDLE_FORM);
  const [body, setBody] = useState(page.body);
  const [html, setHtml] = useState(page.html);
  const [previewError, setPreviewError] = useState<string | undefined>();
  const latest = useRef(0);
  const formId = `content-${page.slug}`;
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (body === page.body) return;
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      const formData = new FormData();
      formData.set("body", body);
      const result = await preview(IDLE_FORM, formData);
      if (request !== latest.current) return;
      if (result.status === "success" && result.html !== undefined) {
        setHtml(result.html);
        setPreviewError(undefined);
      } else {
        setPreviewError(result.fieldErrors?.body ?? result.message);
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, page.body, preview]);

  return (
    <form action={formAction} className="mt-4 grid gap-4 lg:grid-cols-2">
      <input type="hidden" name="slug" value={page.slug} />
      <div className="space-y-4">
        <TextField formId={formId} name="title" label="Title" defaultValue={state.values?.title ?? page.title} error={errors.title} required />
        <div>
          <label htmlFor={`${formId}-body`} className="block text-sm font-medium">
            Markdown
          </label>
          <textarea
            id={`${formId}-body`}
            name="body"
            value={body}
            maxLength={maxLength}
            onChange={(event) => setBody(event.currentTarget.value)}
            rows={14}
            aria-invalid={errors.body ? true : undefined}
            className={`${inputClass} font-mono text-sm`}
          />
          <p className="mt-1 text-xs text-ink-muted">
            {body.length} / {maxLength} characters. HTML is shown as text, not run.
          </p>
          {errors.body && <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.body}</p>}
        </div>
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Publishing…" : "Publish"}
        </button>
      </div>
      <section aria-label={`Preview of ${page.title}`} aria-live="polite" className="rounded-card border border-dashed border-line bg-surface p-4">
        <p className="mb-2 text-xs uppercase tracking-wider text-ink-muted">Preview</p>
        {previewError && <p className="text-sm text-red-700 dark:text-red-400">{previewError}</p>}
        <MarkdownHtml html={html} />
      </section>
    </form>
  );
}
