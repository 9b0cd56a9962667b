import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { assignBookingAction, autoAssignAction, cancelAssignmentAction } from "@/app/admin/garage/planner/actions";
import { AssignForm } from "@/components/garage/assign-form";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass } from "@/components/ui/buttons";
import { DayFilter } from "@/components/ui/day-filter";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { plannerDay } from "@/lib/modules/garage/services/assignments";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatShopClock, shopDate, shopInstant } from "@/lib/modules/garage/view-models/shop-clock";
import { ASSIGNMENT_STATUS_LABELS } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Assignment planner" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const MINUTE = 60_000;

const BLOCK_TONES = {
  ASSIGNED: "bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100",
  ACCEPTED: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  STARTED: "bg-sky-200 text-sky-950 dark:bg-sky-900 dark:text-sky-100",
  FINISHED: "bg-brand-soft text-ink",
  REASSIGNED: "bg-surface text-ink-muted",
  CANCELLED: "bg-surface text-ink-muted",
} as const;

export default async function AssignmentPlannerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:BOOKING_ASSIGNMENT")) forbidden();
  const settings = garageSettings();
  const timeZone = settings.GARAGE_TIME_ZONE;
  const requested = first((await searchParams).date);
  const date = requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && !Number.isNaN(Date.parse(`${requested}T00:00:00Z`)) ? requested : shopDate(new Date(), timeZone);
  const { mechanics, assignments, unassigned } = await plannerDay(principal, date);

  // The time axis: opening to closing time, widened to any assignment outside it.
  const opens = shopInstant(date, settings.GARAGE_OPENS_AT, timeZone).getTime();
  const closes = shopInstant(date, settings.GARAGE_CLOSES_AT, timeZone).getTime();
  const axisStart = Math.min(opens, ...assignments.map((assignment) => Date.parse(assignment.startsAt)));
  const axisEnd = Math.max(closes, ...assignments.map((assignment) => Date.parse(assignment.endsAt)));
  const span = axisEnd - axisStart;
  const hours: number[] = [];
  for (let hour = Math.ceil(axisStart / (60 * MINUTE)) * 60 * MINUTE; hour < axisEnd; hour += 60 * MINUTE) hours.push(hour);
  const percent = (instant: number) => `${(((instant - axisStart) / span) * 100).toFixed(3)}%`;
  const clock = (instant: number) => formatShopClock(new Date(instant), timeZone);

  return (
    <div className="space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Assignment planner">Each mechanic’s day on a time axis, and the day’s open bookings nobody works on yet.</PageHeading>
      <DayFilter date={date} />

      <section aria-labelledby="planner-mechanics" className="space-y-3">
        <h2 id="planner-mechanics" className="text-lg font-semibold">
          Mechanics
        </h2>
        {mechanics.length === 0 ? (
          <EmptyState>No mechanics yet: create staff accounts with the Mechanic role.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <div className="min-w-[44rem] space-y-2">
              <div className="relative ml-40 h-5 text-xs text-ink-muted" aria-hidden="true">
                {hours.map((hour) => (
                  <span key={hour} className="absolute -translate-x-1/2 tabular-nums" style={{ left: percent(hour) }}>
                    {clock(hour)}
                  </span>
                ))}
              </div>
              {mechanics.map((mechanic) => {
                const own = assignments.filter((assignment) => assignment.mechanicId === mechanic.id);
                const minutes = own.reduce((sum, assignment) => sum + assignment.minutes, 0);
                return (
                  <div key={mechanic.id} className="flex items-stretch gap-2" data-testid="planner-mechanic" data-mechanic-id={mechanic.id}>
                    <div className="w-38 shrink-0 text-sm">
                      <p className="font-medium">{mechanic.name}</p>
                      <p className="text-xs text-ink-muted">
                        {mechanic.id} · {minutes} min
                      </p>
                    </div>
                    <ul className="relative h-14 flex-1 rounded-lg border border-line bg-surface" aria-label={`${mechanic.name}'s assignments`}>
                      {own.map((assignment) => (
                        <li
                          key={assignment.id}
                          className={`absolute inset-y-1 overflow-hidden rounded-md px-1.5 py-0.5 text-xs ${BLOCK_TONES[assignment.status]}`}
                          style={{ left: percent(Date.parse(assignment.startsAt)), width: `calc(${(((Date.parse(assignment.endsAt) - Date.parse(assignment.startsAt)) / span) * 100).toFixed(3)}% - 2px)` }}
                          title={`${assignment.booking.carPlate} ${clock(Date.parse(assignment.startsAt))}–${clock(Date.parse(assignment.endsAt))} (${ASSIGNMENT_STATUS_LABELS[assignment.status]})`}
                        >
                          <IntentLink href={`/admin/garage/bookings/${assignment.bookingId}`} className="block truncate font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand">
                            {assignment.booking.carPlate}
                          </IntentLink>
                          <span className="block truncate">
                            {clock(Date.parse(assignment.startsAt))}–{clock(Date.parse(assignment.endsAt))} · {ASSIGNMENT_STATUS_LABELS[assignment.status]}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          </div>
        )}
        {assignments.some((assignment) => assignment.status !== "FINISHED") && (
          <details className="text-sm">
            <summary className="cursor-pointer">Cancel an assignment</summary>
            <ul className="mt-2 space-y-2">
              {assignments
                .filter((assignment) => assignment.status !== "FINISHED")
                .map((assignment) => (
                  <li key={assignment.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <IntentLink href={`/admin/garage/bookings/${assignment.bookingId}`} className={`${linkClass} font-mono`}>
                        {assignment.booking.carPlate}
                      </IntentLink>{" "}
                      · {assignment.mechanicName} · {clock(Date.parse(assignment.startsAt))}–{clock(Date.parse(assignment.endsAt))}
                    </span>
                    <ActionButton
                      action={cancelAssignmentAction}
                      fields={{ id: assignment.id }}
                      label="Cancel"
                      pendingLabel="Cancelling…"
                      ariaLabel={`Cancel ${assignment.mechanicName}'s assignment on ${assignment.booking.carPlate}`}
                      confirm={{ question: "Cancel this assignment?", yes: "Yes, cancel", keep: "Keep it" }}
                    />
                  </li>
                ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="planner-unassigned" className="space-y-3">
        <h2 id="planner-unassigned" className="text-lg font-semibold">
          Not assigned yet
        </h2>
        {unassigned.length === 0 ? (
          <EmptyState>Every open booking of the day has a mechanic.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {unassigned.map((booking) => {
              const from = Math.max(booking.slotStart.getTime(), opens);
              const to = Math.min(from + Math.max(booking.labourMinutes, 30) * MINUTE, shopInstant(date, "23:59", timeZone).getTime());
              return (
                <li key={booking.id} className="space-y-2 rounded-xl border border-line bg-surface-raised p-3" data-testid="planner-unassigned" data-booking-id={booking.id}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-medium">
                      <IntentLink href={`/admin/garage/bookings/${booking.id}`} className={`${linkClass} font-mono`}>
                        {booking.carPlate}
                      </IntentLink>{" "}
                      <span className="font-normal text-ink-muted">{booking.carDescription}</span>
                    </p>
                    <BookingStatusBadge status={booking.status} />
                  </div>
                  <p className="text-sm text-ink-muted">
                    Drop-off {clock(booking.slotStart.getTime())} · {booking.labourMinutes} min of labour
                  </p>
                  <AssignForm action={assignBookingAction} bookingId={booking.id} date={date} mechanics={mechanics} from={clock(from)} to={clock(to)} carPlate={booking.carPlate} />
                  <ActionButton
                    action={autoAssignAction}
                    fields={{ bookingId: booking.id, date, from: clock(from), to: clock(to) }}
                    label={`Auto-assign ${clock(from)}–${clock(to)}`}
                    pendingLabel="Assigning…"
                    ariaLabel={`Auto-assign ${booking.carPlate} to the least-loaded free mechanic`}
                    align="start"
                    showSuccess
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
