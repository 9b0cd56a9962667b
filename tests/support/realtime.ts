import Pusher from "pusher-js";
import { afterAll, beforeAll } from "vitest";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { GET as realtimeConfig } from "@/app/api/realtime/config/route";
import { POST as realtimeUserAuth } from "@/app/api/realtime/user-auth/route";
import { env, resetEnvCache } from "@/lib/env";
import { drainOutbox } from "@/lib/events/drainer";
import { runEventPipeline } from "@/lib/events/scheduler";
import { startChannelServer, type RunningChannelServer } from "@/realtime/src/channel-server";
import { call } from "./http";

interface ClientSettings {
  key: string;
  wsPort: number;
  forceTLS?: boolean;
  cluster?: string;
}

/** Lets a test wait for the authorization calls still in flight when it ends. */
type Track = <T>(request: Promise<T>) => Promise<T>;

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A pusher-js client as a browser tab has one: channels authorised by POST /api/realtime/auth
 * and the socket signed in by POST /api/realtime/user-auth (components/realtime/connection.ts),
 * both with the user's token (none: an anonymous caller). Signs in at once, as the tab does.
 */
export function appAuthorizedClient(settings: ClientSettings, user: { token: string } | null, track: Track = (request) => request): Pusher {
  const token = user ? { token: user.token } : {};
  const client = new Pusher(settings.key, {
    cluster: settings.cluster ?? "mt1",
    wsHost: "127.0.0.1",
    wsPort: settings.wsPort,
    forceTLS: settings.forceTLS ?? false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        track(call<{ auth?: string; detail?: string }>(realtimeAuth, { path: "/api/realtime/auth", form: { socket_id: socketId, channel_name: channelName }, ...token }))
          .then((response) =>
            response.status === 200 && response.body.auth
              ? callback(null, { auth: response.body.auth })
              : callback(new Error(`${response.status} ${response.body.detail ?? ""}`), null),
          )
          .catch((error: unknown) => callback(toError(error), null));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        track(call<{ auth?: string; user_data?: string; detail?: string }>(realtimeUserAuth, { path: "/api/realtime/user-auth", form: { socket_id: socketId }, ...token }))
          .then((response) =>
            response.status === 200 && response.body.auth && response.body.user_data
              ? callback(null, { auth: response.body.auth, user_data: response.body.user_data })
              : callback(new Error(`${response.status} ${response.body.detail ?? ""}`), null),
          )
          .catch((error: unknown) => callback(toError(error), null));
      },
    },
  });
  client.signin();
  return client;
}

/** The bundled channel server a test file runs, and pusher-js clients connected to it as browser tabs are. */
export interface AppChannelServer {
  /** The running server (available once the file's `beforeAll` has run). */
  server: () => RunningChannelServer;
  /** A client configured from GET /api/realtime/config and authorised by the app's routes with the user's token (none: anonymous). */
  browserLikeClient: (user: { token: string } | null) => Promise<Pusher>;
}

function forgetPublisher(): void {
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
}

/**
 * For a test file of what reaches browsers: starts the bundled channel server with the app's credentials and points
 * the app's publisher at it (PUSHER_PORT), after publishing what earlier files left in the outbox (it would arrive
 * first and slow the assertions down); afterwards disconnects the clients, stops the server and points the app back.
 */
export function channelServerForThisFile(): AppChannelServer {
  let running: RunningChannelServer | undefined;
  const clients: Pusher[] = [];
  beforeAll(async () => {
    const config = env();
    running = await startChannelServer({ port: 0, host: "127.0.0.1", appId: config.PUSHER_APP_ID, key: config.PUSHER_KEY, secret: config.secrets.channelServer, log: () => {} });
    process.env.PUSHER_PORT = String(running.port);
    resetEnvCache();
    forgetPublisher();
    await drainOutbox();
    await runEventPipeline();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await running?.stop();
    delete process.env.PUSHER_PORT;
    resetEnvCache();
    forgetPublisher();
  });
  return {
    server: () => {
      if (!running) throw new Error("the channel server starts in beforeAll");
      return running;
    },
    browserLikeClient: async (user) => {
      const config = (await call<ClientSettings>(realtimeConfig, { path: "/api/realtime/config" })).body;
      const client = appAuthorizedClient(config, user);
      clients.push(client);
      return client;
    },
  };
}
