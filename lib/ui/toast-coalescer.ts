import { RecentIds } from "./live-events";

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * One toast per event addressed to the user. An event on the user channel may
 * also produce a notification (`notification.created` names the event), which
 * says it better; so the event's own toast waits `delayMs` and is dropped when
 * the notification for the same event comes first or meanwhile.
 */
export class UserEventToasts<Event extends { id: string }> {
  private readonly pending = new Map<string, unknown>();
  private readonly notified = new RecentIds(500);

  constructor(
    private readonly showEventToast: (event: Event) => void,
    private readonly delayMs = 1_500,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** An event arrived on the user's own channel. */
  eventArrived(event: Event): void {
    if (this.notified.has(event.id) || this.pending.has(event.id)) return;
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(event.id);
      if (!this.notified.has(event.id)) this.showEventToast(event);
    }, this.delayMs);
    this.pending.set(event.id, handle);
  }

  /** A notification about `eventId` arrived: it replaces the event's own toast. */
  notificationArrived(eventId: string): void {
    this.notified.firstSeen(eventId);
    const handle = this.pending.get(eventId);
    if (handle !== undefined) {
      this.timers.clearTimeout(handle);
      this.pending.delete(eventId);
    }
  }

  dispose(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
