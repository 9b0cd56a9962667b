"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useLiveMessages } from "@/components/realtime/live-context";
import { useToast } from "@/components/ui/toast";
import type { Topic } from "@/lib/events/outbox";
import { describeRentalModuleEvent } from "@/lib/modules/rentals/view-models/live-text";

interface RentalsLiveUpdatesProps {
  /** The topics whose events change what this page shows. */
  topics: readonly Topic[];
  /** The viewer: their own changes need no toast (the page already says what happened). */
  viewerId: string;
  /** Toast what others changed (staff pages). Customers' own events are toasted by the shell. */
  toastOthers?: boolean;
  /** Event types the viewer is notified about anyway (the shell toasts the notification). */
  notifiedTypes?: readonly string[];
}

const REFRESH_DELAY_MS = 150;

/**
 * Keeps a server-rendered rentals page current: when an event of one of its
 * topics arrives on the tab's live connection (or after a reconnect), the page's
 * server components render again — no reload, client state kept.
 */
export function RentalsLiveUpdates({ topics, viewerId, toastOthers = false, notifiedTypes = [] }: RentalsLiveUpdatesProps) {
  const router = useRouter();
  const toast = useToast();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveMessages((message) => {
    if (message.kind === "notification") return;
    if (message.kind === "event") {
      const { event } = message;
      if (!topics.includes(event.topic)) return;
      if (toastOthers && event.actor !== viewerId && !notifiedTypes.includes(event.type)) {
        const text = describeRentalModuleEvent(event);
        if (text) toast({ ...text, href: null });
      }
    }
    // A burst of events (a pick-up writes two) becomes one refresh.
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
  });
  return null;
}
