import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden, notFound } from "next/navigation";
import { RentalStatusBadge, VehicleStatusBadge } from "@/components/rentals/badges";
import { RentalsLiveUpdates } from "@/components/rentals/live-updates";
import { RentalRequestForm } from "@/components/rentals/request-form";
import { VehiclePhoto } from "@/components/rentals/vehicle-card";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { NotFoundError } from "@/lib/errors";
import { rentalCapabilities } from "@/lib/modules/rentals/services/access";
import { getBranch } from "@/lib/modules/rentals/services/branches";
import { formatCalendarDate, parseCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { readSearchFilters, type PageSearchParams } from "@/lib/modules/rentals/view-models/search-params";
import { listVehicleRentals } from "@/lib/modules/rentals/services/rentals";
import { bookedPeriods, getVehicle } from "@/lib/modules/rentals/services/vehicles";
import { FUEL_LABELS, TRANSMISSION_LABELS, VEHICLE_TYPE_LABELS } from "@/lib/modules/rentals/vocabulary";
import { requestRentalAction } from "../../actions";

export const metadata: Metadata = { title: "Vehicle" };

type Params = Promise<{ id: string }>;

function orNotFound(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}

export default async function VehiclePage({ params, searchParams }: { params: Params; searchParams: Promise<PageSearchParams> }) {
  const principal = await requirePrincipal();
  const can = rentalCapabilities(principal);
  if (!can.browseVehicles) forbidden();
  const { id } = await params;
  const vehicle = await getVehicle(principal, id).catch(orNotFound);
  if (vehicle.status === "RETIRED" && !can.manageFleet) notFound();
  const [branch, booked, history] = await Promise.all([
    principal.scopes.has("READ:BRANCHES") ? getBranch(principal, vehicle.branchId) : null,
    bookedPeriods(principal, vehicle.id),
    can.manageRentals ? listVehicleRentals(principal, vehicle.id, { limit: 20 }) : null,
  ]);
  const dates = readSearchFilters(await searchParams, ["from", "to"]);
  const firstDay = formatCalendarDate(today());
  const valid = (value: string | undefined) => (value && parseCalendarDate(value) && value >= firstDay ? value : undefined);

  return (
    <div className="space-y-8">
      <RentalsLiveUpdates topics={["rental_events", "vehicle_events"]} viewerId={principal.userId} toastOthers={can.manageRentals} notifiedTypes={["rental.requested"]} />
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <IntentLink href="/rentals" className="underline-offset-4 hover:text-ink hover:underline">
          Rent a vehicle
        </IntentLink>{" "}
        / {vehicle.make} {vehicle.model}
      </nav>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-labelledby="vehicle-heading" className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
          <VehiclePhoto vehicle={vehicle} sizes="(min-width: 1024px) 60vw, 100vw" />
          <div className="space-y-6 p-6">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h1 id="vehicle-heading" className="text-3xl font-semibold tracking-tight">
                  {vehicle.make} {vehicle.model}
                </h1>
                <p className="mt-1 text-ink-muted">
                  {vehicle.year} · {VEHICLE_TYPE_LABELS[vehicle.type]} · plate <span className="font-mono text-sm">{vehicle.plate}</span>
                </p>
              </div>
              <div className="text-right">
                <p className="text-3xl font-semibold">{formatMoney(vehicle.dailyPrice)}</p>
                <p className="text-sm text-ink-muted">per day</p>
              </div>
            </div>
            <dl className="grid gap-4 text-sm sm:grid-cols-4">
              {[
                ["Seats", String(vehicle.seats)],
                ["Gearbox", TRANSMISSION_LABELS[vehicle.transmission]],
                ["Fuel", FUEL_LABELS[vehicle.fuel]],
              ].map(([term, detail]) => (
                <div key={term} className="rounded-lg border border-line px-3 py-2">
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">{term}</dt>
                  <dd className="mt-0.5 font-medium">{detail}</dd>
                </div>
              ))}
              <div className="rounded-lg border border-line px-3 py-2">
                <dt className="text-xs uppercase tracking-wider text-ink-muted">Status</dt>
                <dd className="mt-1">
                  <VehicleStatusBadge status={vehicle.status} />
                </dd>
              </div>
            </dl>
            {branch && (
              <div className="rounded-lg border border-line p-4 text-sm">
                <h2 className="font-medium">Pick up and return at {branch.name}</h2>
                <p className="mt-1 text-ink-muted">
                  {branch.address}, {branch.city} · {branch.phone}
                </p>
                <p className="text-ink-muted">{branch.openingHours}</p>
                {!branch.active && <p className="mt-2 font-medium text-amber-800 dark:text-amber-300">This branch is not taking rentals at the moment.</p>}
              </div>
            )}
            <div>
              <h2 className="font-medium">Already booked</h2>
              {booked.length === 0 ? (
                <p className="mt-1 text-sm text-ink-muted">No confirmed bookings ahead.</p>
              ) : (
                <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="booked-periods">
                  {booked.map((period) => (
                    <li key={`${period.startDate}-${period.endDate}`} className="rounded-full border border-line px-3 py-1">
                      {period.startDate} → {period.endDate}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>

        <Card>
          {can.requestRentals ? (
            <>
              <h2 className="mb-4 text-xl font-semibold">Request this vehicle</h2>
              <RentalRequestForm
                action={requestRentalAction}
                vehicleId={vehicle.id}
                dailyPrice={vehicle.dailyPrice}
                today={firstDay}
                initialStart={valid(dates.from)}
                initialEnd={valid(dates.to)}
                bookedPeriods={booked}
              />
            </>
          ) : (
            <>
              <h2 className="text-xl font-semibold">Rental desk</h2>
              <p className="mt-2 text-sm text-ink-muted">Customers request vehicles here; you decide on requests in the queue.</p>
              <div className="mt-4 flex flex-wrap gap-2">
                {can.manageRentals && (
                  <IntentLink href="/admin/rentals" className="rounded-full border border-line px-4 py-2 text-sm font-medium hover:border-brand">
                    Requests queue
                  </IntentLink>
                )}
                {can.manageFleet && (
                  <IntentLink href="/admin/fleet" className="rounded-full border border-line px-4 py-2 text-sm font-medium hover:border-brand">
                    Fleet board
                  </IntentLink>
                )}
              </div>
            </>
          )}
        </Card>
      </div>

      {history && (
        <section aria-labelledby="history-heading" className="rounded-card border border-line bg-surface-raised shadow-sm">
          <h2 id="history-heading" className="border-b border-line px-5 py-4 text-lg font-semibold">
            Rental history of this vehicle
          </h2>
          {history.items.length === 0 ? (
            <p className="px-5 py-4 text-sm text-ink-muted">Never rented yet.</p>
          ) : (
            <ul className="divide-y divide-line">
              {history.items.map((rental) => (
                <li key={rental.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                  <span>
                    <span className="font-medium">{rental.customer?.name ?? "Former customer"}</span>
                    <span className="text-ink-muted">
                      {" "}
                      · {rental.startDate} → {rental.endDate} · {formatMoney(rental.amountDue)}
                    </span>
                  </span>
                  <span className="flex items-center gap-3 text-xs text-ink-muted">
                    {rental.history.at(-1) && <span>by {rental.history.at(-1)?.actorName}</span>}
                    <RentalStatusBadge status={rental.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
