"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False during the server render and hydration, true afterwards. Times are shown
 * in the browser's time zone and locale, which the server does not know: format
 * them in the browser only once this is true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
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
  return Math.max(tick, serverNow);
}
