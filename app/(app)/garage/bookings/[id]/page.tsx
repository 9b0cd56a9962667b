import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { decideRecommendationsAction } from "@/app/(app)/garage/bookings/actions";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, smallButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { EmptyState } from "@/components/ui/page";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { DECIDING_STATUSES, listApprovals } from "@/lib/modules/garage/services/approvals";
import { getBooking } from "@/lib/modules/garage/services/bookings";
import { listRecommendations } from "@/lib/modules/garage/services/staff-recommendations";
import { listProgress } from "@/lib/modules/garage/services/workshop";
import { garageSettings } from "@/lib/modules/garage/settings";
import type { RecommendationView } from "@/lib/modules/garage/views";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatusName } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Booking" };

/** Every change to a booking (status, notes, recommendations, decisions) is a booking event: the page renders again in place. */
const LIVE_TOPICS = ["booking_events"] as const;

/** The workshop's steps in order, as the customer follows them. */
const STEPS = BOOKING_STATUSES.filter((status) => status !== "CANCELLED");

async function forPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

const RECOMMENDATION_STATUS_TEXT: Record<RecommendationView["status"], string> = { PENDING: "Awaiting your decision", APPROVED: "Approved", DECLINED: "Declined (kept for later)" };

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS")) forbidden();
  const mayReadRecommendations = principal.scopes.has("READ:BOOKING_RECOMMENDATIONS");
  const [booking, progress, recommendations, approvals] = await Promise.all([
    forPage(getBooking(principal, id)),
    principal.scopes.has("READ:BOOKING_PROGRESS") ? forPage(listProgress(principal, id)) : [],
    mayReadRecommendations ? forPage(listRecommendations(principal, id)) : [],
    mayReadRecommendations ? forPage(listApprovals(principal, id)) : [],
  ]);
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const pending = recommendations.filter((item) => item.status === "PENDING");
  const decided = recommendations.filter((item) => item.status !== "PENDING");
  const mayDecide =
    booking.customerId === principal.userId &&
    principal.scopes.has("UPDATE:BOOKING_RECOMMENDATIONS") &&
    (DECIDING_STATUSES as readonly BookingStatusName[]).includes(booking.status);
  const currentStep = STEPS.indexOf(booking.status as (typeof STEPS)[number]);
  const allPairs = pending.map((item) => `${item.id}:${item.version}`).join(",");

  return (
    <div className="space-y-8" data-testid="booking-page" data-booking-id={booking.id}>
      <LiveRefresh topics={LIVE_TOPICS} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/garage/bookings" className={`${linkClass} text-sm`}>
            ← My bookings
          </Link>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">{formatShopTime(booking.slotStart, timeZone)}</h1>
          <p className="text-ink-muted">
            {booking.carDescription} · <span className="font-mono">{booking.carPlate}</span>
            {booking.pickupText ? ` · pick-up from ${booking.pickupText}` : " · drop-off at the garage"}
          </p>
        </div>
        <BookingStatusBadge status={booking.status} />
      </div>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="sr-only">
          Status
        </h2>
        {booking.status === "CANCELLED" ? (
          <p className="rounded-card border border-line bg-surface-raised p-4 text-sm">
            This booking was cancelled{booking.cancelReason ? `: ${booking.cancelReason}` : "."}
          </p>
        ) : (
          <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8" data-testid="booking-steps">
            {STEPS.map((step, index) => {
              const state = index < currentStep ? "done" : index === currentStep ? "current" : "next";
              return (
                <li
                  key={step}
                  aria-current={state === "current" ? "step" : undefined}
                  data-state={state}
                  className={`rounded-lg border px-3 py-2 text-xs font-medium ${
                    state === "current"
                      ? "border-brand bg-brand text-brand-ink"
                      : state === "done"
                        ? "border-line bg-surface-raised text-ink"
                        : "border-dashed border-line text-ink-muted"
                  }`}
                >
                  <span aria-hidden="true">{state === "done" ? "✓ " : `${index + 1}. `}</span>
                  {BOOKING_STATUS_LABELS[step]}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {mayReadRecommendations && (
        <section aria-labelledby="recommendations-heading" className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="recommendations-heading" className="text-xl font-semibold">
              Recommended work
            </h2>
            {mayDecide && pending.length > 1 && (
              <div className="flex flex-wrap gap-2">
                <ActionButton
                  action={decideRecommendationsAction}
                  fields={{ id: booking.id, decision: "APPROVED", items: allPairs }}
                  label="Approve all"
                  pendingLabel="Approving…"
                  className={smallStrongButtonClass}
                  confirm={{ question: `Approve all ${pending.length} items?`, yes: "Yes, approve all", keep: "Not yet" }}
                  showSuccess
                  testId="approve-all"
                />
                <ActionButton
                  action={decideRecommendationsAction}
                  fields={{ id: booking.id, decision: "DECLINED", items: allPairs }}
                  label="Decline all"
                  pendingLabel="Declining…"
                  confirm={{ question: `Decline all ${pending.length} items? They stay on your car for later.`, yes: "Yes, decline all", keep: "Not yet" }}
                  showSuccess
                />
              </div>
            )}
          </div>
          {recommendations.length === 0 ? (
            <EmptyState>Nothing recommended so far. If the inspection finds something, it appears here for your approval.</EmptyState>
          ) : (
            <ul className="grid gap-3">
              {[...pending, ...decided].map((item) => (
                <li key={item.id} data-testid="recommendation" data-status={item.status} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h3 className="font-semibold">
                        {item.serviceName}{" "}
                        <span className={`text-xs font-medium ${item.severity === "CRITICAL" ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-300"}`}>
                          {item.severity === "CRITICAL" ? "Critical" : "Needs attention"}
                        </span>
                      </h3>
                      {item.reason && <p className="text-sm text-ink-muted">{item.reason}</p>}
                      {item.deferredFromId && <p className="text-xs text-ink-muted">Declined at an earlier visit: offered again at today&apos;s price.</p>}
                      {item.adjustmentReason && <p className="text-xs text-ink-muted">Price adjusted: {item.adjustmentReason}</p>}
                      <p className="mt-1 text-sm">
                        {formatMinor(item.priceMinor, item.currency)} + {formatMinor(item.taxMinor, item.currency)} GST · {item.labourMinutes} min
                      </p>
                    </div>
                    {item.status === "PENDING" && mayDecide ? (
                      <div className="flex flex-wrap gap-2">
                        <ActionButton
                          action={decideRecommendationsAction}
                          fields={{ id: booking.id, decision: "APPROVED", items: `${item.id}:${item.version}` }}
                          label="Approve"
                          pendingLabel="Approving…"
                          ariaLabel={`Approve ${item.serviceName}`}
                          className={smallStrongButtonClass}
                          testId="approve-recommendation"
                        />
                        <ActionButton
                          action={decideRecommendationsAction}
                          fields={{ id: booking.id, decision: "DECLINED", items: `${item.id}:${item.version}` }}
                          label="Decline"
                          pendingLabel="Declining…"
                          ariaLabel={`Decline ${item.serviceName}`}
                          className={smallButtonClass}
                          testId="decline-recommendation"
                        />
                      </div>
                    ) : (
                      <span className="text-xs font-medium text-ink-muted" data-testid="recommendation-status">
                        {item.status === "PENDING" ? "You can decide once the inspection is done" : RECOMMENDATION_STATUS_TEXT[item.status]}
                      </span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {/* Inspection results (checklist and photos) and the invoice with its balance belong here: their services
          (the inspection's and the invoice's) render their sections once they are part of the app. */}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="services-heading" className="space-y-3">
          <h2 id="services-heading" className="text-xl font-semibold">
            Work booked
          </h2>
          <Card>
            <ul className="divide-y divide-line text-sm">
              {booking.services.map((service) => (
                <li key={service.id} className="flex justify-between gap-3 py-2">
                  <span>{service.serviceName}</span>
                  <span className="font-medium">{formatMinor(service.priceMinor, service.currency)}</span>
                </li>
              ))}
            </ul>
            <dl className="mt-3 grid grid-cols-2 gap-1 border-t border-line pt-3 text-sm">
              <dt className="text-ink-muted">Labour</dt>
              <dd className="text-right">{booking.labourMinutes} min</dd>
              <dt className="text-ink-muted">Subtotal</dt>
              <dd className="text-right">{formatMinor(booking.subtotalMinor, booking.currency)}</dd>
              <dt className="text-ink-muted">GST</dt>
              <dd className="text-right">{formatMinor(booking.taxMinor, booking.currency)}</dd>
              <dt className="font-semibold">Total</dt>
              <dd className="text-right font-semibold" data-testid="booking-total">
                {formatMinor(booking.totalMinor, booking.currency)}
              </dd>
            </dl>
          </Card>
        </section>

        <section aria-labelledby="timeline-heading" className="space-y-3">
          <h2 id="timeline-heading" className="text-xl font-semibold">
            Timeline
          </h2>
          {progress.length === 0 ? (
            <EmptyState>Nothing yet.</EmptyState>
          ) : (
            <ol className="space-y-3 border-l border-line pl-4" data-testid="booking-timeline">
              {[...progress].reverse().map((entry) => (
                <li key={entry.id} className="text-sm">
                  <p className="font-medium">{entry.toStatus ? BOOKING_STATUS_LABELS[entry.toStatus] : "Note from the workshop"}</p>
                  {entry.note && <p className="whitespace-pre-line">{entry.note}</p>}
                  <p className="text-xs text-ink-muted">
                    {formatShopTime(entry.at, timeZone)} · {entry.actorName}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {mayReadRecommendations && approvals.length > 0 && (
        <section aria-labelledby="approvals-heading" className="space-y-3">
          <h2 id="approvals-heading" className="text-xl font-semibold">
            Your decisions
          </h2>
          <ul className="grid gap-3" data-testid="approval-history">
            {approvals.map((record) => (
              <li key={record.id} className="rounded-card border border-line bg-surface-raised p-4 text-sm shadow-sm">
                <p className="font-medium">
                  {record.decision === "APPROVED" ? "Approved" : "Declined"} {record.items.map((item) => item.serviceName).join(", ")} ·{" "}
                  {formatMinor(record.amountMinor, record.currency)}
                </p>
                <p className="text-xs text-ink-muted">
                  {formatShopTime(record.at, timeZone)} · {record.channel === "PHONE" ? `by phone, recorded by ${record.recordedByName}` : `in the app by ${record.recordedByName}`}
                </p>
                {record.note && <p className="mt-1 whitespace-pre-line">{record.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
