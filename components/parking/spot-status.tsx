"use client";

import type { SpotView } from "@/lib/modules/parking/views";
import { spotStatus } from "@/lib/modules/parking/view-models/board";
import { endOfLocalDay } from "@/lib/modules/parking/view-models/time";
import { SpotStatusBadge } from "./status-badges";
import { useHydrated, useNow } from "./use-now";

/** The spot's status badge, kept current as the clock moves. */
export function SpotStatusNow({
  spot,
  serverNow,
  serverDayEnd,
}: {
  spot: Pick<SpotView, "availability" | "nextReservation">;
  serverNow: number;
  serverDayEnd: number;
}) {
  const hydrated = useHydrated();
  const now = useNow(serverNow);
  const dayEnd = hydrated ? endOfLocalDay(new Date(now)).getTime() : serverDayEnd;
  return <SpotStatusBadge status={spotStatus(spot, now, dayEnd)} />;
}
