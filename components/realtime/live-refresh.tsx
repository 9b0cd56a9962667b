"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef } from "react";
import { touchesTopics, type LiveEvent } from "@/lib/ui/live-events";
import { useLiveMessages } from "./live-context";

/** Changes arriving within this window are fetched in one refresh. */
const COALESCE_MS = 120;

/**
 * Keeps a server-rendered page current: when an event of one of `topics` arrives on
 * the tab's live connection (or after a resync, when anything may have been missed),
 * the page's server components render again in place — no reload, client state kept.
 * A burst of events becomes one refresh. `onEvent` sees each event of those topics
 * first (a module's page may toast what others changed).
 */
export function useLiveRefresh(topics: readonly string[], onEvent?: (event: LiveEvent) => void): void {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useLiveMessages((message) => {
    if (!touchesTopics(message, topics)) return;
    if (message.kind === "event") onEvent?.(message.event);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      // Offline, Next.js answers a failed refresh with a full page load. Nothing is lost by waiting: the
      // channels subscribe again when the network is back, and their resync refreshes the page then.
      if (!navigator.onLine) return;
      startTransition(() => router.refresh());
    }, COALESCE_MS);
  });
}

/** `useLiveRefresh` for server pages: renders nothing. */
export function LiveRefresh({ topics }: { topics: readonly string[] }) {
  useLiveRefresh(topics);
  return null;
}
