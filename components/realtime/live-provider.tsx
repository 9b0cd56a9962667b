"use client";

import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { PageCacheOwner } from "@/components/pwa/page-cache-owner";
import { Toaster } from "@/components/ui/toast";
import { acquireConnection, releaseConnection, type LiveClient } from "./connection";
import type { LiveVocabulary } from "@/lib/ui/live-events";
import { cursorUnchanged, eventAlreadyShown, type LiveCursor } from "@/lib/ui/live-cursor";
import { LiveConnectionContext, LiveVocabularyContext, type LiveBusMessage, type LiveListener, type LiveStatus } from "./live-context";
import { getQueryClient } from "./query-client";
import { useLiveEvents, type LiveChannels } from "./use-live-events";

interface LiveProviderProps extends LiveChannels {
  /** The signed-in user's public id. */
  userId: string;
  vocabulary: LiveVocabulary;
  /** Where the live stream stood when this page was rendered. */
  cursor: LiveCursor;
  children: ReactNode;
}

/**
 * Client data and live updates for signed-in pages: the tab's QueryClient, its one
 * channel connection, the user's and role's subscriptions, and toasts.
 */
export function LiveProvider({ userId, userChannel, roleChannel, vocabulary, cursor, children }: LiveProviderProps) {
  const [queryClient] = useState(() => getQueryClient(userId));
  // Every server render (a live refresh among them) sends the vocabulary as a new object; the subscriptions
  // depend on it, and re-subscribing announces a resync that refreshes the page again. Keep it by content.
  const vocabularyText = JSON.stringify(vocabulary);
  const stableVocabulary = useMemo(() => JSON.parse(vocabularyText) as LiveVocabulary, [vocabularyText]);
  return (
    <QueryClientProvider client={queryClient}>
      <PageCacheOwner owner={userId} />
      <LiveVocabularyContext.Provider value={stableVocabulary}>
        <LiveConnection owner={userId} cursor={cursor}>
          <LiveSubscriptions userChannel={userChannel} roleChannel={roleChannel} />
          {children}
        </LiveConnection>
      </LiveVocabularyContext.Provider>
      <Toaster />
    </QueryClientProvider>
  );
}

function LiveSubscriptions(channels: LiveChannels) {
  useLiveEvents(channels);
  return null;
}

function statusOf(state: string): LiveStatus {
  if (state === "connected") return "live";
  if (state === "initialized" || state === "connecting") return "connecting";
  return "offline";
}

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 30_000;

const CATCH_UP_DELAY_MS = 50;

async function fetchHeads(): Promise<LiveCursor> {
  const response = await fetch("/api/realtime/heads", { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as LiveCursor;
}

function LiveConnection({ owner, cursor, children }: { owner: string; cursor: LiveCursor; children: ReactNode }) {
  const [client, setClient] = useState<LiveClient | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const listeners = useRef(new Set<LiveListener>());
  const queryClient = useQueryClient();

  // What the page on screen is known to show: the latest render's cursor, or the heads a catch-up refreshed to.
  const shownUpTo = useRef(cursor);
  const cursorText = JSON.stringify(cursor);
  useEffect(() => {
    shownUpTo.current = JSON.parse(cursorText) as LiveCursor;
  }, [cursorText]);

  const publish = useCallback((message: LiveBusMessage) => {
    if (message.kind === "event" && eventAlreadyShown(shownUpTo.current, message.event)) return;
    for (const listener of [...listeners.current]) listener(message);
  }, []);

  const catchUpTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(catchUpTimer.current), []);
  const catchUp = useCallback(() => {
    // Channels that start together share one check.
    if (catchUpTimer.current) return;
    catchUpTimer.current = setTimeout(() => {
      catchUpTimer.current = undefined;
      const refetchEverything = () => {
        void queryClient.invalidateQueries();
        publish({ kind: "resync" });
      };
      fetchHeads().then((heads) => {
        if (cursorUnchanged(shownUpTo.current, heads)) return;
        shownUpTo.current = heads;
        refetchEverything();
      }, refetchEverything);
    }, CATCH_UP_DELAY_MS);
  }, [publish, queryClient]);
  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    let holding = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let unbind: (() => void) | undefined;

    const start = () => {
      holding = true;
      acquireConnection(owner).then(
        (liveClient) => {
          if (cancelled) return;
          attempt = 0;
          // Reconnecting is pusher-js's job; refetching what was missed meanwhile is useLiveEvents'.
          unbind = liveClient.onStateChange((state) => setStatus(statusOf(state)));
          // Not urgent: as an ordinary update it would make React finish hydrating the page in one uninterrupted task.
          startTransition(() => {
            setStatus(statusOf(liveClient.state));
            setClient(liveClient);
          });
        },
        () => {
          holding = false;
          if (cancelled) return;
          setStatus("offline");
          retryTimer = setTimeout(start, Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt++));
        },
      );
    };
    start();

    // Back online after a failed start: try again now rather than when the backoff ends (up to 30 s away).
    const retryNow = () => {
      if (cancelled || holding) return;
      if (retryTimer) clearTimeout(retryTimer);
      attempt = 0;
      start();
    };
    window.addEventListener("online", retryNow);

    return () => {
      cancelled = true;
      window.removeEventListener("online", retryNow);
      if (retryTimer) clearTimeout(retryTimer);
      unbind?.();
      if (holding) releaseConnection(owner);
    };
  }, [owner]);

  const value = useMemo(() => ({ status, client, publish, subscribe, catchUp }), [status, client, publish, subscribe, catchUp]);
  return <LiveConnectionContext.Provider value={value}>{children}</LiveConnectionContext.Provider>;
}
