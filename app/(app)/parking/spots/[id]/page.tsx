import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { AvailabilityTimeline } from "@/components/parking/availability-timeline";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { parkingTopics } from "@/lib/modules/parking/view-models/live";
import { ReserveForm } from "@/components/parking/reserve-form";
import { SpotStatusNow } from "@/components/parking/spot-status";
import { linkClass } from "@/components/ui/buttons";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { getAvailability } from "@/lib/modules/parking/services/availability";
import { getSpot } from "@/lib/modules/parking/services/spots";
import { SPOT_KIND_LABELS } from "@/lib/modules/parking/vocabulary";
import { reserveAction } from "../../actions";
import { balanceOf, serverClock, timelineRange } from "../../data";
import { parkingSettings } from "@/lib/modules/parking/settings";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "Parking spot" };

type Params = Promise<{ id: string }>;

export default async function SpotPage({ params }: { params: Params }) {
  const { id } = await params;
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:SPOTS")) forbidden();
  const clock = serverClock();
  const [spot, availability, balance] = await Promise.all([
    forPage(getSpot(principal, id)),
    forPage(getAvailability(principal, id, timelineRange(clock.now))),
    balanceOf(principal),
  ]);
  const mine = spot.owner.id === principal.userId;
  const mayReserve = !mine && principal.scopes.has("WRITE:RESERVATIONS");
  const settings = parkingSettings();

  return (
    <div className="space-y-8">
      <LiveRefresh topics={parkingTopics(["spots", "credits"])} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-ink-muted">
            <IntentLink href="/parking" className={linkClass}>
              Parking
            </IntentLink>{" "}
            / {spot.zone}
          </p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight">{spot.label}</h1>
          <p className="mt-2 text-ink-muted">
            {SPOT_KIND_LABELS[spot.kind]} spot in {spot.zone} · shared by{" "}
            <span className="font-medium text-ink" data-testid="spot-owner">
              {mine ? "you" : spot.owner.name}
            </span>
          </p>
          {spot.description && <p className="mt-2 max-w-prose">{spot.description}</p>}
        </div>
        <SpotStatusNow spot={spot} serverNow={clock.now} serverDayEnd={clock.dayEnd} />
      </div>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Card>
          <h2 className="text-xl font-semibold">Availability</h2>
          <p className="mt-1 text-sm text-ink-muted">When the owner offers the spot, and when it is already reserved.</p>
          <div className="mt-4">
            <AvailabilityTimeline windows={availability.windows} busy={availability.busy} serverNow={clock.now} />
          </div>
        </Card>

        <Card>
          <h2 className="text-xl font-semibold">Reserve</h2>
          {mayReserve ? (
            <ReserveForm
              action={reserveAction}
              spotId={spot.id}
              windows={spot.availability}
              cost={settings.PARKING_RESERVATION_COST}
              minMinutes={settings.PARKING_MIN_RESERVATION_MINUTES}
              ownerName={spot.owner.name}
              balance={balance}
              serverNow={clock.now}
            />
          ) : mine ? (
            <p className="mt-2 text-sm text-ink-muted">
              This is your spot.{" "}
              <IntentLink href="/parking/mine" className={linkClass}>
                Offer it or change it under My spots
              </IntentLink>
              .
            </p>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">Your role may not reserve spots.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
