import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { AvailabilityToggle, PublishWindowForm } from "@/components/parking/availability-forms";
import { LocalRange } from "@/components/parking/local-time";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { parkingTopics } from "@/lib/modules/parking/view-models/live";
import { SpotForm } from "@/components/parking/spot-form";
import { SpotStatusNow } from "@/components/parking/spot-status";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass } from "@/components/ui/buttons";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { requirePrincipal } from "@/components/shell/session";
import { listSpots } from "@/lib/modules/parking/services/spots";
import type { SpotView } from "@/lib/modules/parking/views";
import { RESERVATION_STATUS_LABELS, SPOT_KIND_LABELS } from "@/lib/modules/parking/vocabulary";
import { createSpotAction, deleteSpotAction, publishWindowAction, setAvailabilityAction, updateSpotAction } from "../actions";
import { serverClock } from "../data";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "My spots" };

function OwnedSpot({ spot, zones, clock }: { spot: SpotView; zones: string[]; clock: { now: number; dayEnd: number } }) {
  const headingId = `spot-${spot.id}`;
  return (
    <li>
      <section aria-labelledby={headingId} className="rounded-card border border-line bg-surface-raised p-6 shadow-sm" data-testid="owned-spot" data-spot-id={spot.id}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h3 id={headingId} className="text-xl font-semibold">
              <IntentLink href={`/parking/spots/${spot.id}`} className="hover:underline">
                {spot.label}
              </IntentLink>
            </h3>
            <p className="mt-1 text-sm text-ink-muted">
              {spot.zone} · {SPOT_KIND_LABELS[spot.kind]}
              {spot.description && <> · {spot.description}</>}
            </p>
          </div>
          <SpotStatusNow spot={spot} serverNow={clock.now} serverDayEnd={clock.dayEnd} />
        </div>

        <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <h4 className="font-medium">Offered</h4>
            {spot.availability.length > 0 ? (
              <ul className="mt-1 space-y-0.5" data-testid="owned-spot-windows">
                {spot.availability.map((window) => (
                  <li key={window.id}>
                    <LocalRange startsAt={window.startsAt} endsAt={window.endsAt} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-ink-muted">Not offered. Publish a window or mark it free.</p>
            )}
          </div>
          <div>
            <h4 className="font-medium">Next reservation</h4>
            {spot.nextReservation ? (
              <p className="mt-1">
                <LocalRange startsAt={spot.nextReservation.startsAt} endsAt={spot.nextReservation.endsAt} /> ·{" "}
                {RESERVATION_STATUS_LABELS[spot.nextReservation.status]} ·{" "}
                <IntentLink href="/parking/reservations" className={linkClass}>
                  details
                </IntentLink>
              </p>
            ) : (
              <p className="mt-1 text-ink-muted">None</p>
            )}
          </div>
        </div>

        <div className="mt-6 grid gap-6 border-t border-line pt-6 lg:grid-cols-2">
          <div>
            <h4 className="text-sm font-semibold uppercase tracking-wider text-ink-muted">Quick toggle</h4>
            <div className="mt-3">
              <AvailabilityToggle action={setAvailabilityAction} spotId={spot.id} spotLabel={spot.label} serverNow={clock.now} />
            </div>
          </div>
          <div>
            <h4 className="text-sm font-semibold uppercase tracking-wider text-ink-muted">Publish a window</h4>
            <div className="mt-3">
              <PublishWindowForm action={publishWindowAction} spotId={spot.id} spotLabel={spot.label} serverNow={clock.now} />
            </div>
          </div>
        </div>

        <div className="mt-6 flex flex-wrap items-start justify-between gap-4 border-t border-line pt-4">
          <details className="min-w-0 flex-1">
            <summary className="cursor-pointer text-sm font-medium text-ink-muted hover:text-ink">Edit details</summary>
            <SpotForm
              action={updateSpotAction}
              spot={{ id: spot.id, label: spot.label, zone: spot.zone, description: spot.description, kind: spot.kind }}
              zones={zones}
            />
          </details>
          <ActionButton
            action={deleteSpotAction}
            fields={{ spotId: spot.id }}
            label="Delete"
            ariaLabel={`Delete ${spot.label}`}
            confirm={{ question: `Delete ${spot.label}?`, yes: "Delete" }}
            pendingLabel="Deleting…"
            showSuccess
            align="start"
          />
        </div>
      </section>
    </li>
  );
}

export default async function MySpotsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:SPOTS")) forbidden();
  const owner = principal.role === "CUSTOMER";
  const [mine, all] = await Promise.all([
    owner ? forPage(listSpots(principal, { ownerId: principal.userId, limit: 200 })) : Promise.resolve({ items: [], total: 0 }),
    forPage(listSpots(principal, { limit: 200 })),
  ]);
  const zones = [...new Set(all.items.map((spot) => spot.zone))].sort();
  const clock = serverClock();

  return (
    <div className="space-y-8">
      <LiveRefresh topics={parkingTopics(["spots", "reservations"])} />
      <PageHeading title="My spots">
        Register your parking spots and offer them when you are away: publish a window ahead of time, or mark a spot free right
        now. Each reservation earns you its cost in credits when it starts.
      </PageHeading>

      {owner ? (
        <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-labelledby="owned-heading">
            <h2 id="owned-heading" className="sr-only">
              Your spots
            </h2>
            {mine.items.length > 0 ? (
              <ul className="space-y-6">
                {mine.items.map((spot) => (
                  <OwnedSpot key={spot.id} spot={spot} zones={zones} clock={clock} />
                ))}
              </ul>
            ) : (
              <EmptyState>You have not registered a spot yet.</EmptyState>
            )}
          </section>
          <section aria-labelledby="register-heading" className="rounded-card border border-line bg-surface-raised p-6 shadow-sm lg:sticky lg:top-6">
            <h2 id="register-heading" className="text-xl font-semibold">
              Register a spot
            </h2>
            <SpotForm action={createSpotAction} zones={zones} />
          </section>
        </div>
      ) : (
        <EmptyState>Only residents (customer accounts) own parking spots.</EmptyState>
      )}
    </div>
  );
}
