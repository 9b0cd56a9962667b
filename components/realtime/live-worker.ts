/// <reference lib="webworker" />
/**
 * The tab's channel connection, in a dedicated worker: pusher-js's loading, connecting, pings, channel
 * authorisations and message parsing happen here rather than on the page's main thread, where they held up
 * the first interactions of every signed-in page. The page (components/realtime/connection.ts) subscribes and
 * hears channel events through messages; see live-worker-protocol.ts.
 */
import Pusher from "pusher-js/worker";
import type { FromLiveWorker, RealtimeConfig, ToLiveWorker } from "./live-worker-protocol";

declare const self: DedicatedWorkerGlobalScope;

let pusher: Pusher | undefined;
let online = true;
/** Channels whose events are forwarded to the page. */
const forwarded = new Set<string>();

function post(message: FromLiveWorker): void {
  self.postMessage(message);
}

function subscribedChannels(client: Pusher): string[] {
  return client.allChannels().filter((channel) => channel.subscribed).map((channel) => channel.name);
}

function connect(config: RealtimeConfig): void {
  if (pusher) return;
  // pusher-js's worker build believes itself always online and never hears the network change; the page's
  // events drive it instead, with the web build's reactions (retry at once when back, check the socket when gone).
  const network = Pusher.Runtime.getNetwork();
  network.isOnline = () => online;
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
  // Emitted before pusher-js marks the channels of a lost connection unsubscribed: only a live one has any.
  client.connection.bind("state_change", ({ current }: { current: string }) =>
    post({ type: "state", state: current, subscribed: current === "connected" ? subscribedChannels(client) : [] }),
  );
  // Signed in, the socket is found when the user's access ends (sign-out, new password), on any Pusher server.
  client.signin();
  pusher = client;
  post({ type: "state", state: client.connection.state, subscribed: [] });
}

function subscribe(name: string): void {
  if (!pusher) return;
  // Subscribing again to a channel the connection already has returns it: no second subscription.
  const channel = pusher.subscribe(name);
  if (forwarded.has(name)) return;
  forwarded.add(name);
  channel.bind_global((event: string, data: unknown) => post({ type: "event", channel: name, event, data, subscribed: channel.subscribed }));
}

function unsubscribe(name: string): void {
  if (!pusher) return;
  pusher.channel(name)?.unbind_global();
  forwarded.delete(name);
  pusher.unsubscribe(name);
}

self.addEventListener("message", (event: MessageEvent<ToLiveWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "connect":
      online = message.online;
      connect(message.config);
      break;
    case "subscribe":
      subscribe(message.channel);
      break;
    case "unsubscribe":
      unsubscribe(message.channel);
      break;
    case "network":
      online = message.online;
      Pusher.Runtime.getNetwork().emit(message.online ? "online" : "offline");
      break;
    case "disconnect":
      pusher?.disconnect();
      self.close();
      break;
  }
});
