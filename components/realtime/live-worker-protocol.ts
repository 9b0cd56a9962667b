/** `GET /api/realtime/config`: public settings of the channel server. */
export interface RealtimeConfig {
  key: string;
  wsHost: string;
  wsPort: number;
  forceTLS: boolean;
  cluster: string;
}

export function isRealtimeConfig(value: unknown): value is RealtimeConfig {
  if (typeof value !== "object" || value === null) return false;
  const config = value as Record<string, unknown>;
  return (
    typeof config.key === "string" &&
    typeof config.wsHost === "string" &&
    typeof config.wsPort === "number" &&
    typeof config.forceTLS === "boolean" &&
    typeof config.cluster === "string"
  );
}

/** What the page asks of the live worker (components/realtime/live-worker.ts). */
export type ToLiveWorker =
  | { type: "connect"; config: RealtimeConfig; online: boolean }
  | { type: "subscribe"; channel: string }
  | { type: "unsubscribe"; channel: string }
  /** The page's `online` and `offline` events: a worker hears none of its own under the browser's emulation. */
  | { type: "network"; online: boolean }
  | { type: "disconnect" };

/** What the live worker tells the page. */
export type FromLiveWorker =
  /** The connection's state, with the channels whose subscription currently holds. */
  | { type: "state"; state: string; subscribed: string[] }
  /** Every event on a channel the page subscribed to, pusher-js's own (`pusher:subscription_succeeded`) included. */
  | { type: "event"; channel: string; event: string; data: unknown; subscribed: boolean };
