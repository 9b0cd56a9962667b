import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { RentalStatusBadge } from "@/components/rentals/badges";
import { RentalsLiveUpdates } from "@/components/rentals/live-updates";
import { RejectForm } from "@/components/rentals/reject-form";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { smallStrongButtonClass } from "@/components/ui/buttons";
import { rentalCapabilities } from "@/lib/modules/rentals/services/access";
import { formatCalendarDate, lateDays, parseCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { readSearchFilters, type PageSearchParams } from "@/lib/modules/rentals/view-models/search-params";
import type { RentalListQuery } from "@/lib/modules/rentals/schemas";
import { listRentals, overlappingBookings } from "@/lib/modules/rentals/services/rentals";
import type { RentalView } from "@/lib/modules/rentals/views";
import { approveRentalAction, pickUpRentalAction, rejectRentalAction, returnRentalAction } from "./actions";

export const metadata: Metadata = { title: "Rental requests" };

const TABS = [
  { key: "PENDING", label: "Requests", query: { status: "PENDING", sort: "start" }, empty: "No requests waiting. New ones appear here as they come in." },
  { key: "APPROVED", label: "To hand over", query: { status: "APPROVED", sort: "start" }, empty: "No approved rentals waiting for pick-up." },
  { key: "ACTIVE", label: "Out now", query: { status: "ACTIVE", sort: "start" }, empty: "No vehicle is out." },
  { key: "ALL", label: "All", query: { sort: "-created" }, empty: "No rentals yet." },
] as const satisfies ReadonlyArray<{ key: string; label: string; query: RentalListQuery; empty: string }>;
type TabKey = (typeof TABS)[number]["key"];

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function RentalQueuePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const principal = await requirePrincipal();
  if (!rentalCapabilities(principal).manageRentals) forbidden();
  const requested = readSearchFilters(await searchParams, ["tab"]).tab;
  const tab = TABS.find((candidate) => candidate.key === requested) ?? TABS[0];
  const [{ items, total }, ...counts] = await Promise.all([
    listRentals(principal, { ...tab.query, limit: 100 }),
    ...TABS.slice(0, 3).map((candidate) => listRentals(principal, { ...candidate.query, limit: 1 })),
  ]);
  const countOf = new Map<TabKey, number>(TABS.slice(0, 3).map((candidate, index) => [candidate.key, counts[index]?.total ?? 0]));
  const blocked = tab.key === "PENDING" ? await overlappingBookings(principal, items) : new Set<string>();
  const day = formatCalendarDate(today());

  return (
    <div className="space-y-6">
      <RentalsLiveUpdates
        topics={["rental_events", "vehicle_events"]}
        viewerId={principal.userId}
        toastOthers
        notifiedTypes={principal.role === "EMPLOYEE" ? ["rental.requested"] : []}
      />
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Rental requests</h1>
        <p className="mt-2 text-ink-muted">Approve or decline requests, hand vehicles over and take them back. The list updates live.</p>
      </div>

      <nav aria-label="Rental lists" className="flex flex-wrap gap-2">
        {TABS.map((candidate) => {
          const current = candidate.key === tab.key;
          const count = countOf.get(candidate.key);
          return (
            <IntentLink
              key={candidate.key}
              href={candidate.key === "PENDING" ? "/admin/rentals" : `/admin/rentals?tab=${candidate.key}`}
              aria-current={current ? "page" : undefined}
              className={`rounded-full px-4 py-1.5 text-sm font-medium transition ${current ? "bg-brand text-brand-ink" : "border border-line hover:border-brand"}`}
            >
              {candidate.label}
              {count !== undefined && <span className={`ml-2 text-xs ${current ? "" : "text-ink-muted"}`} data-testid={`count-${candidate.key}`}>{count}</span>}
            </IntentLink>
          );
        })}
      </nav>

      <section aria-label={tab.label} className="rounded-card border border-line bg-surface-raised shadow-sm">
        {items.length === 0 ? (
          <p className="p-10 text-center text-ink-muted">{tab.empty}</p>
        ) : (
          <ul className="divide-y divide-line" data-testid="rental-queue">
            {items.map((rental) => (
              <QueueRow key={rental.id} rental={rental} today={day} overlapsBooking={blocked.has(rental.id)} />
            ))}
          </ul>
        )}
        {total > items.length && <p className="border-t border-line px-5 py-3 text-sm text-ink-muted">Showing the first {items.length} of {total}.</p>}
      </section>
    </div>
  );
}

function QueueRow({ rental, today: day, overlapsBooking }: { rental: RentalView; today: string; overlapsBooking: boolean }) {
  const customer = rental.customer?.name ?? "Former customer";
  const late = rental.status === "ACTIVE" ? lateDays(parseCalendarDate(rental.endDate)!, parseCalendarDate(day)!) : 0;
  const requestedAt = rental.history[0]?.at ?? rental.createdAt;
  return (
    <li className="flex flex-wrap items-start justify-between gap-4 px-5 py-4" data-testid="queue-row" data-rental-id={rental.id}>
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{customer}</span>
          <span className="text-ink-muted">·</span>
          <IntentLink href={`/rentals/vehicles/${rental.vehicleId}`} className="underline-offset-4 hover:underline">
            {rental.vehicle.make} {rental.vehicle.model}
          </IntentLink>
          <span className="font-mono text-xs text-ink-muted">{rental.vehicle.plate}</span>
          <RentalStatusBadge status={rental.status} />
        </p>
        <p className="text-sm">
          {rental.startDate} → {rental.endDate} · {rental.days} {rental.days === 1 ? "day" : "days"} · {formatMoney(rental.totalPrice)}
          <span className="text-ink-muted"> · {rental.vehicle.branch.name}</span>
        </p>
        <p className="text-xs text-ink-muted">
          Requested {dateTime.format(new Date(requestedAt))} UTC
          {rental.history.length > 1 && ` · last change by ${rental.history.at(-1)?.actorName}`}
        </p>
        {overlapsBooking && (
          <p className="text-sm text-amber-800 dark:text-amber-300">Overlaps a rental already approved for this vehicle: it cannot be approved.</p>
        )}
        {late > 0 && (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            {late} {late === 1 ? "day" : "days"} overdue: {formatMoney(late * rental.dailyPrice)} late fee so far.
          </p>
        )}
        {rental.rejectionReason && <p className="text-sm text-ink-muted">Declined: {rental.rejectionReason}</p>}
      </div>
      <div className="flex flex-wrap items-start justify-end gap-2">
        {rental.status === "PENDING" && (
          <>
            <ActionButton
              action={approveRentalAction}
              fields={{ id: rental.id }}
              label="Approve"
              pendingLabel="Approving…"
              ariaLabel={`Approve ${customer}'s request`}
              className={smallStrongButtonClass}
            />
            <RejectForm action={rejectRentalAction} rentalId={rental.id} customerName={customer} />
          </>
        )}
        {rental.status === "APPROVED" &&
          (rental.startDate <= day && day < rental.endDate ? (
            <ActionButton action={pickUpRentalAction} fields={{ id: rental.id }} label="Hand over" pendingLabel="Handing over…" ariaLabel={`Hand over to ${customer}`} className={smallStrongButtonClass} />
          ) : (
            <span className="text-xs text-ink-muted">{rental.startDate > day ? `Pick-up from ${rental.startDate}` : "Period ended"}</span>
          ))}
        {rental.status === "ACTIVE" && (
          <ActionButton action={returnRentalAction} fields={{ id: rental.id }} label="Take back" pendingLabel="Taking back…" ariaLabel={`Take back from ${customer}`} className={smallStrongButtonClass} />
        )}
      </div>
    </li>
  );
}
