"use server";

import { creditInvoice, issueInvoice, recordPayment } from "@/lib/modules/garage/services/invoices";
import { PAYMENT_FIELDS } from "@/lib/modules/garage/schemas";
import { formatMinor, minorFromMajor } from "@/lib/modules/garage/view-models/money";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The desk records a payment (amount typed in major units): same rules as POST /api/v1/invoices/{id}/payments. */
export const recordPaymentAction = formAction({
  fields: PAYMENT_FIELDS,
  read: (form) => ({
    id: formText(form, "id"),
    amount: formText(form, "amount"),
    currency: formText(form, "currency"),
    method: formText(form, "method"),
    reference: formText(form, "reference"),
  }),
  values: ({ amount, method, reference }) => ({ amountMinor: amount, method, reference }),
  run: (principal, { id, amount, currency, method, reference }: { id: string; amount: string; currency: string; method: string; reference: string }) =>
    recordPayment(principal, id, { amountMinor: minorFromMajor(amount, currency), method, reference }),
  done: (payment, { currency }) => `Payment of ${formatMinor(payment.amountMinor, currency)} recorded.`,
});

/** A credit note for the chosen lines (or all not credited yet): same rules as POST /api/v1/invoices/{id}/credit-notes. */
export const creditNoteAction = formAction({
  fields: ["reason", "lines"] as const,
  read: (form) => ({
    id: formText(form, "id"),
    reason: formText(form, "reason"),
    positions: form instanceof FormData ? form.getAll("position").filter((value): value is string => typeof value === "string") : [],
  }),
  values: ({ reason }) => ({ reason }),
  run: (principal, { id, reason, positions }: { id: string; reason: string; positions: string[] }) =>
    creditInvoice(principal, id, { reason, ...(positions.length > 0 ? { lines: positions.map((position) => ({ position: Number(position) })) } : {}) }),
  done: (note) => `Credit note ${note.number} issued.`,
});

/** Issue the invoice of a ready or delivered booking without one (POST /api/v1/bookings/{id}/invoice). */
export const issueInvoiceAction = formAction({
  read: (form) => ({ bookingId: formText(form, "bookingId") }),
  run: (principal, { bookingId }: { bookingId: string }) => issueInvoice(principal, bookingId),
  done: (invoice) => `Invoice ${invoice.number} issued.`,
});
