import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { addAddressAction, addCarAction, deleteAddressAction, deleteCarAction, updateCarAction } from "@/app/(app)/garage/cars/actions";
import { AddressAddForm, CarAddForm, CarEditForm } from "@/components/garage/cars-forms";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { smallDangerButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listAddresses } from "@/lib/modules/garage/services/addresses";
import { listAreas } from "@/lib/modules/garage/services/areas";
import { listCarModels } from "@/lib/modules/garage/services/car-models";
import { deferredWorkForCars } from "@/lib/modules/garage/services/approvals";
import { listCars } from "@/lib/modules/garage/services/cars";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { CAR_FUEL_LABELS, CAR_SEGMENT_LABELS } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "My cars" };

const LIVE_TOPICS = ["car_events", "address_events", "booking_events"] as const;

export default async function MyCarsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:CUSTOMER_CARS")) forbidden();
  const canWriteCars = principal.scopes.has("WRITE:CUSTOMER_CARS");
  const canReadAddresses = principal.scopes.has("READ:ADDRESSES");
  const [cars, addresses, models, areas] = await Promise.all([
    listCars(principal, { ownerId: principal.userId, limit: 200 }),
    canReadAddresses ? listAddresses(principal, { ownerId: principal.userId, limit: 200 }) : null,
    canWriteCars && principal.scopes.has("READ:CARS") ? listCarModels(principal, { limit: 200 }).then((page) => page.items) : [],
    principal.scopes.has("WRITE:ADDRESSES") && principal.scopes.has("READ:AREAS") ? listAreas(principal, { active: "true", limit: 200 }).then((page) => page.items) : [],
  ]);
  const deferredWork = principal.scopes.has("READ:BOOKING_RECOMMENDATIONS") ? await deferredWorkForCars(principal, cars.items.map((car) => car.id)) : new Map<string, never[]>();

  return (
    <div className="space-y-10">
      <LiveRefresh topics={LIVE_TOPICS} />
      <PageHeading title="My cars">The cars you bring to the garage, and where we may pick them up. Prices in the catalogue follow your car&apos;s model.</PageHeading>

      <section aria-labelledby="cars-heading" className="space-y-4">
        <h2 id="cars-heading" className="text-xl font-semibold">
          Cars
        </h2>
        {cars.items.length === 0 ? (
          <EmptyState>No cars yet: add yours below to see prices for it.</EmptyState>
        ) : (
          <ul className="grid gap-6 lg:grid-cols-2">
            {cars.items.map((car) => (
              <li key={car.id} data-testid="my-car" className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h3 className="text-lg font-semibold">
                      {car.carModel.make} {car.carModel.model}
                    </h3>
                    <p className="font-mono text-sm tracking-wide">{car.plate}</p>
                    <p className="text-sm text-ink-muted">
                      {CAR_SEGMENT_LABELS[car.carModel.segment]} · {CAR_FUEL_LABELS[car.carModel.fuel]}
                      {car.colour && ` · ${car.colour}`}
                    </p>
                    {car.vin && <p className="break-all text-xs text-ink-muted">VIN {car.vin}</p>}
                  </div>
                  {principal.scopes.has("DELETE:CUSTOMER_CARS") && (
                    <ActionButton
                      action={deleteCarAction}
                      fields={{ id: car.id }}
                      label="Remove"
                      pendingLabel="Removing…"
                      ariaLabel={`Remove the car ${car.plate}`}
                      className={smallDangerButtonClass}
                      confirm={{ question: "Remove this car and its cart lines?", yes: "Yes, remove", keep: "Keep it" }}
                    />
                  )}
                </div>
                {(deferredWork.get(car.id)?.length ?? 0) > 0 && (
                  <div className="mt-4 border-t border-line pt-4" data-testid="deferred-work">
                    <h4 className="text-sm font-semibold">Deferred work</h4>
                    <p className="text-xs text-ink-muted">Declined at an earlier visit: offered again, at that day&apos;s price, when you next book this car.</p>
                    <ul className="mt-2 space-y-1 text-sm">
                      {deferredWork.get(car.id)!.map((item) => (
                        <li key={item.id} className="flex justify-between gap-3">
                          <span>
                            {item.serviceName}
                            {item.severity === "CRITICAL" && <span className="ml-2 text-xs font-medium text-red-700 dark:text-red-400">Critical</span>}
                          </span>
                          <span className="text-ink-muted">{formatMinor(item.priceMinor + item.taxMinor, item.currency)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {principal.scopes.has("UPDATE:CUSTOMER_CARS") && (
                  <div className="mt-4 border-t border-line pt-4">
                    <CarEditForm action={updateCarAction} car={car} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {canWriteCars && (
          <Card>
            <h3 className="mb-4 text-lg font-semibold">Add a car</h3>
            {models.length === 0 ? <p className="text-sm text-ink-muted">The garage has not listed any car models yet.</p> : <CarAddForm action={addCarAction} models={models} />}
          </Card>
        )}
      </section>

      {addresses && (
        <section aria-labelledby="addresses-heading" className="space-y-4">
          <h2 id="addresses-heading" className="text-xl font-semibold">
            Pick-up addresses
          </h2>
          {addresses.items.length === 0 ? (
            <EmptyState>No addresses yet: add one to have your car picked up.</EmptyState>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {addresses.items.map((address) => (
                <li key={address.id} data-testid="my-address" className="flex flex-wrap items-start justify-between gap-3 rounded-card border border-line bg-surface-raised p-4">
                  <div className="min-w-0 text-sm">
                    <p className="font-semibold">{address.label || "Address"}</p>
                    <p>{address.line1}</p>
                    {address.line2 && <p>{address.line2}</p>}
                    <p className="text-ink-muted">
                      {address.area.name}, {address.area.city} {address.postcode}
                    </p>
                  </div>
                  {principal.scopes.has("DELETE:ADDRESSES") && (
                    <ActionButton
                      action={deleteAddressAction}
                      fields={{ id: address.id }}
                      label="Remove"
                      pendingLabel="Removing…"
                      ariaLabel={`Remove the address ${address.label || address.line1}`}
                      confirm={{ question: "Remove this address?", yes: "Yes, remove", keep: "Keep it" }}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          {areas.length > 0 && (
            <Card>
              <h3 className="mb-4 text-lg font-semibold">Add an address</h3>
              <AddressAddForm action={addAddressAction} areas={areas} />
            </Card>
          )}
        </section>
      )}
    </div>
  );
}
