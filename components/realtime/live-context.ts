"use client";

import type { LiveClient } from "./connection";
import { createContext, useContext, useEffect, useEffectEvent } from "react";
import type { LiveMessage, LiveVocabulary } from "@/lib/ui/live-events";

/** pusher-js's event when a channel's subscription (re)starts: what was published before it was not heard. */
export const SUBSCRIBED = "pusher:subscription_succeeded";

/** The connection as the user sees it: `connecting` until the first connect and while retrying. */
export type LiveStatus = "connecting" | "live" | "offline";

/**
 * What live views hear: every de-duplicated message, and `resync` after the
 * connection came back from an outage (messages may have been missed: reload).
 */
export type LiveBusMessage = LiveMessage | { kind: "resync" };
export type LiveListener = (message: LiveBusMessage) => void;

export interface LiveConnectionValue {
  status: LiveStatus;
  client: LiveClient | null;
  publish: (message: LiveBusMessage) => void;
  subscribe: (listener: LiveListener) => () => void;
  /**
   * Call when a channel's subscription (re)starts: events published before it were not heard.
   * Refetches everything (and announces `resync`) unless the stream's heads show nothing
   * was published since the page was rendered.
   */
  catchUp: () => void;
}

const noop = () => {};
const OUTSIDE_PROVIDER: LiveConnectionValue = { status: "offline", client: null, publish: noop, subscribe: () => noop, catchUp: noop };

export const LiveConnectionContext = createContext<LiveConnectionValue>(OUTSIDE_PROVIDER);

export function useLiveConnection(): LiveConnectionValue {
  return useContext(LiveConnectionContext);
}

/** Calls `listener` (always its latest version) for every live message while mounted. */
export function useLiveMessages(listener: LiveListener): void {
  const { subscribe } = useLiveConnection();
  const onMessage = useEffectEvent(listener);
  useEffect(() => subscribe((message) => onMessage(message)), [subscribe]);
}

const NO_VOCABULARY: LiveVocabulary = { topics: [], queryKeys: {}, userEventText: {} };

/** What each topic means to the browser (from the modules, via the app shell). */
export const LiveVocabularyContext = createContext<LiveVocabulary>(NO_VOCABULARY);

export function useLiveVocabulary(): LiveVocabulary {
  return useContext(LiveVocabularyContext);
}
