import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { creditNoteAction, issueInvoiceAction, recordPaymentAction } from "@/app/admin/garage/invoices/actions";
import { CreditNoteForm, PaymentForm } from "@/components/garage/invoice-desk-forms";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { linkClass, secondaryButtonClass, selectClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { listInvoices, partsOfInvoices, uninvoicedBookings } from "@/lib/modules/garage/services/invoices";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Garage invoices" };

const STATUS_FILTERS = { "": "All", unpaid: "Balance due", paid: "Paid" } as const;
type StatusFilter = keyof typeof STATUS_FILTERS;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The desk: every invoice with what is due, payments and credit notes; bookings that still need an invoice. */
export default async function GarageInvoicesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("UPDATE:BOOKINGS") || actsOnOwnRowsOnly(principal) || principal.role !== "ADMIN") forbidden();
  const requested = first((await searchParams).status) ?? "";
  const status: StatusFilter = requested in STATUS_FILTERS ? (requested as StatusFilter) : "";
  const [page, waiting] = await Promise.all([listInvoices(principal, { limit: 200, ...(status ? { status } : {}) }), uninvoicedBookings(principal)]);
  const parts = await partsOfInvoices(page.items.map((invoice) => invoice.id));
  const timeZone = garageSettings().GARAGE_TIME_ZONE;

  return (
    <div className="space-y-8">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Invoices">
        Issued when a booking is ready for collection, numbered without gaps. Record payments at the desk; correct an invoice with a credit note.
      </PageHeading>

      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading" className="space-y-3">
          <h2 id="waiting-heading" className="text-lg font-semibold">
            Ready without an invoice
          </h2>
          <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised">
            {waiting.map((booking) => (
              <li key={booking.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="uninvoiced-booking">
                <span>
                  {booking.carDescription} <span className="font-mono">{booking.carPlate}</span> · {booking.customer?.name ?? "Account deleted"} ·{" "}
                  {formatMinor(booking.totalMinor, booking.currency)}
                </span>
                <ActionButton
                  action={issueInvoiceAction}
                  fields={{ bookingId: booking.id }}
                  label="Issue invoice"
                  pendingLabel="Issuing…"
                  ariaLabel={`Issue the invoice of ${booking.carPlate}`}
                  className={smallStrongButtonClass}
                  showSuccess
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter invoices">
        <label className="text-sm">
          Show
          <select name="status" defaultValue={status} className={selectClass}>
            {Object.entries(STATUS_FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
      </form>
      <p className="text-sm text-ink-muted" data-testid="invoice-count">
        {page.total} {page.total === 1 ? "invoice" : "invoices"}
      </p>

      {page.items.length === 0 ? (
        <EmptyState>No invoices match.</EmptyState>
      ) : (
        <DataTable caption="Garage invoices" columns={["Invoice", "Customer and car", "Total", "Credited", "Paid", "Balance due", { label: "Desk", hidden: true }]}>
          {page.items.map((invoice) => {
            const extra = parts.get(invoice.id);
            const credited = new Set(extra?.creditNotes.flatMap((note) => note.lines.map((line) => line.position)) ?? []);
            return (
              <tr key={invoice.id} data-testid="admin-invoice" data-invoice-id={invoice.id}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  <IntentLink href={`/garage/invoices/${invoice.id}`} className={`${linkClass} font-mono whitespace-nowrap`}>
                    {invoice.number}
                  </IntentLink>
                  <span className="block text-xs font-normal text-ink-muted">{formatShopTime(invoice.issuedAt, timeZone)}</span>
                  {extra?.creditNotes.map((note) => (
                    <IntentLink key={note.id} href={`/garage/invoices/${note.id}`} className={`${linkClass} block font-mono text-xs`}>
                      {note.number}
                    </IntentLink>
                  ))}
                </th>
                <td className={cellClass}>
                  {invoice.customerName}
                  <span className="block text-xs text-ink-muted">
                    {invoice.carDescription} · <span className="font-mono">{invoice.carPlate}</span>
                  </span>
                </td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatMinor(invoice.totalMinor, invoice.currency)}</td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatMinor(invoice.creditedMinor, invoice.currency)}</td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatMinor(invoice.paidMinor, invoice.currency)}</td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`} data-testid="invoice-balance">
                  {invoice.balanceDueMinor === 0 ? <Badge label="Paid" tone="positive" /> : formatMinor(invoice.balanceDueMinor, invoice.currency)}
                </td>
                <td className={`${cellClass} min-w-72`}>
                  {invoice.balanceDueMinor > 0 && (
                    <details>
                      <summary className={`${linkClass} cursor-pointer text-sm`}>Payment or credit note</summary>
                      <div className="mt-3 space-y-4">
                        <PaymentForm
                          action={recordPaymentAction}
                          invoiceId={invoice.id}
                          number={invoice.number}
                          currency={invoice.currency}
                          due={formatMinor(invoice.balanceDueMinor, invoice.currency)}
                        />
                        <CreditNoteForm
                          action={creditNoteAction}
                          invoiceId={invoice.id}
                          number={invoice.number}
                          lines={(extra?.lines ?? []).map((line) => ({
                            position: line.position,
                            label: `${line.position}. ${line.description} · ${formatMinor(line.priceMinor + line.taxMinor, invoice.currency)}`,
                            credited: credited.has(line.position),
                          }))}
                        />
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
