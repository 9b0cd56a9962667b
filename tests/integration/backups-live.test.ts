import Pusher, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as realtimeConfig } from "@/app/api/realtime/config/route";
import * as backupRestore from "@/app/api/v1/backups/[id]/restore/route";
import * as backups from "@/app/api/v1/backups/route";
import * as announcements from "@/app/api/v1/notification-logs/announcements/route";
import { env, resetEnvCache } from "@/lib/env";
import { drainOutbox } from "@/lib/events/drainer";
import { runEventPipeline } from "@/lib/events/scheduler";
import { startChannelServer, type RunningChannelServer } from "@/realtime/src/channel-server";
import { nextEvent, subscribed, withTimeout } from "@/realtime/testing/clients";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { appAuthorizedClient } from "../support/realtime";

/** What reaches browsers: announcements (notification.created) and the reload after a restore, through the bundled channel server. */

let server: RunningChannelServer;
const clients: Pusher[] = [];

beforeAll(async () => {
  const config = env();
  server = await startChannelServer({ port: 0, host: "127.0.0.1", appId: config.PUSHER_APP_ID, key: config.PUSHER_KEY, secret: config.secrets.channelServer, log: () => {} });
  process.env.PUSHER_PORT = String(server.port);
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
  await drainOutbox();
  await runEventPipeline();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.stop();
  delete process.env.PUSHER_PORT;
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
});

async function browserLikeClient(user: TestUser): Promise<Pusher> {
  const config = (await call<{ key: string; wsHost: string; wsPort: number; forceTLS: boolean; cluster: string }>(realtimeConfig, { path: "/api/realtime/config" })).body;
  const client = appAuthorizedClient(config, user);
  clients.push(client);
  return client;
}

describe("live: announcements and restores", () => {
  it("an announcement arrives live on each recipient's own channel", async () => {
    const admin = await createUser("ADMIN");
    const mechanic = await createUser("MECHANIC");
    const client = await browserLikeClient(mechanic);
    const { channel } = await withTimeout(subscribed(client, `private-user-${mechanic.id}`), "own channel");
    const arrived = nextEvent<{ type: string }>(channel as Channel, "notification.created", 10_000);
    const sent = await call(announcements.POST, { token: admin.token, json: { title: "Live hello", body: "Hello, mechanics", audience: "MECHANIC" } });
    expect(sent.status).toBe(201);
    await runEventPipeline();
    expect(await arrived).toMatchObject({ type: "announcement.sent" });
  });

  it("after a restore every signed-in browser hears platform.data_restored on its role's channel", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createUser("CUSTOMER");
    const backup = await call<{ id: string }>(backups.POST, { method: "POST", token: admin.token });
    expect(backup.status).toBe(201);
    const client = await browserLikeClient(customer);
    const { channel } = await withTimeout(subscribed(client, "private-role-customer"), "role channel");
    const reload = nextEvent<{ type: string; payload: { backupId: string } }>(channel as Channel, "platform.data_restored", 10_000);
    expect((await call(backupRestore.POST, { method: "POST", token: admin.token, params: { id: backup.body.id } })).status).toBe(200);
    await runEventPipeline();
    expect(await reload).toMatchObject({ type: "platform.data_restored", payload: { backupId: backup.body.id } });
  });
});
