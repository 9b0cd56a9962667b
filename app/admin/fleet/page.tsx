import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { VehicleStatusBadge } from "@/components/rentals/badges";
import { RentalsLiveUpdates } from "@/components/rentals/live-updates";
import { VehicleForm } from "@/components/rentals/vehicle-form";
import { VehicleStatusControl } from "@/components/rentals/vehicle-status-control";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/form";
import { rentalCapabilities } from "@/lib/modules/rentals/services/access";
import { listBranches } from "@/lib/modules/rentals/services/branches";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import { listVehicles } from "@/lib/modules/rentals/services/vehicles";
import type { VehicleView } from "@/lib/modules/rentals/views";
import { VEHICLE_STATUS_LABELS, VEHICLE_STATUSES, VEHICLE_TYPE_LABELS } from "@/lib/modules/rentals/vocabulary";
import { createVehicleAction, deleteVehicleAction, setVehicleStatusAction } from "./actions";

export const metadata: Metadata = { title: "Fleet" };

export default async function FleetPage() {
  const principal = await requirePrincipal();
  const can = rentalCapabilities(principal);
  if (!can.manageFleet) forbidden();
  const [branches, vehicles] = await Promise.all([listBranches(principal, { limit: 200 }), listVehicles(principal, { limit: 200, sort: "make" })]);
  const byBranch = new Map<string, VehicleView[]>();
  for (const vehicle of vehicles.items) byBranch.set(vehicle.branchId, [...(byBranch.get(vehicle.branchId) ?? []), vehicle]);
  const tally = VEHICLE_STATUSES.map((status) => [status, vehicles.items.filter((vehicle) => vehicle.status === status).length] as const);

  return (
    <div className="space-y-8">
      <RentalsLiveUpdates topics={["vehicle_events", "branch_events", "rental_events"]} viewerId={principal.userId} toastOthers notifiedTypes={["rental.requested"]} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Fleet</h1>
          <p className="mt-2 text-ink-muted">Every vehicle by branch. Set maintenance or retire vehicles here; pick-ups and returns move them between available and rented.</p>
        </div>
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Vehicles by status">
          {tally.map(([status, count]) => (
            <li key={status} className="rounded-full border border-line px-3 py-1">
              {VEHICLE_STATUS_LABELS[status]} <span className="font-semibold" data-testid={`fleet-count-${status}`}>{count}</span>
            </li>
          ))}
        </ul>
      </div>

      {branches.items.length === 0 && (
        <p className="rounded-card border border-dashed border-line p-10 text-center text-ink-muted">
          No branches yet. <IntentLink href="/admin/branches" className="font-medium text-brand underline-offset-4 hover:underline">Create one</IntentLink> first.
        </p>
      )}

      {branches.items.map((branch) => {
        const fleet = byBranch.get(branch.id) ?? [];
        return (
          <section key={branch.id} aria-labelledby={`branch-${branch.id}`} className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
            <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line px-5 py-4">
              <h2 id={`branch-${branch.id}`} className="text-lg font-semibold">
                {branch.name}
                {!branch.active && <span className="ml-2 rounded-full border border-line px-2 py-0.5 text-xs font-medium text-ink-muted">Closed</span>}
              </h2>
              <p className="text-sm text-ink-muted">
                {branch.city} · {fleet.length} {fleet.length === 1 ? "vehicle" : "vehicles"}
              </p>
            </header>
            {fleet.length === 0 ? (
              <p className="px-5 py-4 text-sm text-ink-muted">No vehicles at this branch.</p>
            ) : (
              <div className="relative overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Vehicles at {branch.name}</caption>
                  <thead className="text-xs uppercase tracking-wider text-ink-muted">
                    <tr>
                      <th scope="col" className="px-5 py-2 font-medium">Vehicle</th>
                      <th scope="col" className="px-5 py-2 font-medium">Plate</th>
                      <th scope="col" className="px-5 py-2 font-medium">Price / day</th>
                      <th scope="col" className="px-5 py-2 font-medium">Status</th>
                      <th scope="col" className="px-5 py-2 text-right font-medium">Change status</th>
                      <th scope="col" className="px-5 py-2"><span className="sr-only">Delete</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-line">
                    {fleet.map((vehicle) => {
                      const name = `${vehicle.make} ${vehicle.model}`;
                      return (
                        <tr key={vehicle.id} className="align-top" data-testid="fleet-row" data-plate={vehicle.plate}>
                          <th scope="row" className="px-5 py-3 font-medium">
                            <IntentLink href={`/rentals/vehicles/${vehicle.id}`} className="underline-offset-4 hover:underline">
                              {name}
                            </IntentLink>
                            <span className="block text-xs font-normal text-ink-muted">
                              {vehicle.year} · {VEHICLE_TYPE_LABELS[vehicle.type]} · {vehicle.seats} seats
                            </span>
                          </th>
                          <td className="px-5 py-3 font-mono text-xs">{vehicle.plate}</td>
                          <td className="px-5 py-3">{formatMoney(vehicle.dailyPrice)}</td>
                          <td className="px-5 py-3">
                            <VehicleStatusBadge status={vehicle.status} />
                          </td>
                          <td className="px-5 py-3">
                            <VehicleStatusControl action={setVehicleStatusAction} vehicleId={vehicle.id} vehicleName={`${name} ${vehicle.plate}`} status={vehicle.status} />
                          </td>
                          <td className="px-5 py-3">
                            {principal.scopes.has("DELETE:VEHICLES") && (
                              <ActionButton
                                action={deleteVehicleAction}
                                fields={{ id: vehicle.id }}
                                label="Delete"
                                pendingLabel="Deleting…"
                                ariaLabel={`Delete ${name} ${vehicle.plate}`}
                                confirm={{ question: "Delete this vehicle?", yes: "Delete", keep: "Keep it" }}
                              />
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}

      {principal.scopes.has("WRITE:VEHICLES") && branches.items.length > 0 && (
        <Card>
          <h2 className="text-xl font-semibold">Add a vehicle</h2>
          <VehicleForm action={createVehicleAction} branches={branches.items.map(({ id, name }) => ({ id, name }))} latestYear={new Date().getUTCFullYear() + 1} />
        </Card>
      )}
    </div>
  );
}
