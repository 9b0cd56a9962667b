/**
 * Where the live stream stood for one user at a moment: each topic's last event-log
 * offset, and the user's newest notification (notifications are written by a consumer
 * after their event, so they move on their own). A page rendered after reading it
 * shows everything up to it; a browser that subscribes later compares it with the
 * heads then, and only refreshes when something moved in between.
 */
export interface LiveCursor {
  offsets: Record<string, string>;
  notification: string;
}

/** True when nothing was appended to any topic, and no notification came, between `before` and `after`. */
export function cursorUnchanged(before: LiveCursor, after: LiveCursor): boolean {
  if (before.notification !== after.notification) return false;
  return Object.entries(after.offsets).every(([topic, offset]) => (before.offsets[topic] ?? "0") === offset);
}

/**
 * True when the page rendered at `cursor` already shows this event: the event log had reached its offset on its
 * topic. The channel server delivers an event a moment after it is logged, so a page rendered in between hears it
 * once subscribed, and must not refresh for it.
 */
export function eventAlreadyShown(cursor: LiveCursor, event: { topic: string; offset: number }): boolean {
  const shown = cursor.offsets[event.topic];
  return shown !== undefined && BigInt(event.offset) <= BigInt(shown);
}
