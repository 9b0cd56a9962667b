import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { ParkingBoard } from "@/components/parking/parking-board";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { parkingTopics } from "@/lib/modules/parking/view-models/live";
import { linkClass } from "@/components/ui/buttons";
import { PageHeading } from "@/components/ui/page";
import { requirePrincipal } from "@/components/shell/session";
import { listSpots } from "@/lib/modules/parking/services/spots";
import { boardOrder } from "@/lib/modules/parking/view-models/board";
import { serverClock } from "./data";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "Parking" };

const BOARD_SIZE = 200;

export default async function ParkingBoardPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:SPOTS")) forbidden();
  const { items: spots, total } = await forPage(listSpots(principal, { limit: BOARD_SIZE }));
  const clock = serverClock();

  return (
    <div className="space-y-8">
      <PageHeading title="Parking">
        Every resident&apos;s spot, by zone: what is free right now, what is taken, and what opens later today. The board updates by
        itself.
      </PageHeading>
      <LiveRefresh topics={parkingTopics(["spots"])} />
      <ParkingBoard spots={boardOrder(spots)} viewerId={principal.userId} serverNow={clock.now} serverDayEnd={clock.dayEnd} />
      {total > spots.length && (
        <p className="text-sm text-ink-muted">
          Showing the first {spots.length} of {total} spots.
        </p>
      )}
      {principal.scopes.has("WRITE:SPOTS") && principal.role === "CUSTOMER" && (
        <p className="text-sm text-ink-muted">
          Away for a while?{" "}
          <IntentLink href="/parking/mine" className={linkClass}>
            Share your spot
          </IntentLink>{" "}
          and earn credits.
        </p>
      )}
    </div>
  );
}
