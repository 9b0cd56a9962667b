import { formatMinor, formatRate } from "@/lib/modules/garage/view-models/money";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import type { InvoiceDetailView, InvoiceLineView } from "@/lib/modules/garage/views";
import { PAYMENT_METHOD_LABELS } from "@/lib/modules/garage/vocabulary";

const cell = "border-b border-line px-2 py-1.5 text-left align-top";
const money = "border-b border-line px-2 py-1.5 text-right align-top tabular-nums whitespace-nowrap";
/** Price and rate make six columns, too many for a phone's width: the screen shows tax and amount (price = amount − tax), paper all. */
const phoneHidden = "max-sm:hidden print:table-cell";

function LinesTable({ lines, currency, caption }: { lines: InvoiceLineView[]; currency: string; caption: string }) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-xs uppercase tracking-wide text-ink-muted">
          <th scope="col" className={cell}>#</th>
          <th scope="col" className={cell}>Description</th>
          <th scope="col" className={`${money} ${phoneHidden}`}>Price</th>
          <th scope="col" className={`${money} ${phoneHidden}`}>GST</th>
          <th scope="col" className={money}>Tax</th>
          <th scope="col" className={money}>Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.position} data-testid="invoice-line">
            <td className={cell}>{line.position}</td>
            <td className={cell}>
              {line.description}
              <span className="block text-xs text-ink-muted">{line.gstCode}</span>
            </td>
            <td className={`${money} ${phoneHidden}`}>{formatMinor(line.priceMinor, currency)}</td>
            <td className={`${money} ${phoneHidden}`}>{formatRate(line.gstBasisPoints)}</td>
            <td className={money}>{formatMinor(line.taxMinor, currency)}</td>
            <td className={money}>{formatMinor(line.priceMinor + line.taxMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An invoice as a document: what it bills, its credit notes and payments and the balance due.
 * Laid out to print on one A4 page (app/globals.css: @page and the print rules).
 */
export function InvoiceDocument({ invoice, timeZone }: { invoice: InvoiceDetailView; timeZone: string }) {
  const { currency } = invoice;
  const credit = invoice.kind === "CREDIT_NOTE";
  return (
    <article data-print-document="" aria-labelledby="invoice-title" className="space-y-6 rounded-card border border-line bg-surface-raised p-6 text-ink print:rounded-none print:border-0 print:p-0 print:text-black">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-line pb-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">Wheelhouse Garage</p>
          <h1 id="invoice-title" className="mt-1 text-2xl font-semibold tracking-tight">
            {credit ? "Credit note" : "Tax invoice"} <span className="font-mono">{invoice.number}</span>
          </h1>
          <p className="mt-1 text-sm text-ink-muted">Issued {formatShopTime(invoice.issuedAt, timeZone)} by {invoice.issuedByName}</p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-ink-muted">Customer</dt>
          <dd className="font-medium">{invoice.customerName}</dd>
          <dt className="text-ink-muted">Car</dt>
          <dd>
            {invoice.carDescription} <span className="font-mono">{invoice.carPlate}</span>
          </dd>
          <dt className="text-ink-muted">Booking</dt>
          <dd className="font-mono text-xs">{invoice.bookingId}</dd>
        </dl>
      </div>
      {invoice.note && <p className="text-sm">{invoice.note}</p>}

      <LinesTable lines={invoice.lines} currency={currency} caption={`Lines of ${invoice.number}`} />

      <dl className="ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" data-testid="invoice-totals">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{formatMinor(invoice.subtotalMinor, currency)}</dd>
        <dt>GST</dt>
        <dd className="text-right tabular-nums">{formatMinor(invoice.taxMinor, currency)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{formatMinor(invoice.totalMinor, currency)}</dd>
        {!credit && (
          <>
            {invoice.creditedMinor > 0 && (
              <>
                <dt>Credited</dt>
                <dd className="text-right tabular-nums">−{formatMinor(invoice.creditedMinor, currency)}</dd>
              </>
            )}
            <dt>Paid</dt>
            <dd className="text-right tabular-nums">−{formatMinor(invoice.paidMinor, currency)}</dd>
            <dt className="border-t border-line pt-1 text-base font-semibold">Balance due</dt>
            <dd className="border-t border-line pt-1 text-right text-base font-semibold tabular-nums" data-testid="balance-due">
              {formatMinor(invoice.balanceDueMinor, currency)}
            </dd>
          </>
        )}
      </dl>

      {invoice.creditNotes.length > 0 && (
        <section aria-labelledby="credit-notes-heading" className="space-y-3 break-inside-avoid">
          <h2 id="credit-notes-heading" className="text-base font-semibold">
            Credit notes
          </h2>
          {invoice.creditNotes.map((note) => (
            <div key={note.id} className="space-y-2">
              <p className="text-sm">
                <span className="font-mono font-medium">{note.number}</span> · {formatShopTime(note.issuedAt, timeZone)} · {note.note} ·{" "}
                <strong>{formatMinor(note.totalMinor, currency)}</strong>
              </p>
              <LinesTable lines={note.lines} currency={currency} caption={`Lines of ${note.number}`} />
            </div>
          ))}
        </section>
      )}

      {!credit && (
        <section aria-labelledby="payments-heading" className="space-y-2 break-inside-avoid">
          <h2 id="payments-heading" className="text-base font-semibold">
            Payments
          </h2>
          {invoice.payments.length === 0 ? (
            <p className="text-sm text-ink-muted">No payments yet.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {invoice.payments.map((payment) => (
                <li key={payment.id} data-testid="invoice-payment" className="flex flex-wrap justify-between gap-2">
                  <span>
                    {formatShopTime(payment.receivedAt, timeZone)} · {PAYMENT_METHOD_LABELS[payment.method]}
                    {payment.reference && <span className="text-ink-muted"> · {payment.reference}</span>}
                  </span>
                  <span className="tabular-nums">{formatMinor(payment.amountMinor, currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p className="border-t border-line pt-3 text-xs text-ink-muted">
        Amounts in {currency}. An issued invoice is never changed: corrections are credit notes.
      </p>
    </article>
  );
}
