import type { ReactNode } from "react";
import { ParkingChannel } from "@/components/parking/parking-live";
import { ParkingNav } from "@/components/parking/parking-nav";
import { requirePrincipal } from "@/components/shell/session";
import { parkingNavigation } from "@/lib/modules/parking/view-models/navigation";

/** The parking pages: their tabs, and the board's live channel while any of them is open. */
export default async function ParkingLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  return (
    <div className="space-y-8">
      <ParkingNav items={parkingNavigation(principal.scopes)} />
      <ParkingChannel />
      {children}
    </div>
  );
}
