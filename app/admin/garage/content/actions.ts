"use server";

import { previewMarkdown, updateContentPage } from "@/lib/modules/garage/services/content";
import { formText, type FormState } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export const updateContentAction = formAction({
  fields: ["title", "body"] as const,
  read: (form) => ({ slug: formText(form, "slug"), title: formText(form, "title"), body: formText(form, "body") }),
  values: ({ title, body }) => ({ title, body }),
  run: (principal, { slug, title, body }) => updateContentPage(principal, slug, { title, body }),
  done: (page) => `Published ${page.title}.`,
});

/** The editor's preview: the page's Markdown rendered by the same function as the public page. */
export const previewContentAction = formAction<"body", string, { html: string }, FormState<"body"> & { html?: string }>({
  fields: ["body"],
  read: (form) => formText(form, "body"),
  run: (principal, body) => previewMarkdown(principal, { body }),
  done: ({ html }) => ({ status: "success", html }),
  refreshes: "nothing",
});
