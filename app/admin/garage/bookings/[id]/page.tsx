import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { moveBookingAction } from "@/app/admin/garage/board/actions";
import { issueInvoiceAction, recordPaymentAction } from "@/app/admin/garage/invoices/actions";
import { assignBookingAction, cancelAssignmentAction } from "@/app/admin/garage/planner/actions";
import { AssignForm } from "@/components/garage/assign-form";
import { AssignmentStatusBadge } from "@/components/garage/assignment-status-badge";
import { BookingMoves } from "@/components/garage/booking-move";
import { ApprovalHistory, BookedWork, BookingTimeline, InspectionResults, InvoicePanel, RecommendationList, SectionHeading } from "@/components/garage/booking-sections";
import { NoteForm, PhoneDecisionForm, PriceChangeForm, RecommendForm } from "@/components/garage/booking-staff-forms";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { PaymentForm } from "@/components/garage/invoice-desk-forms";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, secondaryButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { EmptyState } from "@/components/ui/page";
import { NotFoundError } from "@/lib/errors";
import { DECIDING_STATUSES, listApprovals } from "@/lib/modules/garage/services/approvals";
import { assignableMechanics, listBookingAssignments } from "@/lib/modules/garage/services/assignments";
import { getBooking } from "@/lib/modules/garage/services/bookings";
import { listServices } from "@/lib/modules/garage/services/catalogue";
import { getInspection } from "@/lib/modules/garage/services/inspections";
import { getBookingInvoice } from "@/lib/modules/garage/services/invoices";
import { listRecommendations } from "@/lib/modules/garage/services/staff-recommendations";
import { HOLDING_ASSIGNMENT_STATUSES } from "@/lib/modules/garage/services/workshop";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatShopClock, formatShopTime, shopDate } from "@/lib/modules/garage/view-models/shop-clock";
import type { RecommendationView } from "@/lib/modules/garage/views";
import { BOOKING_STATUS_LABELS, WORKSHOP_TRANSITIONS, type BookingStatusName } from "@/lib/modules/garage/vocabulary";
import { forPage } from "@/lib/ui/for-page";
import { addNoteAction, addRecommendationAction, adjustRecommendationAction, deleteNoteAction, editNoteAction, phoneDecisionAction, reviseRecommendationAction } from "./actions";

export const metadata: Metadata = { title: "Booking (workshop)" };

const LIVE_TOPICS = ["booking_events"] as const;
const MINUTE = 60_000;
/** Statuses in which staff may recommend more work (the service's rule; the form shows only then). */
const RECOMMENDING: readonly BookingStatusName[] = ["INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS"];
const INSPECTION_OPEN: readonly BookingStatusName[] = ["CHECKED_IN", "INSPECTING"];
/** Statuses the booking leaves by something other than a move: what it waits for. */
const WAITING_TEXT: Partial<Record<BookingStatusName, string>> = {
  INSPECTING: "Submit the inspection: flagged items go to the customer for approval.",
  AWAITING_APPROVAL: "Waiting for the customer's decisions (record a phone decision below): the last one moves the work on.",
};
const RECOMMENDATION_STATUS_TEXT: Record<RecommendationView["status"], string> = { PENDING: "Awaiting the customer", APPROVED: "Approved", DECLINED: "Declined (kept for later)" };


/** Not there yet (no inspection started, no invoice issued): null rather than a 404 page. */
async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The workshop's page of one booking: for admins and mechanics, everything about the car's visit and what they may do next. */
export default async function StaffBookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS") || (principal.role !== "ADMIN" && principal.role !== "MECHANIC")) forbidden();
  const booking = await forPage(getBooking(principal, id));
  const isAdmin = principal.role === "ADMIN";
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const [assignments, inspection, recommendations, approvals, invoice, services, mechanics] = await Promise.all([
    forPage(listBookingAssignments(principal, booking.id)),
    orNull(getInspection(principal, booking.id)),
    forPage(listRecommendations(principal, booking.id)),
    forPage(listApprovals(principal, booking.id)),
    orNull(getBookingInvoice(principal, booking.id)),
    principal.scopes.has("WRITE:BOOKING_RECOMMENDATIONS") && RECOMMENDING.includes(booking.status) ? listServices(principal, { limit: 100 }) : null,
    isAdmin && principal.scopes.has("WRITE:BOOKING_ASSIGNMENT") ? assignableMechanics(principal) : null,
  ]);
  const holding = new Set<string>(HOLDING_ASSIGNMENT_STATUSES);
  // Admins act on every booking; a mechanic on the bookings they hold an assignment on (the services check it again).
  const actor = isAdmin || assignments.some((assignment) => assignment.mechanicId === principal.userId && holding.has(assignment.status));
  const open = booking.status !== "CANCELLED" && booking.status !== "DELIVERED";
  const nextStatuses = WORKSHOP_TRANSITIONS[booking.status] ?? [];
  const deciding = (DECIDING_STATUSES as readonly BookingStatusName[]).includes(booking.status);
  const pending = recommendations.filter((item) => item.status === "PENDING").length;
  const slotDate = shopDate(new Date(booking.slotStart), timeZone);
  const assignFrom = formatShopClock(booking.slotStart, timeZone);
  const assignTo = formatShopClock(new Date(Date.parse(booking.slotStart) + Math.max(booking.labourMinutes, 30) * MINUTE).toISOString(), timeZone);

  return (
    <div className="space-y-8" data-testid="staff-booking-page" data-booking-id={booking.id}>
      <LiveRefresh topics={LIVE_TOPICS} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <IntentLink href={isAdmin ? "/admin/garage/bookings" : "/admin/garage/jobs"} className={`${linkClass} text-sm`}>
            ← {isAdmin ? "Bookings" : "My jobs"}
          </IntentLink>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight break-words">
            <span className="font-mono">{booking.carPlate}</span> <span className="text-xl font-normal text-ink-muted">{booking.carDescription}</span>
          </h1>
          <p className="text-ink-muted">
            {booking.customer?.name ?? "Account deleted"}
            {booking.customerId ? ` (${booking.customerId})` : ""} · drop-off {formatShopTime(booking.slotStart, timeZone)} · bay {booking.bay}
          </p>
        </div>
        <BookingStatusBadge status={booking.status} />
      </div>

      <section aria-labelledby="status-heading" className="space-y-2 rounded-card border border-line bg-surface-raised p-4 shadow-sm">
        <h2 id="status-heading" className="text-sm font-semibold">
          Next step
        </h2>
        {actor && open && nextStatuses.length > 0 ? (
          <BookingMoves action={moveBookingAction} bookingId={booking.id} carPlate={booking.carPlate} nextStatuses={nextStatuses} />
        ) : (
          <p className="text-sm text-ink-muted" data-testid="booking-moves-none">
            {!open
              ? "This booking is closed."
              : !actor
                ? "Only an admin or a mechanic assigned to this booking moves it."
                : (WAITING_TEXT[booking.status] ?? "No move from here.")}
          </p>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="summary-heading" className="space-y-3">
            <SectionHeading id="summary-heading">Summary</SectionHeading>
            <Card>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid="booking-summary">
                <dt className="text-ink-muted">Promised</dt>
                <dd>{booking.promisedAt ? formatShopTime(booking.promisedAt, timeZone) : "At check-in"}</dd>
                <dt className="text-ink-muted">Odometer in</dt>
                <dd className="tabular-nums">{booking.odometerInKm === null ? "—" : `${booking.odometerInKm.toLocaleString("en-IN")} km`}</dd>
                <dt className="text-ink-muted">Odometer out</dt>
                <dd className="tabular-nums">{booking.odometerOutKm === null ? "—" : `${booking.odometerOutKm.toLocaleString("en-IN")} km`}</dd>
                <dt className="text-ink-muted">Pick-up</dt>
                <dd className="break-words">{booking.pickupText ?? "Drop-off at the garage"}</dd>
                {booking.notes && (
                  <>
                    <dt className="text-ink-muted">Customer&apos;s notes</dt>
                    <dd className="whitespace-pre-line break-words">{booking.notes}</dd>
                  </>
                )}
                {booking.cancelReason && (
                  <>
                    <dt className="text-ink-muted">Cancelled</dt>
                    <dd className="break-words">{booking.cancelReason}</dd>
                  </>
                )}
              </dl>
              <BookedWork booking={booking} className="mt-3 border-t border-line" />
            </Card>
          </section>

          <section aria-labelledby="inspection-heading" className="space-y-3">
            <SectionHeading
              id="inspection-heading"
              aside={
                principal.scopes.has("WRITE:BOOKING_ANALYSIS") &&
                (INSPECTION_OPEN.includes(booking.status) || inspection) && (
                  <IntentLink href={`/admin/garage/bookings/${booking.id}/inspection`} className={secondaryButtonClass} data-testid="inspection-link">
                    {inspection?.submittedAt ? "Open the inspection" : inspection ? "Continue the inspection" : "Start the inspection"}
                  </IntentLink>
                )
              }
            >
              Inspection
            </SectionHeading>
            {inspection?.submittedAt ? (
              <InspectionResults inspection={inspection} timeZone={timeZone} />
            ) : (
              <EmptyState>
                {inspection ? `In progress by ${inspection.mechanicName}: the results show here once submitted.` : INSPECTION_OPEN.includes(booking.status) ? "Not started yet." : "No inspection for this booking."}
              </EmptyState>
            )}
          </section>

          <section aria-labelledby="recommendations-heading" className="space-y-3">
            <SectionHeading id="recommendations-heading" aside={pending > 0 ? <span className="text-sm text-ink-muted">{pending} awaiting the customer</span> : undefined}>
              Recommended work
            </SectionHeading>
            <RecommendationList
              items={recommendations}
              empty="Nothing recommended for this booking."
              status={(item) => `${RECOMMENDATION_STATUS_TEXT[item.status]} · v${item.version}`}
              actions={(item) =>
                actor && deciding && (item.status === "PENDING" || item.status === "APPROVED") ? (
                  <details className="text-sm" data-testid="recommendation-staff-actions">
                    <summary className={`${linkClass} cursor-pointer`}>{item.status === "PENDING" ? "Phone decision or price" : "Revise the price"}</summary>
                    <div className="mt-3 space-y-3">
                      {item.status === "PENDING" ? (
                        <>
                          <PhoneDecisionForm action={phoneDecisionAction} bookingId={booking.id} recommendationId={item.id} version={item.version} serviceName={item.serviceName} />
                          <PriceChangeForm
                            action={adjustRecommendationAction}
                            recommendationId={item.id}
                            currency={item.currency}
                            label={`Adjust the price of ${item.serviceName}`}
                            submitLabel="Adjust price"
                          />
                        </>
                      ) : (
                        <PriceChangeForm
                          action={reviseRecommendationAction}
                          recommendationId={item.id}
                          currency={item.currency}
                          label={`Revise the approved price of ${item.serviceName}`}
                          submitLabel="Revise (needs a new approval)"
                        />
                      )}
                    </div>
                  </details>
                ) : null
              }
            />
            {actor && services && services.items.length > 0 && (
              <details className="rounded-card border border-line p-4" data-testid="recommend-work">
                <summary className={`${linkClass} cursor-pointer text-sm`}>Recommend more work</summary>
                <div className="mt-3">
                  <RecommendForm action={addRecommendationAction} bookingId={booking.id} currency={booking.currency} services={services.items.map((service) => ({ id: service.id, name: service.name }))} />
                </div>
              </details>
            )}
          </section>

          <section aria-labelledby="approvals-heading" className="space-y-3">
            <SectionHeading id="approvals-heading">Approval records</SectionHeading>
            <ApprovalHistory records={approvals} timeZone={timeZone} showVersions />
          </section>
        </div>

        <div className="min-w-0 space-y-8">
          <section aria-labelledby="invoice-heading" className="space-y-3">
            <SectionHeading id="invoice-heading">Invoice</SectionHeading>
            {invoice ? (
              <InvoicePanel invoice={invoice} timeZone={timeZone}>
                {isAdmin && invoice.balanceDueMinor > 0 && (
                  <details>
                    <summary className={`${linkClass} cursor-pointer text-sm`}>Record a payment</summary>
                    <div className="mt-3">
                      <PaymentForm
                        action={recordPaymentAction}
                        invoiceId={invoice.id}
                        number={invoice.number}
                        currency={invoice.currency}
                        due={formatMinor(invoice.balanceDueMinor, invoice.currency)}
                      />
                    </div>
                  </details>
                )}
              </InvoicePanel>
            ) : isAdmin && (booking.status === "READY" || booking.status === "DELIVERED") ? (
              <Card>
                <p className="mb-2 text-sm text-ink-muted">No invoice yet.</p>
                <ActionButton
                  action={issueInvoiceAction}
                  fields={{ bookingId: booking.id }}
                  label="Issue invoice"
                  pendingLabel="Issuing…"
                  ariaLabel={`Issue the invoice of ${booking.carPlate}`}
                  className={smallStrongButtonClass}
                  align="start"
                  showSuccess
                />
              </Card>
            ) : (
              <EmptyState>Issued when the car is ready for collection.</EmptyState>
            )}
          </section>

          <section aria-labelledby="assignments-heading" className="space-y-3">
            <SectionHeading id="assignments-heading">Assignments</SectionHeading>
            {assignments.length === 0 ? (
              <EmptyState>Nobody is assigned yet.</EmptyState>
            ) : (
              <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised text-sm" data-testid="booking-assignments">
                {assignments.map((assignment) => (
                  <li key={assignment.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3" data-testid="booking-assignment">
                    <span className="min-w-0">
                      <span className="font-medium">{assignment.mechanicName}</span> · {formatShopTime(assignment.startsAt, timeZone)}–{formatShopClock(assignment.endsAt, timeZone)}
                      <span className="block text-xs text-ink-muted">{assignment.bookedServiceName ?? "Whole booking"}</span>
                    </span>
                    <span className="flex items-center gap-2">
                      <AssignmentStatusBadge status={assignment.status} />
                      {isAdmin && open && (assignment.status === "ASSIGNED" || assignment.status === "ACCEPTED" || assignment.status === "STARTED") && (
                        <ActionButton
                          action={cancelAssignmentAction}
                          fields={{ id: assignment.id }}
                          label="Cancel"
                          pendingLabel="Cancelling…"
                          ariaLabel={`Cancel ${assignment.mechanicName}'s assignment`}
                          confirm={{ question: "Cancel this assignment?", yes: "Yes, cancel", keep: "Keep it" }}
                        />
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {isAdmin && open && mechanics && (
              <details className="rounded-card border border-line p-4" data-testid="assign-booking">
                <summary className={`${linkClass} cursor-pointer text-sm`}>Assign a mechanic ({slotDate})</summary>
                <div className="mt-3">
                  <AssignForm action={assignBookingAction} bookingId={booking.id} date={slotDate} mechanics={mechanics} from={assignFrom} to={assignTo} carPlate={booking.carPlate} />
                </div>
              </details>
            )}
          </section>

          <section aria-labelledby="timeline-heading" className="space-y-3">
            <SectionHeading id="timeline-heading">Timeline</SectionHeading>
            {actor && open && principal.scopes.has("WRITE:BOOKING_PROGRESS") && (
              <Card>
                <NoteForm action={addNoteAction} hidden={{ id: booking.id }} label="Add a note to the timeline" submitLabel="Add note" />
              </Card>
            )}
            <BookingTimeline
              progress={booking.progress}
              timeZone={timeZone}
              entryActions={(entry) =>
                isAdmin && principal.scopes.has("UPDATE:BOOKING_PROGRESS") ? (
                  <details className="mt-1">
                    <summary className={`${linkClass} cursor-pointer text-xs`}>{entry.toStatus ? "Correct the note" : "Edit or delete"}</summary>
                    <div className="mt-2 space-y-2">
                      <NoteForm action={editNoteAction} hidden={{ id: booking.id, entryId: entry.id }} label={`Correct the note of timeline entry ${entry.id} (${entry.toStatus ? BOOKING_STATUS_LABELS[entry.toStatus] : "note"})`} initial={entry.note ?? ""} submitLabel="Save note" />
                      {!entry.toStatus && principal.scopes.has("DELETE:BOOKING_PROGRESS") && (
                        <ActionButton
                          action={deleteNoteAction}
                          fields={{ id: booking.id, entryId: entry.id }}
                          label="Delete note"
                          pendingLabel="Deleting…"
                          confirm={{ question: "Delete this note?", yes: "Yes, delete", keep: "Keep it" }}
                          align="start"
                        />
                      )}
                    </div>
                  </details>
                ) : null
              }
            />
          </section>
        </div>
      </div>
    </div>
  );
}
