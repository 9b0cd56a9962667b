import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden, notFound } from "next/navigation";
import { InvoiceDocument } from "@/components/garage/invoice-document";
import { PrintButton } from "@/components/garage/print-button";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { linkClass } from "@/components/ui/buttons";
import { NotFoundError } from "@/lib/errors";
import { getInvoice } from "@/lib/modules/garage/services/invoices";
import { garageSettings } from "@/lib/modules/garage/settings";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Invoice" };

/** An invoice (or credit note) as a printable A4 document: customers their own, staff every one. */
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS")) forbidden();
  const { id } = await params;
  const invoice = await getInvoice(principal, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const back = actsOnOwnRowsOnly(principal) ? { href: "/garage/invoices", label: "← My invoices" } : { href: "/admin/garage/invoices", label: "← Invoices" };
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <LiveRefresh topics={["booking_events"]} />
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <IntentLink href={back.href} className={`${linkClass} text-sm`}>
          {back.label}
        </IntentLink>
        <div className="flex flex-wrap items-center gap-3">
          {invoice.correctsId && (
            <IntentLink href={`/garage/invoices/${invoice.correctsId}`} className={`${linkClass} text-sm`}>
              The invoice it corrects
            </IntentLink>
          )}
          <PrintButton label={invoice.kind === "CREDIT_NOTE" ? "Print credit note" : "Print invoice"} />
        </div>
      </div>
      <InvoiceDocument invoice={invoice} timeZone={garageSettings().GARAGE_TIME_ZONE} />
    </div>
  );
}
