import type { Channel } from "pusher-js";
import { describe, expect, it, vi } from "vitest";
import { GET as realtimeConfig } from "@/app/api/realtime/config/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { env, resetEnvCache } from "@/lib/env";
import { runEventPipeline } from "@/lib/events/scheduler";
import { pusher } from "@/lib/realtime/publisher";
import { nextEvent, subscribed, subscriptionRefused, withTimeout } from "@/realtime/testing/clients";
import { call } from "../support/http";
import { channelServerForThisFile } from "../support/realtime";
import { createUser } from "../support/identity";

const channelServer = channelServerForThisFile();
const { browserLikeClient } = channelServer;

describe("live delivery through the bundled channel server", () => {
  it("GET /api/realtime/config gives the public client settings", async () => {
    const response = await call<Record<string, unknown>>(realtimeConfig, { path: "/api/realtime/config" });
    expect(response.body).toEqual({
      key: env().PUSHER_KEY,
      wsHost: "localhost",
      wsPort: channelServer.server().port,
      forceTLS: false,
      cluster: "mt1",
      parkingChannel: "private-parking",
    });
    expect(JSON.stringify(response.body)).not.toContain(env().secrets.channelServer);
  });

  it("points browsers at the host they reached the app by, not at the server's own hostname", async () => {
    const config = (headers: Record<string, string>) =>
      call<{ wsHost: string }>(realtimeConfig, { path: "/api/realtime/config", headers }).then((response) => response.body.wsHost);
    expect(await config({ host: "192.168.1.20:3000" })).toBe("192.168.1.20");
    expect(await config({ host: "wheelhouse.example" })).toBe("wheelhouse.example");
    expect(await config({ host: "[::1]:3000" })).toBe("[::1]");
    expect(await config({ host: "bad host<script>" })).toBe("localhost");
    // X-Forwarded-Host counts only behind trusted proxies.
    expect(await config({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example" })).toBe("10.0.0.5");
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvCache();
    try {
      expect(await config({ host: "10.0.0.5:3000", "x-forwarded-host": "wheelhouse.example" })).toBe("wheelhouse.example");
      process.env.PUSHER_PUBLIC_HOST = "live.wheelhouse.example";
      resetEnvCache();
      expect(await config({ host: "10.0.0.5:3000", "x-forwarded-host": "wheelhouse.example" })).toBe("live.wheelhouse.example");
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
      delete process.env.PUSHER_PUBLIC_HOST;
      resetEnvCache();
    }
  });

  it("delivers a committed change to the user's private channel once the pipeline runs", async () => {
    const user = await createUser("CUSTOMER");
    const client = await browserLikeClient(user);
    const { channel } = await withTimeout(subscribed(client, `private-user-${user.id}`), "subscription");
    const delivered = nextEvent<{ type: string; key: string; payload: { name: string } }>(channel as Channel, "user.updated", 10_000);
    expect((await call(updateMe, { method: "PATCH", token: user.token, json: { name: "Live Renamed" } })).status).toBe(200);
    await runEventPipeline();
    const event = await delivered;
    expect(event).toMatchObject({ type: "user.updated", key: user.id, payload: { name: "Live Renamed" } });
  });

  it("publishes a batch of events in requests of ten (channel, event) pairs, each channel's in order", async () => {
    const user = await createUser("CUSTOMER");
    const client = await browserLikeClient(user);
    const { channel } = await withTimeout(subscribed(client, `private-user-${user.id}`), "subscription");
    const names = Array.from({ length: 12 }, (_, index) => `Batch Name ${index + 1}`);
    const received: string[] = [];
    const all = new Promise<void>((resolve) => {
      (channel as Channel).bind("user.updated", (event: { payload: { name: string } }) => {
        received.push(event.payload.name);
        if (received.length === names.length) resolve();
      });
    });
    for (const name of names) expect((await call(updateMe, { method: "PATCH", token: user.token, json: { name } })).status).toBe(200);

    const publisher = pusher();
    const single = vi.spyOn(publisher, "trigger");
    const batched = vi.spyOn(publisher, "triggerBatch");
    try {
      await runEventPipeline();
      await withTimeout(all, "all twelve events");
      const userChannel = `private-user-${user.id}`;
      const carrying = [
        ...single.mock.calls.filter(([channels, name]) => name === "user.updated" && [channels].flat().includes(userChannel)),
        ...batched.mock.calls.filter(([batch]) => batch.some((entry) => entry.name === "user.updated" && entry.channel === userChannel)),
      ];
      // Each rename goes to the user's channel and the admins': 24 pairs, three requests of ten (one more if earlier
      // events fill part of the first) instead of one request per event.
      expect(carrying.length).toBeLessThanOrEqual(Math.ceil((2 * names.length) / 10) + 1);
    } finally {
      single.mockRestore();
      batched.mockRestore();
    }
    expect(received).toEqual(names);
  });

  it("signs only what the caller may hear", async () => {
    const customer = await createUser("CUSTOMER");
    const other = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const customerClient = await browserLikeClient(customer);
    await withTimeout(subscribed(customerClient, `private-user-${customer.id}`), "own channel");
    await withTimeout(subscribed(customerClient, "private-role-customer"), "own role channel");
    await withTimeout(subscribed(customerClient, "private-parking"), "parking board");
    await withTimeout(subscriptionRefused(customerClient, `private-user-${other.id}`), "someone else's channel refused");
    await withTimeout(subscriptionRefused(customerClient, "private-role-admin"), "another role's channel refused");
    await withTimeout(subscriptionRefused(customerClient, "presence-anything"), "unlisted presence channel refused");

    const adminClient = await browserLikeClient(admin);
    await withTimeout(subscribed(adminClient, "private-role-admin"), "admin role channel");

    const anonymous = await browserLikeClient(null);
    await withTimeout(subscriptionRefused(anonymous, "private-parking"), "anonymous refused");
  });

  it("the auth route rejects malformed input and anonymous callers", async () => {
    const user = await createUser("CUSTOMER");
    const malformed = await call(realtimeAuth, { token: user.token, form: { socket_id: "abc", channel_name: "private-parking" } });
    expect(malformed.status).toBe(422);
    const missing = await call(realtimeAuth, { token: user.token, form: {} });
    expect(missing.status).toBe(422);
    const anonymous = await call(realtimeAuth, { form: { socket_id: "1.2", channel_name: "private-parking" } });
    expect(anonymous.status).toBe(401);
    const valid = await call<{ auth: string }>(realtimeAuth, { token: user.token, form: { socket_id: "123.456", channel_name: "private-parking" } });
    expect(valid.status).toBe(200);
    expect(valid.body.auth).toMatch(new RegExp(`^${env().PUSHER_KEY}:[0-9a-f]{64}$`));
  });
});
