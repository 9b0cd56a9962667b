"use client";

import { useModuleChannel } from "@/components/realtime/use-module-channel";
import { PARKING_BOARD_CHANNEL } from "@/lib/modules/parking/vocabulary";

/** Listens to the parking board's channel while a parking page is open (mounted once, in the parking layout). */
export function ParkingChannel() {
  useModuleChannel(PARKING_BOARD_CHANNEL, "parking");
  return null;
}
