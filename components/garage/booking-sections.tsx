import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/buttons";
import { EmptyState } from "@/components/ui/page";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import type { ApprovalRecordView, BookingDetailView, BookingProgressView, InspectionView, InvoiceDetailView, RecommendationView } from "@/lib/modules/garage/views";
import { BOOKING_STATUS_LABELS, INSPECTION_RATING_LABELS, PAYMENT_METHOD_LABELS } from "@/lib/modules/garage/vocabulary";

/**
 * The sections a booking's page shows, the same for the customer (app/(app)/garage/bookings/[id])
 * and for staff (app/admin/garage/bookings/[id]); staff pass their forms in as children or per-item actions.
 */

export function SectionHeading({ id, children, aside }: { id: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {children}
      </h2>
      {aside}
    </div>
  );
}

/** The timeline, newest first: status moves and notes from the workshop. */
export function BookingTimeline({ progress, timeZone, entryActions }: { progress: BookingProgressView[]; timeZone: string; entryActions?: (entry: BookingProgressView) => ReactNode }) {
  if (progress.length === 0) return <EmptyState>Nothing yet.</EmptyState>;
  return (
    <ol className="space-y-3 border-l-2 border-line pl-4" data-testid="booking-timeline">
      {[...progress].reverse().map((entry) => (
        <li key={entry.id} className="min-w-0 text-sm" data-testid="timeline-entry" data-entry-id={entry.id}>
          <p className="font-medium">{entry.toStatus ? BOOKING_STATUS_LABELS[entry.toStatus] : "Note from the workshop"}</p>
          {entry.note && <p className="whitespace-pre-line break-words">{entry.note}</p>}
          <p className="text-xs text-ink-muted">
            {formatShopTime(entry.at, timeZone)} · {entry.actorName}
            {entry.editedAt ? " · edited" : ""}
          </p>
          {entryActions?.(entry)}
        </li>
      ))}
    </ol>
  );
}

const RATING_TONES: Record<keyof typeof INSPECTION_RATING_LABELS, BadgeTone> = { OK: "positive", ATTENTION: "attention", CRITICAL: "danger" };

/** A submitted inspection: every item's rating, measurement and note, with its photos (display copies; a click opens the full image). */
export function InspectionResults({ inspection, timeZone }: { inspection: InspectionView; timeZone: string }) {
  const flagged = inspection.items.filter((item) => item.rating === "ATTENTION" || item.rating === "CRITICAL").length;
  return (
    <div className="space-y-3" data-testid="inspection-results">
      <p className="text-sm text-ink-muted">
        {inspection.templateName} by {inspection.mechanicName}
        {inspection.submittedAt ? ` · ${formatShopTime(inspection.submittedAt, timeZone)}` : " · not finished yet"} · {flagged === 0 ? "nothing flagged" : `${flagged} flagged`}
      </p>
      {inspection.summary && <p className="whitespace-pre-line break-words text-sm">{inspection.summary}</p>}
      <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised">
        {inspection.items.map((item) => (
          <li key={item.id} className="space-y-2 px-4 py-3 text-sm" data-testid="inspection-result" data-rating={item.rating ?? "UNRATED"}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="min-w-0 font-medium break-words">{item.label}</span>
              <span className="flex items-center gap-2">
                {item.measurement !== null && (
                  <span className="tabular-nums text-ink-muted">
                    {item.measurement} {item.measurementUnit ?? ""}
                  </span>
                )}
                {item.rating ? <Badge label={INSPECTION_RATING_LABELS[item.rating]} tone={RATING_TONES[item.rating]} /> : <Badge label="Not rated" tone="quiet" />}
              </span>
            </div>
            {item.note && <p className="whitespace-pre-line break-words text-ink-muted">{item.note}</p>}
            {item.photos.length > 0 && (
              <ul className="flex flex-wrap gap-2" aria-label={`Photos of ${item.label}`}>
                {item.photos.map((photo, index) => (
                  <li key={photo.id}>
                    <a href={photo.url} target="_blank" rel="noopener" className="block rounded-lg focus-visible:outline-2 focus-visible:outline-brand" data-testid="inspection-photo">
                      {/* eslint-disable-next-line @next/next/no-img-element -- the photo route serves the display copy; next/image would fetch it again */}
                      <img
                        src={photo.url}
                        alt={`${item.label}, photo ${index + 1} of ${item.photos.length} (opens the larger image)`}
                        width={photo.width}
                        height={photo.height}
                        loading="lazy"
                        className="h-20 w-28 rounded-lg border border-line object-cover"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const SEVERITY_TEXT = { CRITICAL: "Critical", ATTENTION: "Needs attention" } as const;

/** Recommended work, pending first: service, severity, reason, price; `actions` adds the buttons each item takes. */
export function RecommendationList({
  items,
  status,
  actions,
  empty,
}: {
  items: RecommendationView[];
  /** What the item says about its status when it takes no action. */
  status: (item: RecommendationView) => ReactNode;
  actions?: (item: RecommendationView) => ReactNode;
  empty: ReactNode;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  const ordered = [...items.filter((item) => item.status === "PENDING"), ...items.filter((item) => item.status !== "PENDING")];
  return (
    <ul className="grid gap-3" data-testid="recommendations">
      {ordered.map((item) => {
        const action = actions?.(item);
        return (
          <li
            key={item.id}
            data-testid="recommendation"
            data-status={item.status}
            data-service={item.serviceName}
            className="rounded-card border border-line bg-surface-raised p-4 shadow-sm"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 flex-1 basis-56">
                <h3 className="font-semibold break-words">
                  {item.serviceName}{" "}
                  <span className={`text-xs font-medium ${item.severity === "CRITICAL" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300"}`}>
                    {SEVERITY_TEXT[item.severity]}
                  </span>
                </h3>
                {item.reason && <p className="text-sm break-words text-ink-muted">{item.reason}</p>}
                {item.deferredFromId && <p className="text-xs text-ink-muted">Declined at an earlier visit: offered again at today&apos;s price.</p>}
                {item.adjustmentReason && (
                  <p className="text-xs text-ink-muted">
                    Price adjusted from {formatMinor(item.chartPriceMinor, item.currency)}: {item.adjustmentReason}
                  </p>
                )}
                <p className="mt-1 text-sm" data-testid="recommendation-price">
                  {formatMinor(item.priceMinor, item.currency)} + {formatMinor(item.taxMinor, item.currency)} GST · {item.labourMinutes} min
                </p>
              </div>
              <div className="flex flex-col items-end gap-1 text-right">
                <span className="text-xs font-medium text-ink-muted" data-testid="recommendation-status">
                  {status(item)}
                </span>
              </div>
            </div>
            {action && <div className="mt-3">{action}</div>}
          </li>
        );
      })}
    </ul>
  );
}

/** The approval records: who decided what, when, how and for how much; never edited. Staff see the versions decided. */
export function ApprovalHistory({ records, timeZone, showVersions = false }: { records: ApprovalRecordView[]; timeZone: string; showVersions?: boolean }) {
  if (records.length === 0) return <EmptyState>No decisions yet.</EmptyState>;
  return (
    <ul className="grid gap-3" data-testid="approval-history">
      {records.map((record) => (
        <li key={record.id} className="rounded-card border border-line bg-surface-raised p-4 text-sm shadow-sm" data-testid="approval-record" data-decision={record.decision}>
          <p className="font-medium break-words">
            {record.decision === "APPROVED" ? "Approved" : "Declined"} {record.items.map((item) => (showVersions ? `${item.serviceName} (v${item.version})` : item.serviceName)).join(", ")} ·{" "}
            {formatMinor(record.amountMinor, record.currency)}
          </p>
          <p className="text-xs text-ink-muted">
            {formatShopTime(record.at, timeZone)} · {record.customerName} ·{" "}
            {record.channel === "PHONE" ? `by phone, recorded by ${record.recordedByName}` : record.recordedByName === record.customerName ? "in the app" : `in the app by ${record.recordedByName}`}
          </p>
          {record.note && <p className="mt-1 whitespace-pre-line break-words">{record.note}</p>}
        </li>
      ))}
    </ul>
  );
}

/** The booking's invoice: number (the printable page), total, credits, payments received and the balance due. */
export function InvoicePanel({ invoice, timeZone, children }: { invoice: InvoiceDetailView; timeZone: string; children?: ReactNode }) {
  const money = (minor: number) => formatMinor(minor, invoice.currency);
  return (
    <div className="space-y-3 rounded-card border border-line bg-surface-raised p-4 shadow-sm" data-testid="booking-invoice" data-invoice-id={invoice.id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          Invoice{" "}
          <IntentLink href={`/garage/invoices/${invoice.id}`} className={`${linkClass} font-mono`} data-testid="invoice-link">
            {invoice.number}
          </IntentLink>{" "}
          <span className="text-ink-muted">· {formatShopTime(invoice.issuedAt, timeZone)}</span>
        </p>
        {invoice.balanceDueMinor === 0 ? <Badge label="Paid" tone="positive" /> : <Badge label={`${money(invoice.balanceDueMinor)} due`} tone="attention" />}
      </div>
      <dl className="grid grid-cols-2 gap-1 text-sm">
        <dt className="text-ink-muted">Total</dt>
        <dd className="text-right tabular-nums">{money(invoice.totalMinor)}</dd>
        {invoice.creditedMinor > 0 && (
          <>
            <dt className="text-ink-muted">Credited</dt>
            <dd className="text-right tabular-nums">−{money(invoice.creditedMinor)}</dd>
          </>
        )}
        <dt className="text-ink-muted">Paid</dt>
        <dd className="text-right tabular-nums">{money(invoice.paidMinor)}</dd>
        <dt className="font-semibold">Balance due</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="booking-balance-due">
          {money(invoice.balanceDueMinor)}
        </dd>
      </dl>
      {invoice.payments.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">Payments received</h3>
          <ul className="mt-1 divide-y divide-line text-sm" data-testid="invoice-payments">
            {invoice.payments.map((payment) => (
              <li key={payment.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span>
                  {formatShopTime(payment.receivedAt, timeZone)} · {PAYMENT_METHOD_LABELS[payment.method]}
                  {payment.reference ? <span className="text-ink-muted"> · {payment.reference}</span> : null}
                </span>
                <span className="tabular-nums">{money(payment.amountMinor)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {invoice.creditNotes.length > 0 && (
        <p className="text-xs text-ink-muted">
          Credit notes:{" "}
          {invoice.creditNotes.map((note, index) => (
            <span key={note.id}>
              {index > 0 ? ", " : ""}
              <IntentLink href={`/garage/invoices/${note.id}`} className={`${linkClass} font-mono`}>
                {note.number}
              </IntentLink>
            </span>
          ))}
        </p>
      )}
      {children}
    </div>
  );
}

/** The booked lines with their labour and price, then the booking's labour, subtotal, GST and total. */
export function BookedWork({ booking, className = "" }: { booking: BookingDetailView; className?: string }) {
  return (
    <>
      <ul className={`divide-y divide-line text-sm ${className}`}>
        {booking.services.map((service) => (
          <li key={service.id} className="flex justify-between gap-3 py-2">
            <span className="min-w-0 break-words">
              {service.serviceName} <span className="text-xs text-ink-muted">· {service.labourMinutes} min</span>
            </span>
            <span className="font-medium whitespace-nowrap tabular-nums">{formatMinor(service.priceMinor, service.currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-3 grid grid-cols-2 gap-1 border-t border-line pt-3 text-sm">
        <dt className="text-ink-muted">Labour</dt>
        <dd className="text-right">{booking.labourMinutes} min</dd>
        <dt className="text-ink-muted">Subtotal</dt>
        <dd className="text-right tabular-nums">{formatMinor(booking.subtotalMinor, booking.currency)}</dd>
        <dt className="text-ink-muted">GST</dt>
        <dd className="text-right tabular-nums">{formatMinor(booking.taxMinor, booking.currency)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="booking-total">
          {formatMinor(booking.totalMinor, booking.currency)}
        </dd>
      </dl>
    </>
  );
}
