import { isRealtimeConfig, type FromLiveWorker, type ToLiveWorker } from "./live-worker-protocol";

export type LiveChannelListener = (eventName: string, data: unknown) => void;

/** A channel of the tab's connection, as the page sees it. */
export interface LiveChannel {
  /** Whether the subscription currently holds (events published meanwhile are being heard). */
  readonly subscribed: boolean;
  /** Hears every event on the channel, pusher-js's `pusher:subscription_succeeded` included; returns the way to stop. */
  listen(listener: LiveChannelListener): () => void;
}

/** The tab's channel connection: pusher-js running in a worker (live-worker.ts), seen from the page. */
export interface LiveClient {
  /** pusher-js's connection state: initialized, connecting, connected, unavailable, failed or disconnected. */
  readonly state: string;
  onStateChange(listener: (state: string) => void): () => void;
  /** Subscribing again to a channel the connection already has returns it: no second subscription. */
  subscribe(name: string): LiveChannel;
  unsubscribe(name: string): void;
  disconnect(): void;
}

class WorkerLiveClient implements LiveClient {
  state = "initialized";
  private readonly stateListeners = new Set<(state: string) => void>();
  private readonly channelListeners = new Map<string, Set<LiveChannelListener>>();
  private readonly subscribedChannels = new Set<string>();
  private readonly forwardNetwork = () => this.send({ type: "network", online: navigator.onLine });

  /** Settles with the worker's first message, or fails when its script could not load (offline, not cached). */
  readonly started: Promise<void>;

  constructor(private readonly worker: Worker) {
    this.started = new Promise((resolve, reject) => {
      worker.addEventListener("message", () => resolve(), { once: true });
      worker.addEventListener("error", (event) => reject(new Error(`The live worker did not start: ${event.message || "its script did not load"}`)), { once: true });
    });
    worker.addEventListener("message", (event: MessageEvent<FromLiveWorker>) => this.receive(event.data));
    window.addEventListener("online", this.forwardNetwork);
    window.addEventListener("offline", this.forwardNetwork);
  }

  private send(message: ToLiveWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromLiveWorker): void {
    if (message.type === "state") {
      this.subscribedChannels.clear();
      for (const name of message.subscribed) this.subscribedChannels.add(name);
      this.state = message.state;
      for (const listener of [...this.stateListeners]) listener(message.state);
      return;
    }
    if (message.subscribed) this.subscribedChannels.add(message.channel);
    else this.subscribedChannels.delete(message.channel);
    for (const listener of [...(this.channelListeners.get(message.channel) ?? [])]) listener(message.event, message.data);
  }

  onStateChange(listener: (state: string) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  subscribe(name: string): LiveChannel {
    this.send({ type: "subscribe", channel: name });
    const listeners = this.channelListeners.get(name) ?? new Set<LiveChannelListener>();
    this.channelListeners.set(name, listeners);
    const subscribedChannels = this.subscribedChannels;
    return {
      get subscribed() {
        return subscribedChannels.has(name);
      },
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  unsubscribe(name: string): void {
    this.channelListeners.delete(name);
    this.subscribedChannels.delete(name);
    this.send({ type: "unsubscribe", channel: name });
  }

  disconnect(): void {
    window.removeEventListener("online", this.forwardNetwork);
    window.removeEventListener("offline", this.forwardNetwork);
    this.send({ type: "disconnect" });
    this.stateListeners.clear();
    this.channelListeners.clear();
  }
}

async function createClient(): Promise<LiveClient> {
  const response = await fetch("/api/realtime/config", { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Live updates are not configured (HTTP ${response.status}).`);
  const config: unknown = await response.json();
  if (!isRealtimeConfig(config)) throw new Error("Unexpected live update settings.");
  const worker = new Worker(new URL("./live-worker.ts", import.meta.url), { name: "live" });
  const client = new WorkerLiveClient(worker);
  worker.postMessage({ type: "connect", config, online: navigator.onLine } satisfies ToLiveWorker);
  try {
    await client.started;
  } catch (error) {
    client.disconnect();
    worker.terminate();
    throw error;
  }
  return client;
}

interface SharedConnection {
  owner: string;
  client: Promise<LiveClient>;
  holders: number;
  closeTimer?: ReturnType<typeof setTimeout>;
}

/** Kept briefly after the last holder lets go, so moving between layouts keeps the socket. */
const RELEASE_GRACE_MS = 5_000;

let shared: SharedConnection | undefined;

function closeShared(): void {
  const entry = shared;
  if (!entry) return;
  shared = undefined;
  if (entry.closeTimer) clearTimeout(entry.closeTimer);
  entry.client.then(
    (client) => client.disconnect(),
    () => undefined,
  );
}

/**
 * The tab's one channel connection, created on first use from
 * `/api/realtime/config`. `owner` is the signed-in user: another user gets a new
 * connection. Every acquire is paired with a `releaseConnection`.
 */
export function acquireConnection(owner: string): Promise<LiveClient> {
  if (shared && shared.owner !== owner) closeShared();
  if (!shared) {
    const entry: SharedConnection = { owner, holders: 0, client: createClient() };
    entry.client.catch(() => {
      // A failed start is forgotten, so the next acquire tries again.
      if (shared === entry) shared = undefined;
    });
    shared = entry;
  }
  shared.holders += 1;
  if (shared.closeTimer) {
    clearTimeout(shared.closeTimer);
    shared.closeTimer = undefined;
  }
  return shared.client;
}

export function releaseConnection(owner: string): void {
  const entry = shared;
  if (!entry || entry.owner !== owner) return;
  entry.holders = Math.max(0, entry.holders - 1);
  if (entry.holders > 0) return;
  entry.closeTimer = setTimeout(() => {
    if (shared === entry && entry.holders === 0) closeShared();
  }, RELEASE_GRACE_MS);
}
