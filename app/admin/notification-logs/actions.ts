"use server";

import { sendAnnouncement } from "@/lib/notifications/announcements";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export const sendAnnouncementAction = formAction({
  fields: ["title", "body", "link", "audience"] as const,
  read: (form) => {
    const link = formText(form, "link").trim();
    return { title: formText(form, "title"), body: formText(form, "body"), audience: formText(form, "audience"), ...(link ? { link } : {}) };
  },
  values: ({ title, body, audience, link }) => ({ title, body, audience, link: link ?? "" }),
  run: (principal, input) => sendAnnouncement(principal, input),
  done: (result) => `Announcement sent to ${result.recipients} ${result.recipients === 1 ? "person" : "people"}.`,
});
