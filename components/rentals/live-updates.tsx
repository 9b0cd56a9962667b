"use client";

import { useLiveRefresh } from "@/components/realtime/live-refresh";
import { showToast } from "@/components/ui/toast";
import type { RentalEventType, RentalTopic } from "@/lib/modules/rentals/vocabulary";
import { describeRentalModuleEvent } from "@/lib/modules/rentals/view-models/live-text";

interface RentalsLiveUpdatesProps {
  /** The topics whose events change what this page shows. */
  topics: readonly RentalTopic[];
  /** The viewer: their own changes need no toast (the page already says what happened). */
  viewerId: string;
  /** Toast what others changed (staff pages). Customers' own events are toasted by the shell. */
  toastOthers?: boolean;
  /** Event types the viewer is notified about anyway (the shell toasts the notification). */
  notifiedTypes?: readonly RentalEventType[];
}

/** Keeps a server-rendered rentals page current (`useLiveRefresh`), toasting on staff pages what others changed. */
export function RentalsLiveUpdates({ topics, viewerId, toastOthers = false, notifiedTypes = [] }: RentalsLiveUpdatesProps) {
  useLiveRefresh(topics, (event) => {
    if (!toastOthers || event.actor === viewerId || notifiedTypes.some((type) => type === event.type)) return;
    const text = describeRentalModuleEvent(event);
    if (text) showToast({ ...text, href: null });
  });
  return null;
}
