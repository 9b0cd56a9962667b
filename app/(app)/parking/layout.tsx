import type { ReactNode } from "react";
import { ParkingChannel } from "@/components/parking/parking-live";
import { requirePrincipal } from "@/components/shell/session";
import { SubNav } from "@/components/ui/sub-nav";
import { parkingNavigation } from "@/lib/modules/parking/view-models/navigation";

/** The parking pages: their tabs (the board's also current on its spot pages), and the board's live channel while any of them is open. */
export default async function ParkingLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  const items = parkingNavigation(principal.scopes).map((item) =>
    item.href === "/parking" ? { ...item, exact: true, alsoCurrentUnder: ["/parking/spots/"] } : item,
  );
  return (
    <div>
      <SubNav label="Parking" items={items} accent="border-parking" />
      <ParkingChannel />
      {children}
    </div>
  );
}
