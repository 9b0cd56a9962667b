import Pusher from "pusher-js";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { POST as realtimeUserAuth } from "@/app/api/realtime/user-auth/route";
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
