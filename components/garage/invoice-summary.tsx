import { IntentLink } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/buttons";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import type { InvoiceView } from "@/lib/modules/garage/views";

/** A booking's invoice in one line: its number (opens the printable page), total and the balance due. */
export function InvoiceSummary({ invoice }: { invoice: InvoiceView }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="booking-invoice">
      <span>
        Invoice{" "}
        <IntentLink href={`/garage/invoices/${invoice.id}`} className={`${linkClass} font-mono`}>
          {invoice.number}
        </IntentLink>
      </span>
      <span className="text-ink-muted">total {formatMinor(invoice.totalMinor, invoice.currency)}</span>
      {invoice.balanceDueMinor === 0 ? (
        <Badge label="Paid" tone="positive" />
      ) : (
        <strong data-testid="booking-balance-due">{formatMinor(invoice.balanceDueMinor, invoice.currency)} due</strong>
      )}
    </p>
  );
}
