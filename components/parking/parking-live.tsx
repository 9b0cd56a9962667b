"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef } from "react";
import { useLiveMessages } from "@/components/realtime/live-context";
import { useParkingChannel } from "@/components/realtime/use-parking-channel";
import { touchesParkingData, type ParkingData } from "@/lib/modules/parking/view-models/live";

/** Listens to the parking board's channel while a parking page is open (mounted once, in the parking layout). */
export function ParkingChannel() {
  useParkingChannel();
  return null;
}

/** Changes arriving within this window are fetched in one refresh. */
const COALESCE_MS = 120;

/**
 * Re-renders the page's server data in place (no reload, form state kept) when a
 * live message touches what the page shows, or after a resync.
 */
export function LiveRefresh({ watch }: { watch: readonly ParkingData[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useLiveMessages((message) => {
    if (!touchesParkingData(message, watch) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      startTransition(() => router.refresh());
    }, COALESCE_MS);
  });
  return null;
}
