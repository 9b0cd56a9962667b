import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { acceptJobAction, finishJobAction, startJobAction } from "@/app/admin/garage/jobs/actions";
import { AssignmentStatusBadge } from "@/components/garage/assignment-status-badge";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, primaryButtonClass } from "@/components/ui/buttons";
import { DayFilter } from "@/components/ui/day-filter";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { ValidationError } from "@/lib/errors";
import { myJobs } from "@/lib/modules/garage/services/assignments";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatShopClock, formatShopTime, shopDate } from "@/lib/modules/garage/view-models/shop-clock";
import type { AssignmentView } from "@/lib/modules/garage/views";

export const metadata: Metadata = { title: "My jobs" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A checked-in car has an inspection to fill in (or, later, to read back). */
const INSPECTABLE = new Set<string>(["CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY", "DELIVERED"]);

/** The one step a job takes next, as a big button (a phone in a gloved hand). */
const NEXT_STEP = {
  ASSIGNED: { action: acceptJobAction, label: "Accept", pending: "Accepting…" },
  ACCEPTED: { action: startJobAction, label: "Start", pending: "Starting…" },
  STARTED: { action: finishJobAction, label: "Finish", pending: "Finishing…" },
} as const;

function nextStep(job: AssignmentView) {
  return job.status === "ASSIGNED" || job.status === "ACCEPTED" || job.status === "STARTED" ? NEXT_STEP[job.status] : null;
}

export default async function MyJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("UPDATE:BOOKING_ASSIGNMENT")) forbidden();
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const today = shopDate(new Date(), timeZone);
  const date = first((await searchParams).date) ?? today;
  let jobs: AssignmentView[] = [];
  let dateError: string | null = null;
  try {
    jobs = await myJobs(principal, { date });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    dateError = "That is not a date: pick one from the calendar.";
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="My jobs">{date === today ? "Today's" : `${date}'s`} work in order. Accept a job, start it when the car is on your bay, finish it when done.</PageHeading>
      <DayFilter date={date} error={dateError} />
      {jobs.length === 0 ? (
        <EmptyState>No jobs for you that day.</EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Jobs">
          {jobs.map((job) => {
            const step = nextStep(job);
            return (
              <li key={job.id} data-testid="job" data-assignment-id={job.id} className="rounded-2xl border border-line bg-surface-raised p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="text-lg font-semibold tabular-nums">
                    {formatShopClock(job.startsAt, timeZone)}–{formatShopClock(job.endsAt, timeZone)}
                  </p>
                  <AssignmentStatusBadge status={job.status} />
                </div>
                <p className="mt-1 text-base font-medium">
                  <IntentLink href={`/admin/garage/bookings/${job.bookingId}`} className={`${linkClass} font-mono`} data-testid="job-booking-link">
                    {job.booking.carPlate}
                  </IntentLink>{" "}
                  <span className="font-normal text-ink-muted">{job.booking.carDescription}</span>
                </p>
                <p className="text-sm text-ink-muted">
                  {job.bookedServiceName ?? "Whole booking"} · {job.booking.labourMinutes} min of labour booked
                  {job.booking.promisedAt ? ` · promised ${formatShopTime(job.booking.promisedAt, timeZone)}` : ""}
                </p>
                <div className="mt-1 flex flex-wrap items-center gap-3">
                  <BookingStatusBadge status={job.booking.status} />
                  {INSPECTABLE.has(job.booking.status) && (
                    <IntentLink href={`/admin/garage/bookings/${job.bookingId}/inspection`} className={`${linkClass} inline-flex min-h-11 items-center text-sm`} data-testid="job-inspection-link">
                      {job.booking.status === "CHECKED_IN" ? "Start the inspection" : job.booking.status === "INSPECTING" ? "Continue the inspection" : "The inspection"}
                    </IntentLink>
                  )}
                </div>
                {job.note && <p className="mt-2 text-sm">{job.note}</p>}
                {step && (
                  <div className="mt-3">
                    <ActionButton
                      action={step.action}
                      fields={{ id: job.id }}
                      label={step.label}
                      pendingLabel={step.pending}
                      ariaLabel={`${step.label} the job on ${job.booking.carPlate}`}
                      className={`${primaryButtonClass} w-full min-h-14 text-base sm:w-auto`}
                      align="start"
                      testId={`job-${step.label.toLowerCase()}`}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
