import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Pusher from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as realtimeConfig } from "@/app/api/realtime/config/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { ConfigError, env, parseEnv, resetEnvCache } from "@/lib/env";
import { userChannel } from "@/lib/realtime/channels";
import { publish } from "@/lib/realtime/publisher";
import { connectClient, connected, nextEvent, serverSdk, subscribed, subscriptionRefused, withTimeout } from "@/realtime/testing/clients";
import { freePort } from "@/scripts/free-port";
import { call } from "../support/http";
import { sample, scrape } from "../support/metrics";
import { appAuthorizedClient } from "../support/realtime";
import { createUser } from "../support/identity";

const root = path.resolve(import.meta.dirname, "..", "..");
/** What hosted Pusher issues: 20 characters. */
const SHORT_SECRET = randomBytes(15).toString("base64url");
const APP = { appId: "external-app-1", key: "external-key-1" };
const CHANNEL_ENV = ["PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT", "PUSHER_APP_ID", "PUSHER_KEY"] as const;

let child: ChildProcess;
let port: number;
const clients: Pusher[] = [];
const previous = Object.fromEntries(CHANNEL_ENV.map((name) => [name, process.env[name]]));

function resetPublisher(): void {
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
}

/** The app's settings for "an external channel server at 127.0.0.1:port with this secret". */
function pointAppAt(secret: string): void {
  Object.assign(process.env, { PUSHER_SECRET: secret, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(port), PUSHER_APP_ID: APP.appId, PUSHER_KEY: APP.key });
  resetEnvCache();
  resetPublisher();
}

beforeAll(async () => {
  expect(SHORT_SECRET).toHaveLength(20);
  port = await freePort();
  // The bundled server in its own process, configured only by environment, as a Soketi or Pusher would be.
  child = spawn(process.execPath, ["--import", "tsx", "realtime/server.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "wheelhouse-external-channel-")),
      APP_SECRET: randomBytes(32).toString("base64url"),
      PUSHER_SECRET: SHORT_SECRET,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(port),
      PUSHER_APP_ID: APP.appId,
      PUSHER_KEY: APP.key,
      REALTIME_BIND_HOST: "127.0.0.1",
      // Its start-up line ("listening on …") is what this waits for.
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(String(chunk)));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        if (line.includes("listening on")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the channel server exited (${code}): ${stderr.join("")}`)));
    }),
    "the channel server process",
    60_000,
  );
  pointAppAt(SHORT_SECRET);
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  for (const [name, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  resetPublisher();
});

describe("the app against a channel server it does not run (a separate process, a 20-character secret)", () => {
  it("accepts the short secret because PUSHER_HOST names the server, and uses it as is", () => {
    expect(env().secrets.channelServer).toBe(SHORT_SECRET);
  });

  it("publishes an event a pusher-js client receives on a private channel it was authorised for by the app", async () => {
    const user = await createUser("CUSTOMER");
    const settings = (await call<{ key: string; wsHost: string; wsPort: number; forceTLS: boolean; cluster: string }>(realtimeConfig, { path: "/api/realtime/config" })).body;
    expect(settings).toMatchObject({ key: APP.key, wsPort: port, forceTLS: false });
    const client = appAuthorizedClient(settings, user);
    clients.push(client);
    const { channel } = await withTimeout(subscribed(client, userChannel(user.id)), "the private subscription", 10_000);
    const received = nextEvent<{ hello: string }>(channel, "test.delivered", 10_000);
    await publish([userChannel(user.id)], "test.delivered", { hello: "from the app" });
    expect(await received).toEqual({ hello: "from the app" });
  });

  it("signs private-channel authorisations with that secret (HMAC-SHA256 of socket id and channel)", async () => {
    const user = await createUser("CUSTOMER");
    const socketId = "123.456";
    const response = await call<{ auth: string }>(realtimeAuth, {
      path: "/api/realtime/auth",
      token: user.token,
      form: { socket_id: socketId, channel_name: userChannel(user.id) },
    });
    expect(response.status).toBe(200);
    const expected = createHmac("sha256", SHORT_SECRET).update(`${socketId}:${userChannel(user.id)}`).digest("hex");
    expect(response.body.auth).toBe(`${APP.key}:${expected}`);
  });

  it("is refused with a wrong secret: a subscription signed with it, and publishing with it (401)", async () => {
    const wrong = randomBytes(15).toString("base64url");
    const client = connectClient({ ...APP, secret: SHORT_SECRET }, port, undefined, wrong);
    clients.push(client);
    await withTimeout(connected(client), "a connection");
    await withTimeout(subscriptionRefused(client, "private-anything"), "the refusal");

    await expect(serverSdk({ ...APP, secret: wrong }, port).trigger("public-channel", "test.event", {})).rejects.toMatchObject({ status: 401 });
    pointAppAt(wrong);
    await expect(publish(["private-user-CST000001"], "test.event", {})).rejects.toMatchObject({ status: 401 });
    pointAppAt(SHORT_SECRET);
    await expect(publish(["private-user-CST000001"], "test.event", {})).resolves.toBeUndefined();
  });

  it("reads the live connection count from it for /api/metrics", async () => {
    const client = new Pusher(APP.key, { cluster: "mt1", wsHost: "127.0.0.1", wsPort: port, forceTLS: false, enabledTransports: ["ws"], disableStats: true });
    clients.push(client);
    await withTimeout(connected(client), "a connection");
    const text = await scrape();
    expect(sample(text, "realtime_channel_server_up")).toBe(1);
    expect(sample(text, "realtime_connections")).toBeGreaterThanOrEqual(1);
  });
});

describe("channel server secret rules and hosted Pusher settings", () => {
  const base = { APP_SECRET: "a".repeat(40), DATA_DIR: mkdtempSync(path.join(tmpdir(), "wheelhouse-env-")) };

  it("refuses a short PUSHER_SECRET for the bundled server on its default address (32 needed)", () => {
    expect(() => parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET })).toThrow(ConfigError);
    expect(() => parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET })).toThrow(/PUSHER_SECRET: must be at least 32 characters/);
    expect(parseEnv({ ...base, PUSHER_SECRET: "b".repeat(32) }).secrets.channelServer).toBe("b".repeat(32));
  });

  it("accepts what an external service issues (16 or more) with PUSHER_HOST or PUSHER_CLUSTER, never less", () => {
    expect(parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET, PUSHER_HOST: "soketi.internal" }).secrets.channelServer).toBe(SHORT_SECRET);
    expect(parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET, PUSHER_CLUSTER: "eu" }).secrets.channelServer).toBe(SHORT_SECRET);
    expect(() => parseEnv({ ...base, PUSHER_SECRET: "app-secret", PUSHER_HOST: "soketi.internal" })).toThrow(/PUSHER_SECRET: must be at least 16 characters/);
  });

  it("derives a strong secret for the bundled server when none is set", () => {
    expect(parseEnv(base).secrets.channelServer).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("with PUSHER_CLUSTER, publishes to api-{cluster}.pusher.com and sends browsers to ws-{cluster}.pusher.com, over TLS", () => {
    const hosted = parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET, PUSHER_CLUSTER: "ap2" });
    expect(hosted).toMatchObject({
      PUSHER_CLUSTER: "ap2",
      PUSHER_HOST: "api-ap2.pusher.com",
      PUSHER_PORT: 443,
      PUSHER_USE_TLS: true,
      PUSHER_PUBLIC_HOST: "ws-ap2.pusher.com",
      PUSHER_PUBLIC_PORT: 443,
      PUSHER_PUBLIC_TLS: true,
    });
    // Explicit values still win.
    expect(parseEnv({ ...base, PUSHER_SECRET: SHORT_SECRET, PUSHER_CLUSTER: "eu", PUSHER_HOST: "proxy.internal", PUSHER_PORT: "8443" })).toMatchObject({
      PUSHER_HOST: "proxy.internal",
      PUSHER_PORT: 8443,
      PUSHER_PUBLIC_HOST: "ws-eu.pusher.com",
    });
    expect(() => parseEnv({ ...base, PUSHER_CLUSTER: "not a cluster" })).toThrow(/PUSHER_CLUSTER/);
  });

  it("gives browsers the hosted cluster's settings through GET /api/realtime/config", async () => {
    const saved = { PUSHER_CLUSTER: process.env.PUSHER_CLUSTER, PUSHER_HOST: process.env.PUSHER_HOST, PUSHER_PORT: process.env.PUSHER_PORT };
    delete process.env.PUSHER_HOST;
    delete process.env.PUSHER_PORT;
    process.env.PUSHER_CLUSTER = "eu";
    resetEnvCache();
    try {
      const response = await call<Record<string, unknown>>(realtimeConfig, { path: "/api/realtime/config" });
      expect(response.body).toMatchObject({ key: APP.key, wsHost: "ws-eu.pusher.com", wsPort: 443, forceTLS: true, cluster: "eu" });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvCache();
    }
  });
});
