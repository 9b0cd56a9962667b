"use server";

import { decideRecommendations, reviseApprovedRecommendation } from "@/lib/modules/garage/services/approvals";
import { addRecommendation, updateRecommendation } from "@/lib/modules/garage/services/staff-recommendations";
import { addProgressNote, deleteProgressNote, updateProgressNote } from "@/lib/modules/garage/services/workshop";
import { formatMinor, minorFromMajor } from "@/lib/modules/garage/view-models/money";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/*
 * The staff booking page's doors: each the same rules as its REST operation, over the same service.
 * Amounts are typed in major units (the page's currency); the service refuses anything else with a field error.
 */

/** A note on the timeline (POST /api/v1/bookings/{id}/progress). */
export const addNoteAction = formAction({
  fields: ["note"] as const,
  read: (form) => ({ id: formText(form, "id"), note: formText(form, "note") }),
  values: ({ note }) => ({ note }),
  run: (principal, { id, note }: { id: string; note: string }) => addProgressNote(principal, id, { note }),
  done: () => "Note added.",
});

/** An admin corrects a timeline entry's note (PATCH /api/v1/bookings/{id}/progress/{entryId}). */
export const editNoteAction = formAction({
  fields: ["note"] as const,
  read: (form) => ({ id: formText(form, "id"), entryId: formText(form, "entryId"), note: formText(form, "note") }),
  values: ({ note }) => ({ note }),
  run: (principal, { id, entryId, note }: { id: string; entryId: string; note: string }) => updateProgressNote(principal, id, entryId, { note }),
  done: () => "Note saved.",
});

/** An admin removes a note (DELETE /api/v1/bookings/{id}/progress/{entryId}). */
export const deleteNoteAction = formAction({
  read: (form) => ({ id: formText(form, "id"), entryId: formText(form, "entryId") }),
  run: (principal, { id, entryId }: { id: string; entryId: string }) => deleteProgressNote(principal, id, entryId),
  done: () => "Note deleted.",
});

function price(form: unknown): number | undefined {
  const text = formText(form, "price").trim();
  return text ? minorFromMajor(text, formText(form, "currency")) : undefined;
}

/** Staff recommend a service (POST /api/v1/bookings/{id}/recommendations): the chart's price unless another is given with a reason. */
export const addRecommendationAction = formAction({
  fields: ["serviceId", "severity", "reason", "priceMinor", "adjustmentReason"] as const,
  read: (form) => ({
    id: formText(form, "id"),
    serviceId: formText(form, "serviceId"),
    severity: formText(form, "severity"),
    reason: formText(form, "reason"),
    priceMinor: price(form),
    adjustmentReason: formText(form, "adjustmentReason").trim() || undefined,
  }),
  values: ({ reason, adjustmentReason }) => ({ reason, adjustmentReason: adjustmentReason ?? "" }),
  run: (principal, { id, ...input }: { id: string; serviceId: string; severity: string; reason: string; priceMinor: number | undefined; adjustmentReason: string | undefined }) =>
    addRecommendation(principal, id, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))),
  done: (item) => `${item.serviceName} recommended at ${formatMinor(item.priceMinor, item.currency)}.`,
});

/** A pending recommendation's price, with the reason (PATCH /api/v1/recommendations/{id}). */
export const adjustRecommendationAction = formAction({
  fields: ["priceMinor", "adjustmentReason"] as const,
  read: (form) => ({ id: formText(form, "recommendationId"), priceMinor: price(form) ?? Number.NaN, adjustmentReason: formText(form, "adjustmentReason").trim() || undefined }),
  run: (principal, { id, ...input }: { id: string; priceMinor: number; adjustmentReason: string | undefined }) =>
    updateRecommendation(principal, id, input.adjustmentReason === undefined ? { priceMinor: input.priceMinor } : input),
  done: (item) => `${item.serviceName}: now ${formatMinor(item.priceMinor, item.currency)} (version ${item.version}).`,
});

/** Approved work at a new price: pending again, the customer decides anew (POST /api/v1/recommendations/{id}/revise). */
export const reviseRecommendationAction = formAction({
  fields: ["priceMinor", "adjustmentReason"] as const,
  read: (form) => ({ id: formText(form, "recommendationId"), priceMinor: price(form) ?? Number.NaN, adjustmentReason: formText(form, "adjustmentReason").trim() || undefined }),
  run: (principal, { id, ...input }: { id: string; priceMinor: number; adjustmentReason: string | undefined }) =>
    reviseApprovedRecommendation(principal, id, input.adjustmentReason === undefined ? { priceMinor: input.priceMinor } : input),
  done: (item) => `${item.serviceName} revised to ${formatMinor(item.priceMinor, item.currency)}: it awaits the customer's approval again.`,
});

/** The customer's decision given by phone, item by item at the version shown (POST /api/v1/bookings/{id}/approvals, channel PHONE). */
export const phoneDecisionAction = formAction({
  fields: ["note"] as const,
  read: (form) => ({
    id: formText(form, "id"),
    recommendationId: formText(form, "recommendationId"),
    decision: formText(form, "decision"),
    version: Number(formText(form, "version")),
    note: formText(form, "note").trim(),
  }),
  run: (principal, { id, note, ...decision }: { id: string; recommendationId: string; decision: string; version: number; note: string }) =>
    decideRecommendations(principal, id, { channel: "PHONE", decisions: [decision], ...(note ? { note } : {}) }),
  done: (outcome) => (outcome.records.some((record) => record.decision === "APPROVED") ? "Approval by phone recorded." : "Decline by phone recorded."),
});
