import { WebSocket } from "ws";
import Pusher, { type Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as logoutRoute } from "@/app/api/v1/auth/logout/route";
import { POST as realtimeUserAuth } from "@/app/api/realtime/user-auth/route";
import { DELETE as deleteUserRoute } from "@/app/api/v1/users/[id]/route";
import { PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { POST as changePasswordRoute } from "@/app/api/v1/users/me/password/route";
import { authOptions } from "@/lib/auth/next-auth";
import { env, parseEnv, resetEnvCache } from "@/lib/env";
import { drainOutbox } from "@/lib/events/drainer";
import { runEventPipeline } from "@/lib/events/scheduler";
import { channelServerOptionsFromEnv } from "@/realtime/src/config";
import { startChannelServer, type ChannelServerOptions, type RunningChannelServer } from "@/realtime/src/channel-server";
import {
  connectClient,
  connected,
  nextConnectionError,
  nextEvent,
  pause,
  RawSocket,
  recordEvents,
  serverSdk,
  subscribed,
  withTimeout,
  type TestApp,
} from "@/realtime/testing/clients";
import { call } from "../support/http";
import { appAuthorizedClient } from "../support/realtime";
import { createUser, PASSWORD, uniqueContact, type TestUser } from "../support/identity";

let server: RunningChannelServer;
let app: TestApp;
const clients: Pusher[] = [];
const extraServers: RunningChannelServer[] = [];
const rawSockets: Array<{ close(): void }> = [];
const quiet = () => undefined;

beforeAll(async () => {
  const config = env();
  app = { appId: config.PUSHER_APP_ID, key: config.PUSHER_KEY, secret: config.secrets.channelServer };
  server = await startChannelServer({ port: 0, host: "127.0.0.1", ...app, log: quiet });
  process.env.PUSHER_PORT = String(server.port);
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
  await drainOutbox();
  await runEventPipeline();
});

/** Authorization requests the test clients have in flight: a cut-off client retries at once, so they can outlive a test. */
const inFlight = new Set<Promise<unknown>>();
function tracked<T>(request: Promise<T>): Promise<T> {
  inFlight.add(request);
  void request.finally(() => inFlight.delete(request)).catch(() => undefined);
  return request;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await Promise.allSettled([...inFlight]);
  for (const socket of rawSockets.splice(0)) socket.close();
  await Promise.all(extraServers.splice(0).map((started) => started.stop()));
});

afterAll(async () => {
  await server.stop();
  delete process.env.PUSHER_PORT;
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
});

async function extraServer(options: Partial<ChannelServerOptions>): Promise<RunningChannelServer> {
  const started = await startChannelServer({ port: 0, host: "127.0.0.1", ...app, log: quiet, ...options });
  extraServers.push(started);
  return started;
}

/** A pusher-js client authorised and signed in by the app's routes with the user's token, as a browser tab is. */
function browserLikeClient(user: TestUser, port = server.port): Pusher {
  const client = appAuthorizedClient({ key: app.key, wsPort: port }, user, tracked);
  clients.push(client);
  return client;
}

/** Signs the client in (pusher:signin) and waits for the server's confirmation. */
async function signedIn(client: Pusher): Promise<void> {
  client.signin();
  await withTimeout(client.user.signinDonePromise, "signin");
  expect(client.user.user_data).not.toBeNull();
}

/** A pusher-js client signing locally; with a user id it signs in as that user. */
function sdkClient(port: number, userId?: string): Pusher {
  const client = connectClient(app, port, userId ? { userId } : undefined);
  if (userId) client.signin();
  clients.push(client);
  return client;
}

function subscriptionError(channel: Channel): Promise<unknown> {
  return withTimeout(new Promise((resolve) => channel.bind("pusher:subscription_error", resolve)), `subscription_error on ${channel.name}`, 8_000);
}

/** A forged copy of a logged event, the way a hostile browser would shape it. */
function forgedSpotReserved() {
  return { id: "999999", topic: "parking_events", offset: 999999, key: "spot-1", type: "spot.reserved", payload: {}, actor: null, schemaVersion: 1, occurredAt: new Date().toISOString() };
}

describe("client events cannot impersonate the server", () => {
  it("are off by default: a customer's forged client-spot.reserved on private-parking is refused and reaches nobody", async () => {
    const forger = browserLikeClient(await createUser("CUSTOMER"));
    const bystander = browserLikeClient(await createUser("CUSTOMER"));
    const { channel: forgerBoard } = await subscribed(forger, "private-parking");
    const { channel: bystanderBoard } = await subscribed(bystander, "private-parking");
    const heard = recordEvents(bystanderBoard, "client-spot.reserved");
    const refusal = nextConnectionError(forger);
    forgerBoard.trigger("client-spot.reserved", forgedSpotReserved());
    expect((await refusal).data?.message).toMatch(/not enabled/);
    await pause(200);
    expect(heard).toEqual([]);
  });

  it("even when enabled, are refused on every channel the app publishes to (parking, role, user), and still work elsewhere", async () => {
    const enabled = await extraServer({ enableClientEvents: true });
    for (const channelName of ["private-parking", "private-role-customer", "private-user-CST000123"]) {
      const forger = sdkClient(enabled.port, "CST000123");
      const bystander = sdkClient(enabled.port, "CST000123");
      const { channel: forgerChannel } = await subscribed(forger, channelName);
      const { channel: bystanderChannel } = await subscribed(bystander, channelName);
      const heard = recordEvents(bystanderChannel, "client-spot.reserved");
      const refusal = nextConnectionError(forger);
      forgerChannel.trigger("client-spot.reserved", forgedSpotReserved());
      expect((await refusal).data?.message).toMatch(/only the server publishes/);
      await pause(150);
      expect(heard).toEqual([]);
    }
    const sender = sdkClient(enabled.port);
    const receiver = sdkClient(enabled.port);
    const { channel: senderChannel } = await subscribed(sender, "private-peer-chat");
    const { channel: receiverChannel } = await subscribed(receiver, "private-peer-chat");
    const received = nextEvent(receiverChannel, "client-typing");
    senderChannel.trigger("client-typing", { typing: true });
    expect(await received).toEqual({ typing: true });
  });

  it("REALTIME_CLIENT_EVENTS defaults to false", () => {
    const appEnv = parseEnv({ APP_SECRET: "x".repeat(40), DATA_DIR: "/tmp/wheelhouse-live-test" });
    expect(channelServerOptionsFromEnv(appEnv, {}).enableClientEvents).toBe(false);
    expect(channelServerOptionsFromEnv(appEnv, { REALTIME_CLIENT_EVENTS: "true" }).enableClientEvents).toBe(true);
  });
});

describe("subscriptions end when access does", () => {
  /** Subscribes the user's tab to their channel; resolves once the server has cut it off and refused its way back in. */
  async function watchedUserChannel(user: TestUser) {
    const client = browserLikeClient(user);
    const { channel } = await subscribed(client, `private-user-${user.id}`);
    const cutOff = nextConnectionError(client);
    const refusedAgain = subscriptionError(channel);
    return {
      channel,
      async assertCutOff() {
        expect((await cutOff).data?.code).toBe(4200);
        await refusedAgain;
        const heard = recordEvents(channel, "probe");
        await serverSdk(app, server.port).trigger(`private-user-${user.id}`, "probe", { secret: true });
        await pause(200);
        expect(heard).toEqual([]);
      },
    };
  }

  it("after a password change the old socket is disconnected and cannot subscribe again", async () => {
    const user = await createUser("CUSTOMER");
    // Tokens carry whole seconds: the password change must happen in a later second than the login.
    await pause(1_100);
    const tab = await watchedUserChannel(user);
    const changed = await call(changePasswordRoute, { method: "POST", token: user.token, json: { currentPassword: PASSWORD, newPassword: "a-brand-new-passphrase-42" } });
    expect(changed.status).toBe(200);
    await tab.assertCutOff();
  });

  it("after a bearer logout", async () => {
    const user = await createUser("CUSTOMER");
    const tab = await watchedUserChannel(user);
    expect((await call(logoutRoute, { method: "POST", token: user.token })).status).toBe(200);
    await tab.assertCutOff();
  });

  it("after the account is deleted", async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("CUSTOMER");
    const tab = await watchedUserChannel(user);
    const deleted = await call(deleteUserRoute, { method: "DELETE", token: admin.token, params: { id: user.id } });
    expect(deleted.status).toBe(204);
    await tab.assertCutOff();
  });

  it("after a browser sign-out (next-auth's signOut event)", async () => {
    const user = await createUser("CUSTOMER");
    const client = browserLikeClient(user);
    await subscribed(client, `private-user-${user.id}`);
    const cutOff = nextConnectionError(client);
    await authOptions().events?.signOut?.({ token: { sub: user.id }, session: undefined as never });
    expect((await cutOff).data?.code).toBe(4200);
  });

  it("a user's other sockets are cut too, anonymous ones and other users' are not", async () => {
    const user = await createUser("CUSTOMER");
    const other = await createUser("CUSTOMER");
    const second = browserLikeClient(user);
    await subscribed(second, `private-user-${user.id}`);
    const othersTab = browserLikeClient(other);
    const { channel: othersChannel } = await subscribed(othersTab, `private-user-${other.id}`);
    const anonymous = sdkClient(server.port);
    await subscribed(anonymous, "public-board");
    const secondCut = nextConnectionError(second);
    await serverSdk(app, server.port).terminateUserConnections(user.id);
    expect((await secondCut).data?.code).toBe(4200);
    const stillHeard = nextEvent(othersChannel, "probe");
    await serverSdk(app, server.port).trigger(`private-user-${other.id}`, "probe", {});
    await stillHeard;
    expect(anonymous.connection.state).toBe("connected");
  });

  it("an anonymous socket gets the parking board and role channels only once it says whose it is", async () => {
    const impatient = await extraServer({ identityWaitMs: 300 });
    const anonymous = sdkClient(impatient.port);
    const refused = subscriptionError(anonymous.subscribe("private-role-admin"));
    expect(await refused).toMatchObject({ status: 401 });
    const late = connectClient(app, impatient.port, { userId: "ADM000001" });
    clients.push(late);
    const boardSubscription = subscribed(late, "private-parking");
    await pause(100);
    late.signin();
    await boardSubscription;
  });

  it("a socket signed in with pusher:signin is cut off even if it never took its user channel", async () => {
    const user = await createUser("CUSTOMER");
    const client = browserLikeClient(user);
    await connected(client);
    await signedIn(client);
    expect(client.user.user_data).toEqual({ id: user.id });
    // pusher-js then joins the user's own #server-to-user-{id} channel; the server lets it.
    await withTimeout(
      (async () => {
        while (!client.user.serverToUserChannel?.subscribed) await pause(20);
      })(),
      "#server-to-user channel",
    );
    await subscribed(client, "private-role-customer");
    const cutOff = nextConnectionError(client);
    expect((await call(logoutRoute, { method: "POST", token: user.token })).status).toBe(200);
    expect((await cutOff).data?.code).toBe(4200);
  });

  it("refuses a signin whose signature is not the app's, and such a socket is no one's", async () => {
    const socket = new RawSocket(`ws://127.0.0.1:${server.port}/app/${app.key}?protocol=7&client=js&version=8.6.0`);
    rawSockets.push(socket);
    const socketId = await socket.socketId();
    const forged = serverSdk({ ...app, secret: "not-the-app-secret-at-all-not-at-all" }, server.port).authenticateUser(socketId, { id: "CST000999" });
    socket.send({ event: "pusher:signin", data: forged });
    const refusal = await socket.waitFor((m) => m.event === "pusher:error", "signin refusal");
    expect(refusal.data).toMatchObject({ code: 4009 });
    expect(socket.messages.some((m) => m.event === "pusher:signin_success")).toBe(false);
    const genuine = serverSdk(app, server.port).authenticateUser(socketId, { id: "CST000999" });
    socket.send({ event: "pusher:signin", data: genuine });
    await socket.waitFor((m) => m.event === "pusher:signin_success", "signin with the app's signature");
  });

  it("the user-auth route signs only the caller's own public id, and nobody anonymous", async () => {
    const user = await createUser("CUSTOMER");
    const signed = await call<{ auth: string; user_data: string }>(realtimeUserAuth, { token: user.token, form: { socket_id: "123.456" } });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body.user_data)).toEqual({ id: user.id });
    expect(signed.body).toEqual(serverSdk(app, server.port).authenticateUser("123.456", { id: user.id }));
    expect((await call(realtimeUserAuth, { form: { socket_id: "123.456" } })).status).toBe(401);
    expect((await call(realtimeUserAuth, { token: user.token, form: { socket_id: "abc" } })).status).toBe(422);
  });

  it("the user-auth route signs nothing for a revoked token", async () => {
    const user = await createUser("CUSTOMER");
    expect((await call(logoutRoute, { path: "/api/v1/auth/logout", method: "POST", token: user.token })).status).toBe(200);
    const refused = await call<{ detail: string; auth?: string }>(realtimeUserAuth, { token: user.token, form: { socket_id: "123.456" } });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("Token has been revoked.");
    expect(refused.body.auth).toBeUndefined();
  });

  it("user-channel events carry no e-mail, phone or client address", async () => {
    const user = await createUser("CUSTOMER");
    const client = browserLikeClient(user);
    const { channel } = await subscribed(client, `private-user-${user.id}`);
    const all: Array<{ event: string; data: unknown }> = [];
    channel.bind_global((event: string, data: unknown) => all.push({ event, data }));
    const updated = nextEvent<{ payload: Record<string, unknown>; truncated?: boolean }>(channel, "user.updated", 10_000);
    const contact = uniqueContact();
    expect((await call(updateMe, { method: "PATCH", token: user.token, json: { name: "Renamed Live", ...contact } })).status).toBe(200);
    await runEventPipeline();
    const event = await updated;
    expect(event.payload).toMatchObject({ id: user.id, name: "Renamed Live" });
    expect(event.payload).not.toHaveProperty("email");
    expect(event.payload).not.toHaveProperty("phone");
    expect(event.truncated).toBe(true);
    const wire = JSON.stringify(all);
    for (const secret of [contact.email, contact.phone, user.email, user.phone]) expect(wire).not.toContain(secret);
  });
});

describe("connection caps", () => {
  function socketFrom(port: number): RawSocket {
    const socket = RawSocket.open(port, `/app/${app.key}?protocol=7&client=js&version=8.6.0`);
    rawSockets.push(socket);
    return socket;
  }

  it("refuses a client address's sockets beyond REALTIME_MAX_CONNECTIONS_PER_ADDRESS with 4100, and only that socket", async () => {
    const capped = await extraServer({ maxConnectionsPerAddress: 3 });
    const accepted = [socketFrom(capped.port), socketFrom(capped.port), socketFrom(capped.port)];
    for (const socket of accepted) await socket.socketId();
    const over = socketFrom(capped.port);
    expect((await over.waitFor((m) => m.event === "pusher:error", "4100")).data).toMatchObject({ code: 4100 });
    expect((await over.closed).code).toBe(4100);
    for (const socket of accepted) expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    accepted[0]!.close();
    await pause(100);
    await socketFrom(capped.port).socketId();
  });

  it("behind a trusted proxy, counts the address the proxy saw", async () => {
    const capped = await extraServer({ maxConnectionsPerAddress: 1, trustedProxyHops: 1 });
    const open = (forwardedFor: string) => {
      const socket = new WebSocket(`ws://127.0.0.1:${capped.port}/app/${app.key}?protocol=7`, { headers: { "x-forwarded-for": forwardedFor } });
      rawSockets.push({ close: () => socket.terminate() });
      return new Promise<number | "open">((resolve) => {
        socket.on("message", (raw) => {
          const message = JSON.parse(String(raw)) as { event: string };
          if (message.event === "pusher:connection_established") resolve("open");
        });
        socket.on("close", (code) => resolve(code));
      });
    };
    expect(await open("198.51.100.7")).toBe("open");
    expect(await open("198.51.100.8")).toBe("open");
    // A client cannot dodge the cap by prepending an address: the proxy's own entry is the one that counts.
    expect(await open("203.0.113.1, 198.51.100.7")).toBe(4100);
  });

  it("refuses a user's sockets beyond REALTIME_MAX_CONNECTIONS_PER_USER with 4100 when they claim the user channel", async () => {
    const capped = await extraServer({ maxConnectionsPerUser: 2 });
    const channelName = "private-user-CST000777";
    const first = sdkClient(capped.port);
    const second = sdkClient(capped.port);
    const { channel: firstChannel } = await subscribed(first, channelName);
    await subscribed(second, channelName);
    const third = sdkClient(capped.port);
    await connected(third);
    const refused = nextConnectionError(third);
    third.subscribe(channelName);
    expect((await refused).data?.code).toBe(4100);
    const stillHeard = nextEvent(firstChannel, "probe");
    await serverSdk(app, capped.port).trigger(channelName, "probe", {});
    await stillHeard;
    expect(second.connection.state).toBe("connected");
  });

  it("reads both caps from the environment", () => {
    const appEnv = parseEnv({ APP_SECRET: "x".repeat(40), DATA_DIR: "/tmp/wheelhouse-live-test", TRUSTED_PROXY_HOPS: "2" });
    const options = channelServerOptionsFromEnv(appEnv, { REALTIME_MAX_CONNECTIONS_PER_ADDRESS: "7", REALTIME_MAX_CONNECTIONS_PER_USER: "3" });
    expect(options).toMatchObject({ maxConnectionsPerAddress: 7, maxConnectionsPerUser: 3, trustedProxyHops: 2 });
    expect(channelServerOptionsFromEnv(appEnv, {})).toMatchObject({ maxConnectionsPerAddress: 30, maxConnectionsPerUser: 10 });
  });
});

describe.runIf(Boolean(process.env.REDIS_URL))("across instances sharing Redis (runs only when REDIS_URL is set)", () => {
  it("terminate_connections on one instance closes the user's sockets on another", async () => {
    const redisKeyPrefix = `wheelhouse-test:live-hardening:${process.pid}-${Date.now()}:`;
    const shared = { redisUrl: process.env.REDIS_URL, redisKeyPrefix, redisHeartbeatIntervalMs: 500 };
    const instanceA = await extraServer(shared);
    const instanceB = await extraServer(shared);
    const onB = sdkClient(instanceB.port);
    await subscribed(onB, "private-user-CST000888");
    const cutOff = nextConnectionError(onB);
    await serverSdk(app, instanceA.port).terminateUserConnections("CST000888");
    expect((await cutOff).data?.code).toBe(4200);
  });

  it("counts both caps across the instances", async () => {
    const redisKeyPrefix = `wheelhouse-test:live-caps:${process.pid}-${Date.now()}:`;
    const shared = { redisUrl: process.env.REDIS_URL, redisKeyPrefix, redisHeartbeatIntervalMs: 500, maxConnectionsPerAddress: 2, maxConnectionsPerUser: 1 };
    const instanceA = await extraServer(shared);
    const instanceB = await extraServer(shared);
    const open = (port: number) => {
      const socket = RawSocket.open(port, `/app/${app.key}?protocol=7&client=js&version=8.6.0`);
      rawSockets.push(socket);
      return socket;
    };
    const onA = open(instanceA.port);
    const onB = open(instanceB.port);
    await Promise.all([onA.socketId(), onB.socketId()]);
    await pause(100);
    const third = open(instanceA.port);
    expect((await third.waitFor((m) => m.event === "pusher:error", "4100 across instances")).data).toMatchObject({ code: 4100 });
    expect((await third.closed).code).toBe(4100);
    expect(onA.socket.readyState).toBe(WebSocket.OPEN);
    expect(onB.socket.readyState).toBe(WebSocket.OPEN);

    // Room at this address for the user's two sockets below.
    onA.close();
    await pause(100);
    const userOnA = sdkClient(instanceA.port, "CST000889");
    await subscribed(userOnA, "private-user-CST000889");
    await pause(100);
    onB.close();
    await pause(100);
    const userOnB = sdkClient(instanceB.port, "CST000889");
    const refused = nextConnectionError(userOnB);
    expect((await refused).data?.code).toBe(4100);
    expect(userOnA.connection.state).toBe("connected");
  });
});
