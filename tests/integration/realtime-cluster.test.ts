import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import type Pusher from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startChannelServer, type ChannelServerOptions, type RunningChannelServer } from "@/realtime/src/channel-server";
import {
  connectClient,
  connected,
  nextEvent,
  pause,
  recordEvents,
  serverSdk,
  signedFetch,
  subscribed,
  withTimeout,
  type TestApp,
} from "@/realtime/testing/clients";

const redisUrl = process.env.REDIS_URL;
const root = path.resolve(import.meta.dirname, "..", "..");
const app: TestApp = { appId: "wheelhouse-cluster-test", key: "cluster-key", secret: "cluster-secret-for-the-channel-server" };
const heartbeatMs = 300;

describe.runIf(Boolean(redisUrl))("channel servers sharing Redis (runs only when REDIS_URL is set)", () => {
  const redisKeyPrefix = `wheelhouse-test:realtime:${process.pid}-${randomBytes(3).toString("hex")}:`;
  const options = (): ChannelServerOptions => ({
    port: 0,
    host: "127.0.0.1",
    ...app,
    redisUrl,
    redisKeyPrefix,
    redisHeartbeatIntervalMs: heartbeatMs,
    // These tests exercise client events; they are off by default.
    enableClientEvents: true,
    log: () => undefined,
  });
  let instanceA: RunningChannelServer;
  let instanceB: RunningChannelServer;
  const clients: Pusher[] = [];
  const children: ChildProcess[] = [];

  function clientOn(instance: { port: number }, identity?: { userId: string; userInfo?: Record<string, unknown> }): Pusher {
    const created = connectClient(app, instance.port, identity);
    clients.push(created);
    return created;
  }

  const get = (instance: { port: number }, apiPath: string, params?: Record<string, string>) =>
    signedFetch(app, instance.port, { method: "GET", path: `/apps/${app.appId}${apiPath}`, params }).then((response) => response.body);

  /** Another instance in its own process, so that it can really crash. */
  async function startChildInstance(): Promise<{ port: number; process: ChildProcess }> {
    const script =
      'import { startChannelServer } from "./realtime/src/channel-server.ts";' +
      "const server = await startChannelServer(JSON.parse(process.env.CHANNEL_SERVER_OPTIONS));" +
      "process.stdout.write(`LISTENING ${server.port}\\n`);";
    // Plain node with the tsx loader: one process, so SIGKILL really kills the server.
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
      cwd: root,
      env: { ...process.env, CHANNEL_SERVER_OPTIONS: JSON.stringify({ ...options(), log: undefined }) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const port = await withTimeout(
      new Promise<number>((resolve) => {
        createInterface({ input: child.stdout! }).on("line", (line) => {
          const match = /^LISTENING (\d+)$/.exec(line);
          if (match) resolve(Number(match[1]));
        });
      }),
      "the child instance",
      30_000,
    );
    return { port, process: child };
  }

  beforeAll(async () => {
    [instanceA, instanceB] = await Promise.all([startChannelServer(options()), startChannelServer(options())]);
  });

  afterEach(async () => {
    for (const created of clients.splice(0)) created.disconnect();
    for (const child of children.splice(0)) child.kill("SIGKILL");
    await pause(100);
  });

  afterAll(async () => {
    await Promise.all([instanceA?.stop(), instanceB?.stop()]);
    const redis = new Redis(redisUrl!);
    const leftovers = await redis.keys(`${redisKeyPrefix}*`);
    if (leftovers.length > 0) await redis.del(...leftovers);
    await redis.quit();
  });

  it("delivers an event published to instance A's HTTP API to a pusher-js client on instance B", async () => {
    const onB = clientOn(instanceB);
    const { channel } = await subscribed(onB, "spots-live");
    const received = nextEvent(channel, "spot-freed");
    await serverSdk(app, instanceA.port).trigger("spots-live", "spot-freed", { spotId: 3 });
    expect(await received).toEqual({ spotId: 3 });
  });

  it("honours socket_id exclusion for a socket on another instance", async () => {
    const excluded = clientOn(instanceB);
    const other = clientOn(instanceB);
    const excludedSocketId = await connected(excluded);
    const { channel: excludedChannel } = await subscribed(excluded, "fleet");
    const { channel: otherChannel } = await subscribed(other, "fleet");
    const echoed = recordEvents(excludedChannel, "moved");
    const received = nextEvent(otherChannel, "moved");
    await serverSdk(app, instanceA.port).trigger("fleet", "moved", { id: 1 }, { socket_id: excludedSocketId });
    expect(await received).toEqual({ id: 1 });
    await pause(200);
    expect(echoed).toEqual([]);
  });

  it("delivers client events between sockets on different instances", async () => {
    const onA = clientOn(instanceA);
    const onB = clientOn(instanceB);
    const { channel: senderChannel } = await subscribed(onA, "private-handover-1");
    const { channel: receiverChannel } = await subscribed(onB, "private-handover-1");
    const received = nextEvent(receiverChannel, "client-ready");
    senderChannel.trigger("client-ready", { ok: true });
    expect(await received).toEqual({ ok: true });
  });

  it("keeps presence and channel info consistent across both instances", async () => {
    const alice = clientOn(instanceA, { userId: "alice", userInfo: { name: "Alice" } });
    const bob = clientOn(instanceB, { userId: "bob", userInfo: { name: "Bob" } });
    const { channel: aliceChannel } = await subscribed(alice, "presence-branch-1");
    const bobJoined = nextEvent(aliceChannel, "pusher:member_added");
    const { channel: bobChannel } = await subscribed(bob, "presence-branch-1");
    expect(await bobJoined).toEqual({ id: "bob", info: { name: "Bob" } });
    expect((bobChannel as PresenceChannel).members.count).toBe(2);
    expect((bobChannel as PresenceChannel).members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });

    await subscribed(alice, "branch-news");
    await subscribed(bob, "branch-news");

    for (const instance of [instanceA, instanceB]) {
      // The HTTP API does not promise an order for members.
      const { users } = (await get(instance, "/channels/presence-branch-1/users")) as { users: Array<{ id: string }> };
      expect([...users].sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: "alice" }, { id: "bob" }]);
      expect(await get(instance, "/channels/presence-branch-1", { info: "user_count,subscription_count" })).toEqual({
        occupied: true,
        user_count: 2,
        subscription_count: 2,
      });
      expect(await get(instance, "/channels/branch-news", { info: "subscription_count" })).toEqual({ occupied: true, subscription_count: 2 });
      expect(await get(instance, "/channels", { filter_by_prefix: "presence-", info: "user_count" })).toEqual({
        channels: { "presence-branch-1": { user_count: 2 } },
      });
    }

    const bobLeft = nextEvent(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect(await bobLeft).toEqual({ id: "bob", info: { name: "Bob" } });
    await pause(100);
    for (const instance of [instanceA, instanceB]) {
      expect(await get(instance, "/channels/presence-branch-1/users")).toEqual({ users: [{ id: "alice" }] });
      expect(await get(instance, "/channels/branch-news", { info: "subscription_count" })).toEqual({ occupied: true, subscription_count: 1 });
    }
  });

  it("announces a user on both instances once, and removes them only when their last socket anywhere leaves", async () => {
    const observer = clientOn(instanceA, { userId: "observer" });
    const { channel } = await subscribed(observer, "presence-branch-2");
    const added = recordEvents(channel, "pusher:member_added");
    const removed = recordEvents(channel, "pusher:member_removed");

    const carolOnA = clientOn(instanceA, { userId: "carol" });
    const carolOnB = clientOn(instanceB, { userId: "carol" });
    await subscribed(carolOnA, "presence-branch-2");
    await subscribed(carolOnB, "presence-branch-2");
    await pause(300);
    expect(added).toEqual([{ id: "carol", info: {} }]);

    carolOnA.disconnect();
    await pause(300);
    expect(removed).toEqual([]);
    expect(await get(instanceB, "/channels/presence-branch-2", { info: "user_count" })).toMatchObject({ user_count: 2 });

    const carolLeft = nextEvent(channel, "pusher:member_removed");
    carolOnB.disconnect();
    expect(await carolLeft).toEqual({ id: "carol", info: {} });
  });

  it("removes the members of an instance that stops gracefully", async () => {
    const observer = clientOn(instanceA, { userId: "observer" });
    const { channel } = await subscribed(observer, "presence-branch-3");
    const instanceD = await startChannelServer(options());
    const erin = clientOn(instanceD, { userId: "erin" });
    const erinJoined = nextEvent(channel, "pusher:member_added");
    await subscribed(erin, "presence-branch-3");
    await erinJoined;

    const erinLeft = nextEvent(channel, "pusher:member_removed");
    await instanceD.stop();
    erin.disconnect();
    expect(await erinLeft).toEqual({ id: "erin", info: {} });
    expect(await get(instanceB, "/channels/presence-branch-3/users")).toEqual({ users: [{ id: "observer" }] });
  });

  it("removes the members and subscriptions of an instance that crashes", async () => {
    const observer = clientOn(instanceA, { userId: "observer" });
    const { channel } = await subscribed(observer, "presence-branch-4");
    const crashing = await startChildInstance();
    const dave = clientOn(crashing, { userId: "dave" });
    const daveJoined = nextEvent(channel, "pusher:member_added");
    await subscribed(dave, "presence-branch-4");
    await subscribed(dave, "crash-public");
    await daveJoined;
    expect(await get(instanceB, "/channels/crash-public", { info: "subscription_count" })).toEqual({ occupied: true, subscription_count: 1 });

    const daveGone = nextEvent(channel, "pusher:member_removed", 10_000);
    crashing.process.kill("SIGKILL");
    expect(await daveGone).toEqual({ id: "dave", info: {} });
    dave.disconnect();
    expect(await get(instanceB, "/channels/presence-branch-4/users")).toEqual({ users: [{ id: "observer" }] });
    expect(await get(instanceA, "/channels/crash-public")).toEqual({ occupied: false });
  });

  it("reports Redis in /health", async () => {
    const response = await fetch(`http://127.0.0.1:${instanceA.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", cluster: "redis", clusterHealthy: true });
  });
});
