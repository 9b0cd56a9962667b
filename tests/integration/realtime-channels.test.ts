import type Pusher from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
  signedFetch,
  subscribed,
  subscriptionRefused,
  type TestApp,
} from "@/realtime/testing/clients";

const app: TestApp = { appId: "wheelhouse-test", key: "test-key", secret: "test-secret-for-the-channel-server" };
const quiet = () => undefined;

let server: RunningChannelServer;
const clients: Pusher[] = [];
const rawSockets: RawSocket[] = [];
const extraServers: RunningChannelServer[] = [];

function client(identity?: { userId: string; userInfo?: Record<string, unknown> }, signingSecret?: string): Pusher {
  const created = connectClient(app, server.port, identity, signingSecret);
  clients.push(created);
  return created;
}

function raw(path = `/app/${app.key}?protocol=7&client=js&version=8.6.0`, port = server.port): RawSocket {
  const socket = RawSocket.open(port, path);
  rawSockets.push(socket);
  return socket;
}

async function extraServer(options: Partial<ChannelServerOptions>): Promise<RunningChannelServer> {
  const started = await startChannelServer({ port: 0, host: "127.0.0.1", ...app, log: quiet, ...options });
  extraServers.push(started);
  return started;
}

beforeAll(async () => {
  // These tests exercise client events; they are off by default.
  server = await startChannelServer({ port: 0, host: "127.0.0.1", ...app, enableClientEvents: true, log: quiet });
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.disconnect();
  for (const socket of rawSockets.splice(0)) socket.close();
  await Promise.all(extraServers.splice(0).map((started) => started.stop()));
  await pause(50);
});

afterAll(async () => {
  await server.stop();
});

describe("connection (protocol 7)", () => {
  it("establishes a pusher-js connection with a socket id", async () => {
    const socketId = await connected(client());
    expect(socketId).toMatch(/^\d+\.\d+$/);
  });

  it("sends connection_established with socket_id and activity_timeout", async () => {
    const socket = raw();
    const established = await socket.waitFor((message) => message.event === "pusher:connection_established", "handshake");
    const data = JSON.parse(established.data as string) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(120);
  });

  it("refuses an unknown app key with 4001 and closes", async () => {
    const socket = raw("/app/not-the-key?protocol=7&client=js&version=8.6.0");
    const error = await socket.waitFor((message) => message.event === "pusher:error", "error");
    expect(error.data).toMatchObject({ code: 4001 });
    expect((await socket.closed).code).toBe(4001);
  });

  it("refuses an unsupported protocol with 4007, a missing one with 4008, and a wrong path with 4005", async () => {
    const oldProtocol = raw(`/app/${app.key}?protocol=6&client=js`);
    expect((await oldProtocol.waitFor((m) => m.event === "pusher:error", "4007")).data).toMatchObject({ code: 4007 });
    expect((await oldProtocol.closed).code).toBe(4007);

    const noProtocol = raw(`/app/${app.key}?client=js`);
    expect((await noProtocol.closed).code).toBe(4008);

    const wrongPath = raw(`/socket/${app.key}?protocol=7`);
    expect((await wrongPath.closed).code).toBe(4005);
  });

  it("refuses a protocol version that is not a number with 4006", async () => {
    const garbled = raw(`/app/${app.key}?protocol=seven&client=js`);
    expect((await garbled.waitFor((m) => m.event === "pusher:error", "4006")).data).toMatchObject({ code: 4006 });
    expect((await garbled.closed).code).toBe(4006);
  });

  it("answers hostile frames with pusher:error and keeps the connection", async () => {
    const socket = raw();
    await socket.socketId();
    for (const frame of ["not json", "[1,2]", "null", '{"event":5}', '{"event":"nope"}', '{"event":"pusher:subscribe","data":"garbage"}']) {
      socket.send(frame);
    }
    socket.send({ event: "pusher:ping", data: {} });
    await socket.waitFor((message) => message.event === "pusher:pong", "pong after the garbage");
    await pause(100);
    expect(socket.messages.filter((message) => message.event === "pusher:error")).toHaveLength(6);
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
  });

  it("limits the channels one socket may hold", async () => {
    const limited = await extraServer({ maxChannelsPerSocket: 3 });
    const socket = raw(undefined, limited.port);
    await socket.socketId();
    for (const name of ["a", "b", "c", "d"]) socket.send({ event: "pusher:subscribe", data: { channel: name } });
    const refused = await socket.waitFor((m) => m.event === "pusher:subscription_error", "limit");
    expect(refused).toMatchObject({ channel: "d", data: { type: "LimitReached", status: 400 } });
    socket.send({ event: "pusher:unsubscribe", data: { channel: "a" } });
    socket.send({ event: "pusher:subscribe", data: { channel: "d" } });
    await socket.waitFor((m) => m.event === "pusher_internal:subscription_succeeded" && m.channel === "d", "room again after unsubscribing");
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const socket = raw();
    await socket.socketId();
    socket.send({ event: "pusher:ping", data: {} });
    await socket.waitFor((message) => message.event === "pusher:pong", "pong");
  });

  it("pings a silent client and closes with 4201 when no pong comes; a client that answers stays", async () => {
    const strict = await extraServer({ activityTimeoutSeconds: 1, pongTimeoutSeconds: 1 });
    const silent = raw(undefined, strict.port);
    const answering = raw(undefined, strict.port);
    answering.socket.on("message", (text) => {
      if ((JSON.parse(String(text)) as { event: string }).event === "pusher:ping") answering.send({ event: "pusher:pong", data: {} });
    });
    await Promise.all([silent.socketId(), answering.socketId()]);
    await silent.waitFor((message) => message.event === "pusher:ping", "server ping", 3_000);
    expect((await silent.closed).code).toBe(4201);
    await pause(1_500);
    expect(answering.socket.readyState).toBe(answering.socket.OPEN);
  });

  it("refuses connections over max connections with 4100", async () => {
    const small = await extraServer({ maxConnections: 1 });
    const first = raw(undefined, small.port);
    await first.socketId();
    const second = raw(undefined, small.port);
    expect((await second.waitFor((m) => m.event === "pusher:error", "4100")).data).toMatchObject({ code: 4100 });
    expect((await second.closed).code).toBe(4100);
  });

  it("closes oversized WebSocket messages with 1009", async () => {
    const socket = raw();
    await socket.socketId();
    socket.send({ event: "client-big", channel: "private-x", data: "x".repeat(11 * 1024) });
    expect((await socket.closed).code).toBe(1009);
  });

  it("closes every socket with 4200 on shutdown", async () => {
    const doomed = await startChannelServer({ port: 0, host: "127.0.0.1", ...app, log: quiet });
    const socket = raw(undefined, doomed.port);
    await socket.socketId();
    await doomed.stop();
    expect((await socket.waitFor((m) => m.event === "pusher:error", "4200")).data).toMatchObject({ code: 4200 });
    expect((await socket.closed).code).toBe(4200);
  });
});

describe("public, private and presence channels", () => {
  it("delivers an event triggered with the pusher SDK to a public channel subscriber", async () => {
    const subscriber = client();
    const { channel } = await subscribed(subscriber, "parking-availability");
    const received = nextEvent(channel, "spot-updated");
    await serverSdk(app, server.port).trigger("parking-availability", "spot-updated", { spotId: 7, free: true });
    expect(await received).toEqual({ spotId: 7, free: true });
  });

  it("stops delivering after unsubscribe", async () => {
    const subscriber = client();
    const { channel } = await subscribed(subscriber, "unsubscribe-me");
    const received = recordEvents(channel, "ping");
    subscriber.unsubscribe("unsubscribe-me");
    await pause(100);
    await serverSdk(app, server.port).trigger("unsubscribe-me", "ping", {});
    await pause(200);
    expect(received).toEqual([]);
  });

  it("accepts a private channel with a valid signature and refuses a bad one", async () => {
    await subscribed(client(), "private-user-42");
    const refusal = await subscriptionRefused(client(undefined, "a-different-secret-of-some-length"), "private-user-42");
    expect(refusal).toMatchObject({ type: "AuthError", status: 401 });

    const socket = raw();
    await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "private-user-42", auth: `${app.key}:deadbeef` } });
    const error = await socket.waitFor((m) => m.event === "pusher:subscription_error", "subscription_error");
    expect(error).toMatchObject({ channel: "private-user-42", data: { type: "AuthError", status: 401 } });
  });

  it("refuses a presence subscription whose channel_data was not the one signed", async () => {
    const socket = raw();
    const socketId = await socket.socketId();
    const signed = serverSdk(app, server.port).authorizeChannel(socketId, "presence-lot", { user_id: "alice", user_info: {} });
    socket.send({
      event: "pusher:subscribe",
      data: { channel: "presence-lot", auth: signed.auth, channel_data: JSON.stringify({ user_id: "mallory" }) },
    });
    const error = await socket.waitFor((m) => m.event === "pusher:subscription_error", "subscription_error");
    expect(error.data).toMatchObject({ type: "AuthError" });
  });

  it("tracks presence members per user: member_added once, member_removed when the user's last socket leaves", async () => {
    const alice = client({ userId: "alice", userInfo: { name: "Alice" } });
    const { channel: aliceChannel, data: initial } = await subscribed(alice, "presence-garage-1");
    const presence = aliceChannel as PresenceChannel;
    expect(presence.members.count).toBe(1);
    expect(presence.members.me).toEqual({ id: "alice", info: { name: "Alice" } });
    expect(initial).toBe(presence.members);

    const added = recordEvents(aliceChannel, "pusher:member_added");
    const removed = recordEvents(aliceChannel, "pusher:member_removed");

    const bob = client({ userId: "bob", userInfo: { name: "Bob" } });
    const bobJoined = nextEvent(aliceChannel, "pusher:member_added");
    const { channel: bobChannel } = await subscribed(bob, "presence-garage-1");
    expect(await bobJoined).toEqual({ id: "bob", info: { name: "Bob" } });
    expect((bobChannel as PresenceChannel).members.count).toBe(2);
    expect((bobChannel as PresenceChannel).members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });

    // Bob's second tab: the same user, so nobody is told he joined again.
    const bobSecondTab = client({ userId: "bob", userInfo: { name: "Bob" } });
    await subscribed(bobSecondTab, "presence-garage-1");
    await pause(200);
    expect(added).toHaveLength(1);
    expect(presence.members.count).toBe(2);

    bobSecondTab.disconnect();
    await pause(300);
    expect(removed).toEqual([]);

    const bobLeft = nextEvent(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect(await bobLeft).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(presence.members.count).toBe(1);
  });
});

describe("client events", () => {
  it("delivers client events on a private channel to the other subscribers, not back to the sender", async () => {
    const sender = client();
    const receiver = client();
    const { channel: senderChannel } = await subscribed(sender, "private-chat-9");
    const { channel: receiverChannel } = await subscribed(receiver, "private-chat-9");
    const echoed = recordEvents(senderChannel, "client-typing");
    const received = nextEvent(receiverChannel, "client-typing");
    expect(senderChannel.trigger("client-typing", { typing: true })).toBe(true);
    expect(await received).toEqual({ typing: true });
    await pause(150);
    expect(echoed).toEqual([]);
  });

  it("tags client events on presence channels with the sender's user_id", async () => {
    const alice = client({ userId: "alice" });
    const bob = client({ userId: "bob" });
    const { channel: aliceChannel } = await subscribed(alice, "presence-chat-2");
    const { channel: bobChannel } = await subscribed(bob, "presence-chat-2");
    const received = new Promise<{ data: unknown; metadata: unknown }>((resolve) =>
      bobChannel.bind("client-wave", (data: unknown, metadata: unknown) => resolve({ data, metadata })),
    );
    aliceChannel.trigger("client-wave", { hello: "bob" });
    expect(await received).toEqual({ data: { hello: "bob" }, metadata: { user_id: "alice" } });
  });

  it("refuses client events on public channels", async () => {
    const sender = client();
    const receiver = client();
    const { channel: senderChannel } = await subscribed(sender, "public-chat");
    const { channel: receiverChannel } = await subscribed(receiver, "public-chat");
    const received = recordEvents(receiverChannel, "client-typing");
    const error = nextConnectionError(sender);
    senderChannel.trigger("client-typing", {});
    expect((await error).data?.message).toMatch(/not a private or presence channel/);
    await pause(150);
    expect(received).toEqual([]);
  });

  it("refuses client events from a socket that is not subscribed to the channel", async () => {
    const receiver = client();
    const { channel } = await subscribed(receiver, "private-room");
    const received = recordEvents(channel, "client-sneak");
    const socket = raw();
    await socket.socketId();
    socket.send({ event: "client-sneak", channel: "private-room", data: {} });
    const error = await socket.waitFor((m) => m.event === "pusher:error", "error");
    expect((error.data as { message: string }).message).toMatch(/not subscribed/);
    await pause(150);
    expect(received).toEqual([]);
  });

  it("refuses client events when they are disabled", async () => {
    const disabled = await extraServer({ enableClientEvents: false });
    const sender = connectClient(app, disabled.port);
    clients.push(sender);
    const { channel } = await subscribed(sender, "private-quiet");
    const error = nextConnectionError(sender);
    channel.trigger("client-typing", {});
    expect((await error).data?.message).toMatch(/not enabled/);
  });

  it("rate-limits client events per socket with 4301", async () => {
    const receiver = client();
    const { channel } = await subscribed(receiver, "private-flood");
    const received = recordEvents(channel, "client-flood");
    const socket = raw();
    const socketId = await socket.socketId();
    socket.send({ event: "pusher:subscribe", data: { channel: "private-flood", ...serverSdk(app, server.port).authorizeChannel(socketId, "private-flood") } });
    await socket.waitFor((m) => m.event === "pusher_internal:subscription_succeeded", "subscribed");
    for (let index = 0; index < 15; index += 1) socket.send({ event: "client-flood", channel: "private-flood", data: { index } });
    const error = await socket.waitFor((m) => m.event === "pusher:error", "rate limit error");
    expect(error.data).toMatchObject({ code: 4301 });
    await pause(200);
    expect(received).toHaveLength(10);
  });
});

describe("HTTP API", () => {
  it("excludes the socket named by socket_id", async () => {
    const originator = client();
    const other = client();
    const originatorSocketId = await connected(originator);
    const { channel: originatorChannel } = await subscribed(originator, "rentals-board");
    const { channel: otherChannel } = await subscribed(other, "rentals-board");
    const echoed = recordEvents(originatorChannel, "rental-approved");
    const received = nextEvent(otherChannel, "rental-approved");
    await serverSdk(app, server.port).trigger("rentals-board", "rental-approved", { id: 1 }, { socket_id: originatorSocketId });
    expect(await received).toEqual({ id: 1 });
    await pause(150);
    expect(echoed).toEqual([]);
  });

  it("triggers one event to several channels and a batch of events", async () => {
    const subscriber = client();
    const { channel: first } = await subscribed(subscriber, "multi-a");
    const { channel: second } = await subscribed(subscriber, "multi-b");
    const sdk = serverSdk(app, server.port);

    const bothReceived = Promise.all([nextEvent(first, "hello"), nextEvent(second, "hello")]);
    await sdk.trigger(["multi-a", "multi-b"], "hello", { n: 1 });
    expect(await bothReceived).toEqual([{ n: 1 }, { n: 1 }]);

    const batchReceived = Promise.all([nextEvent(first, "one"), nextEvent(second, "two")]);
    const response = await sdk.triggerBatch([
      { channel: "multi-a", name: "one", data: { n: 1 } },
      { channel: "multi-b", name: "two", data: { n: 2 } },
    ]);
    expect(response.status).toBe(200);
    expect(await batchReceived).toEqual([{ n: 1 }, { n: 2 }]);

    const tooBig = Array.from({ length: 11 }, (_, index) => ({ channel: "multi-a", name: "n", data: String(index) }));
    await expect(sdk.triggerBatch(tooBig)).rejects.toMatchObject({ status: 400 });
  });

  it("rejects a wrong signature, a stale timestamp and a body that does not match body_md5 with 401", async () => {
    const path = `/apps/${app.appId}/events`;
    const event = { name: "x", channels: ["anything"], data: "{}" };
    expect((await signedFetch(app, server.port, { method: "POST", path, body: event })).status).toBe(200);

    const tampered = await signedFetch(app, server.port, { method: "POST", path, body: event, tamperSignature: true });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ error: expect.stringMatching(/Invalid signature/) });

    const wrongSecret = await signedFetch(app, server.port, { method: "POST", path, body: event, secret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);

    const stale = await signedFetch(app, server.port, { method: "POST", path, body: event, timestamp: Math.floor(Date.now() / 1000) - 601 });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ error: expect.stringMatching(/Timestamp expired/) });

    const future = await signedFetch(app, server.port, { method: "GET", path: `/apps/${app.appId}/channels`, timestamp: Math.floor(Date.now() / 1000) + 700 });
    expect(future.status).toBe(401);

    const unsigned = await fetch(`http://127.0.0.1:${server.port}/apps/${app.appId}/channels`);
    expect(unsigned.status).toBe(401);
  });

  it("rejects a body whose md5 differs from body_md5", async () => {
    const path = `/apps/${app.appId}/events`;
    const query = new URLSearchParams({ auth_key: app.key, auth_timestamp: String(Math.floor(Date.now() / 1000)), auth_version: "1.0", body_md5: "0".repeat(32) });
    const { createHmac } = await import("node:crypto");
    const sorted = [...query.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`).join("&");
    const signature = createHmac("sha256", app.secret).update(`POST\n${path}\n${sorted}`).digest("hex");
    const response = await fetch(`http://127.0.0.1:${server.port}${path}?${sorted}&auth_signature=${signature}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", channels: ["a"], data: "{}" }),
    });
    expect(response.status).toBe(401);
  });

  it("answers bad bodies with 400, unknown apps with 404 and oversized data with 413", async () => {
    const path = `/apps/${app.appId}/events`;
    const post = (body: unknown) => signedFetch(app, server.port, { method: "POST", path, body });
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ name: "x", data: "{}" })).status).toBe(400);
    expect((await post({ name: "x", channels: ["bad channel!"], data: "{}" })).status).toBe(400);
    expect((await post({ name: "x", channels: ["a"], data: { not: "a string" } })).status).toBe(400);
    expect((await post({ name: "pusher_internal:member_added", channels: ["a"], data: "{}" })).status).toBe(400);
    expect((await post({ name: "x", channels: ["a"], data: "{}", socket_id: "nope" })).status).toBe(400);
    const tooManyChannels = Array.from({ length: 101 }, (_, index) => `c-${index}`);
    expect((await post({ name: "x", channels: tooManyChannels, data: "{}" })).status).toBe(400);
    expect((await post({ name: "x", channels: ["a"], data: "x".repeat(10 * 1024 + 1) })).status).toBe(413);
    expect((await signedFetch(app, server.port, { method: "GET", path: "/apps/someone-else/channels" })).status).toBe(404);

    await expect(serverSdk(app, server.port).trigger("a", "big", "x".repeat(11 * 1024))).rejects.toMatchObject({ status: 413 });
  });

  it("reports channels, one channel's counts and a presence channel's users", async () => {
    const alice = client({ userId: "alice" });
    const bob = client({ userId: "bob" });
    await subscribed(alice, "presence-lot-5");
    await subscribed(bob, "presence-lot-5");
    await subscribed(alice, "private-stats-1");
    await subscribed(alice, "stats-public");
    await subscribed(bob, "stats-public");

    const get = (path: string, params?: Record<string, string>) =>
      signedFetch(app, server.port, { method: "GET", path: `/apps/${app.appId}${path}`, params });

    const all = await get("/channels");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ channels: { "presence-lot-5": {}, "private-stats-1": {}, "stats-public": {} } });

    expect((await get("/channels", { filter_by_prefix: "presence-", info: "user_count" })).body).toEqual({
      channels: { "presence-lot-5": { user_count: 2 } },
    });
    expect((await get("/channels", { info: "user_count" })).status).toBe(400);

    expect((await get("/channels/stats-public", { info: "subscription_count" })).body).toEqual({ occupied: true, subscription_count: 2 });
    expect((await get("/channels/presence-lot-5", { info: "user_count,subscription_count" })).body).toEqual({
      occupied: true,
      user_count: 2,
      subscription_count: 2,
    });
    expect((await get("/channels/nobody-here")).body).toEqual({ occupied: false });
    expect((await get("/channels/stats-public", { info: "user_count" })).status).toBe(400);

    expect((await get("/channels/presence-lot-5/users")).body).toEqual({ users: [{ id: "alice" }, { id: "bob" }] });
    expect((await get("/channels/stats-public/users")).status).toBe(400);

    // The official SDK's signing of GET requests with query parameters.
    const viaSdk = await serverSdk(app, server.port).get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } });
    expect(await viaSdk.json()).toEqual({ channels: { "presence-lot-5": { user_count: 2 } } });
  });

  it("serves GET /health", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", cluster: "single-instance" });
  });
});
