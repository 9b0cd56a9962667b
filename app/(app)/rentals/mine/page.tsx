import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { cancelRentalAction } from "@/app/(app)/rentals/actions";
import { RentalStatusBadge } from "@/components/rentals/badges";
import { RentalsLiveUpdates } from "@/components/rentals/live-updates";
import { RentalTimeline } from "@/components/rentals/rental-timeline";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { formatCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { listRentals } from "@/lib/modules/rentals/services/rentals";
import type { RentalView } from "@/lib/modules/rentals/views";
import { isCancellable } from "@/lib/modules/rentals/vocabulary";

export const metadata: Metadata = { title: "My rentals" };

const CURRENT = new Set<RentalView["status"]>(["PENDING", "APPROVED", "ACTIVE"]);

export default async function MyRentalsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:RENTALS")) forbidden();
  const { items } = await listRentals(principal, { customerId: principal.userId, sort: "-start", limit: 200 });
  const day = formatCalendarDate(today());
  const current = items.filter((rental) => CURRENT.has(rental.status));
  const past = items.filter((rental) => !CURRENT.has(rental.status));

  return (
    <div className="space-y-10">
      <RentalsLiveUpdates topics={["rental_events"]} viewerId={principal.userId} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">My rentals</h1>
          <p className="mt-2 text-ink-muted">Your requests and bookings. Decisions from the rental desk appear here as they happen.</p>
        </div>
        <IntentLink href="/rentals" className="rounded-full bg-brand px-5 py-2.5 text-sm font-medium text-brand-ink hover:opacity-90">
          Rent a vehicle
        </IntentLink>
      </div>

      {items.length === 0 ? (
        <p className="rounded-card border border-dashed border-line p-10 text-center text-ink-muted">
          You have no rentals yet. <IntentLink href="/rentals" className="font-medium text-brand underline-offset-4 hover:underline">Browse the fleet</IntentLink>.
        </p>
      ) : (
        <>
          <RentalList title="Current and upcoming" rentals={current} today={day} empty="Nothing booked right now." />
          <RentalList title="Past" rentals={past} today={day} empty="No past rentals." />
        </>
      )}
    </div>
  );
}

function RentalList({ title, rentals, today: day, empty }: { title: string; rentals: RentalView[]; today: string; empty: string }) {
  const headingId = `rentals-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      {rentals.length === 0 ? (
        <p className="text-sm text-ink-muted">{empty}</p>
      ) : (
        <ul className="grid gap-6 lg:grid-cols-2">
          {rentals.map((rental) => (
            <li key={rental.id} data-testid="my-rental" data-rental-id={rental.id} className="rounded-card border border-line bg-surface-raised p-6 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="text-lg font-semibold">
                    <IntentLink href={`/rentals/vehicles/${rental.vehicleId}`} className="underline-offset-4 hover:underline">
                      {rental.vehicle.make} {rental.vehicle.model}
                    </IntentLink>
                  </h3>
                  <p className="text-sm text-ink-muted">
                    {rental.vehicle.branch.name}, {rental.vehicle.branch.city}
                  </p>
                </div>
                <RentalStatusBadge status={rental.status} />
              </div>
              <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
                <div>
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Pick-up</dt>
                  <dd className="font-medium">{rental.startDate}</dd>
                </div>
                <div>
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Return</dt>
                  <dd className="font-medium">{rental.endDate}</dd>
                </div>
                <div>
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Price</dt>
                  <dd className="font-medium">
                    {formatMoney(rental.amountDue)}
                    <span className="block text-xs font-normal text-ink-muted">
                      {rental.days} × {formatMoney(rental.dailyPrice)}
                      {rental.lateDays > 0 && ` + ${rental.lateDays} late ${rental.lateDays === 1 ? "day" : "days"}`}
                    </span>
                  </dd>
                </div>
              </dl>
              {rental.rejectionReason && (
                <p className="mt-4 rounded-lg border border-line px-3 py-2 text-sm">
                  <span className="font-medium">Reason: </span>
                  {rental.rejectionReason}
                </p>
              )}
              <div className="mt-5 flex flex-wrap items-start justify-between gap-4">
                <RentalTimeline history={rental.history} />
                {isCancellable(rental, day) && (
                  <ActionButton
                    action={cancelRentalAction}
                    fields={{ id: rental.id }}
                    label="Cancel"
                    pendingLabel="Cancelling…"
                    ariaLabel={`Cancel the rental of the ${rental.vehicle.make} ${rental.vehicle.model}`}
                    confirm={{ question: "Cancel this rental?", yes: "Yes, cancel", keep: "Keep it" }}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
