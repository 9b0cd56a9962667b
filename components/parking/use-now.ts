"use client";

import { useDeferredValue, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False during the server render and hydration, true afterwards. Times are shown
 * in the browser's time zone and locale, which the server does not know: format
 * them in the browser only once this is true.
 */
export function useHydrated(): boolean {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The store's change after hydration re-renders at once, as one task. Deferred, the switch of every time on the
  // page from UTC to the reader's clock happens in a render React can interrupt.
  return useDeferredValue(hydrated);
}

const TICK_MS = 15_000;
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of [...listeners]) notify();
    }, TICK_MS);
  }
  listener();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * The current time, moving every 15 seconds (the board re-groups spots as windows
 * open and close). `serverNow` is the clock of the server render that produced
 * the data: hydration sees exactly it, and data refreshed since the last tick is
 * never judged by an older clock than the one it was read at.
 */
export function useNow(serverNow: number): number {
  const tick = useSyncExternalStore(
    subscribeClock,
    () => current,
    () => serverNow,
  );
  // As in useHydrated: the board re-grouped by a newer clock can wait for a render React may interrupt.
  return Math.max(useDeferredValue(tick), serverNow);
}
