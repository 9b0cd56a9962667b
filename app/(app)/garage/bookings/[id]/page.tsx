import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { decideRecommendationsAction } from "@/app/(app)/garage/bookings/actions";
import { writeReviewAction } from "@/app/(app)/garage/services/[id]/actions";
import { ApprovalHistory, BookedWork, BookingTimeline, InspectionResults, InvoicePanel, RecommendationList, SectionHeading } from "@/components/garage/booking-sections";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { Stars } from "@/components/garage/rating";
import { ReviewForm } from "@/components/garage/review-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, smallButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { NotFoundError } from "@/lib/errors";
import { DECIDING_STATUSES, listApprovals } from "@/lib/modules/garage/services/approvals";
import { getBooking } from "@/lib/modules/garage/services/bookings";
import { getInspection } from "@/lib/modules/garage/services/inspections";
import { getBookingInvoice } from "@/lib/modules/garage/services/invoices";
import { listReviews } from "@/lib/modules/garage/services/reviews";
import { listRecommendations } from "@/lib/modules/garage/services/staff-recommendations";
import { garageSettings } from "@/lib/modules/garage/settings";
import type { RecommendationView } from "@/lib/modules/garage/views";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatusName } from "@/lib/modules/garage/vocabulary";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "Booking" };

/** Every change to a booking (status, notes, recommendations, decisions) is a booking event: the page renders again in place. */
const LIVE_TOPICS = ["booking_events"] as const;

/** Until the work is done, the page says where recommended work will appear; afterwards an empty list is left out. */
const OPEN_FOR_WORK: readonly BookingStatusName[] = ["BOOKED", "CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS"];

/** The workshop's steps in order, as the customer follows them. */
const STEPS = BOOKING_STATUSES.filter((status) => status !== "CANCELLED");

/** Not there yet (no inspection, no invoice): null rather than a 404 page. */
async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}


const RECOMMENDATION_STATUS_TEXT: Record<RecommendationView["status"], string> = { PENDING: "Awaiting your decision", APPROVED: "Approved", DECLINED: "Declined (kept for later)" };

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS")) forbidden();
  const mayReadRecommendations = principal.scopes.has("READ:BOOKING_RECOMMENDATIONS");
  const booking = await forPage(getBooking(principal, id));
  const own = booking.customerId === principal.userId;
  const [recommendations, approvals, inspection, invoice, reviews] = await Promise.all([
    mayReadRecommendations ? forPage(listRecommendations(principal, booking.id)) : [],
    mayReadRecommendations ? forPage(listApprovals(principal, booking.id)) : [],
    principal.scopes.has("READ:BOOKING_ANALYSIS") ? orNull(getInspection(principal, booking.id)) : null,
    orNull(getBookingInvoice(principal, booking.id)),
    booking.status === "DELIVERED" && own && principal.scopes.has("READ:SERVICE_REVIEWS") ? listReviews(principal, { customerId: principal.userId, limit: 100 }) : null,
  ]);
  const progress = principal.scopes.has("READ:BOOKING_PROGRESS") ? booking.progress : [];
  const reviewByLine = new Map((reviews?.items ?? []).filter((review) => review.bookingId === booking.id).map((review) => [review.bookedServiceId, review]));
  const mayReview = own && principal.scopes.has("WRITE:SERVICE_REVIEWS");
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const pending = recommendations.filter((item) => item.status === "PENDING");
  const mayDecide =
    own &&
    principal.scopes.has("UPDATE:BOOKING_RECOMMENDATIONS") &&
    (DECIDING_STATUSES as readonly BookingStatusName[]).includes(booking.status);
  const currentStep = STEPS.indexOf(booking.status as (typeof STEPS)[number]);
  const allPairs = pending.map((item) => `${item.id}:${item.version}`).join(",");

  return (
    <div className="space-y-8" data-testid="booking-page" data-booking-id={booking.id}>
      <LiveRefresh topics={LIVE_TOPICS} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <IntentLink href="/garage/bookings" className={`${linkClass} text-sm`}>
            ← My bookings
          </IntentLink>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">{formatShopTime(booking.slotStart, timeZone)}</h1>
          <p className="text-ink-muted">
            {booking.carDescription} · <span className="font-mono">{booking.carPlate}</span>
            {booking.pickupText ? ` · pick-up from ${booking.pickupText}` : " · drop-off at the garage"}
          </p>
          {booking.promisedAt && booking.status !== "DELIVERED" && booking.status !== "CANCELLED" && (
            <p className="text-sm" data-testid="booking-promised">
              Promised back {formatShopTime(booking.promisedAt, timeZone)}
            </p>
          )}
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

      {mayReadRecommendations && (recommendations.length > 0 || OPEN_FOR_WORK.includes(booking.status)) && (
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
          <RecommendationList
            items={recommendations}
            empty="Nothing recommended so far. If the inspection finds something, it appears here for your approval."
            status={(item) => (item.status === "PENDING" ? (mayDecide ? "Awaiting your decision" : "You can decide once the inspection is done") : RECOMMENDATION_STATUS_TEXT[item.status])}
            actions={(item) =>
              item.status === "PENDING" && mayDecide ? (
                <div className="flex flex-wrap gap-2">
                  <ActionButton
                    action={decideRecommendationsAction}
                    fields={{ id: booking.id, decision: "APPROVED", items: `${item.id}:${item.version}` }}
                    label="Approve"
                    pendingLabel="Approving…"
                    ariaLabel={`Approve ${item.serviceName}`}
                    className={smallStrongButtonClass}
                    align="start"
                    testId="approve-recommendation"
                  />
                  <ActionButton
                    action={decideRecommendationsAction}
                    fields={{ id: booking.id, decision: "DECLINED", items: `${item.id}:${item.version}` }}
                    label="Decline"
                    pendingLabel="Declining…"
                    ariaLabel={`Decline ${item.serviceName}`}
                    className={smallButtonClass}
                    align="start"
                    testId="decline-recommendation"
                  />
                </div>
              ) : null
            }
          />
        </section>
      )}

      {inspection?.submittedAt && (
        <section aria-labelledby="inspection-heading" className="space-y-3">
          <SectionHeading id="inspection-heading">Inspection</SectionHeading>
          <InspectionResults inspection={inspection} timeZone={timeZone} />
        </section>
      )}

      {invoice && (
        <section aria-labelledby="invoice-heading" className="space-y-3">
          <SectionHeading id="invoice-heading">Invoice</SectionHeading>
          <InvoicePanel invoice={invoice} timeZone={timeZone} />
        </section>
      )}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="services-heading" className="space-y-3">
          <h2 id="services-heading" className="text-xl font-semibold">
            Work booked
          </h2>
          <Card>
            <BookedWork booking={booking} />
          </Card>
        </section>

        <section aria-labelledby="timeline-heading" className="space-y-3">
          <h2 id="timeline-heading" className="text-xl font-semibold">
            Timeline
          </h2>
          <BookingTimeline progress={progress} timeZone={timeZone} />
        </section>
      </div>

      {mayReadRecommendations && approvals.length > 0 && (
        <section aria-labelledby="approvals-heading" className="space-y-3">
          <h2 id="approvals-heading" className="text-xl font-semibold">
            Your decisions
          </h2>
          <ApprovalHistory records={approvals} timeZone={timeZone} />
        </section>
      )}

      {reviews && (
        <section aria-labelledby="reviews-heading" className="space-y-3">
          <SectionHeading id="reviews-heading">Your reviews</SectionHeading>
          <ul className="grid gap-3 md:grid-cols-2" data-testid="booking-reviews">
            {booking.services.map((service) => {
              const review = reviewByLine.get(service.id);
              return (
                <li key={service.id} className="space-y-2 rounded-card border border-line bg-surface-raised p-4 text-sm shadow-sm" data-testid="booking-review" data-reviewed={review ? "true" : "false"}>
                  <p className="font-medium break-words">
                    {service.serviceId ? (
                      <IntentLink href={`/garage/services/${service.serviceId}`} className={linkClass}>
                        {service.serviceName}
                      </IntentLink>
                    ) : (
                      service.serviceName
                    )}
                  </p>
                  {review ? (
                    <>
                      <p className="flex items-center gap-2">
                        <Stars value={review.rating} />
                        <span className="sr-only">{`${review.rating} out of 5`}</span>
                        <span className="text-xs text-ink-muted">{formatShopTime(review.createdAt, timeZone)}</span>
                      </p>
                      {review.text && <p className="whitespace-pre-line break-words">{review.text}</p>}
                    </>
                  ) : mayReview && service.serviceId ? (
                    <details open={booking.services.length === 1}>
                      <summary className={`${linkClass} cursor-pointer`}>
                        Write a review<span className="sr-only"> of {service.serviceName}</span>
                      </summary>
                      <div className="mt-2">
                        <ReviewForm action={writeReviewAction} hidden={{ bookedServiceId: service.id }} label={`Review ${service.serviceName}`} submitLabel="Publish review" />
                      </div>
                    </details>
                  ) : (
                    <p className="text-ink-muted">Not reviewed.</p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
