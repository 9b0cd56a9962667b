import type PusherClient from "pusher-js";

/** `GET /api/realtime/config`: public settings of the channel server. */
export interface RealtimeConfig {
  key: string;
  wsHost: string;
  wsPort: number;
  forceTLS: boolean;
  cluster: string;
}

function isRealtimeConfig(value: unknown): value is RealtimeConfig {
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

async function createClient(): Promise<PusherClient> {
  const [response, { default: Pusher }] = await Promise.all([
    fetch("/api/realtime/config", { cache: "no-store", headers: { accept: "application/json" } }),
    import("pusher-js"),
  ]);
  if (!response.ok) throw new Error(`Live updates are not configured (HTTP ${response.status}).`);
  const config: unknown = await response.json();
  if (!isRealtimeConfig(config)) throw new Error("Unexpected live update settings.");
  const client = new Pusher(config.key, {
    cluster: config.cluster,
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    wssPort: config.wsPort,
    forceTLS: config.forceTLS,
    enabledTransports: ["ws", "wss"],
    disableStats: true,
    channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    userAuthentication: { endpoint: "/api/realtime/user-auth", transport: "ajax" },
  });
  // Signed in, the socket is found when the user's access ends (sign-out, new password), on any Pusher server.
  client.signin();
  return client;
}

interface SharedConnection {
  owner: string;
  client: Promise<PusherClient>;
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
 * The tab's one pusher-js connection, created on first use from
 * `/api/realtime/config`. `owner` is the signed-in user: another user gets a new
 * connection. Every acquire is paired with a `releaseConnection`.
 */
export function acquireConnection(owner: string): Promise<PusherClient> {
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
