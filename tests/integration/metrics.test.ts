import Pusher from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { POST as loginRoute } from "@/app/api/v1/auth/login/route";
import { POST as logoutRoute } from "@/app/api/v1/auth/logout/route";
import { GET as meRoute } from "@/app/api/v1/users/me/route";
import { db } from "@/lib/db";
import { env, resetEnvCache } from "@/lib/env";
import { drainOutbox } from "@/lib/events/drainer";
import { runEventPipeline } from "@/lib/events/scheduler";
import { startChannelServer, type RunningChannelServer } from "@/realtime/src/channel-server";
import { connected, withTimeout } from "@/realtime/testing/clients";
import { call } from "../support/http";
import { createUser, registerCustomer } from "../support/identity";
import { sample, scrape } from "../support/metrics";
import { HOUR, inFuture, offeredSpot, reserveCall } from "../support/parking";

const servers: RunningChannelServer[] = [];
const clients: Pusher[] = [];

function useEnv(overrides: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  };
}

let restoreEnv: () => void = () => {};
afterEach(() => {
  restoreEnv();
  restoreEnv = () => {};
});

function resetPublisher(): void {
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
}

/** The bundled channel server(s) the app publishes to: two instances sharing Redis when REDIS_URL is set. */
beforeAll(async () => {
  const config = env();
  const instances = config.REDIS_URL ? 2 : 1;
  const redisKeyPrefix = `wheelhouse:metrics-test:${Date.now()}:`;
  for (let index = 0; index < instances; index++) {
    servers.push(
      await startChannelServer({
        port: 0,
        host: "127.0.0.1",
        appId: config.PUSHER_APP_ID,
        key: config.PUSHER_KEY,
        secret: config.secrets.channelServer,
        redisUrl: config.REDIS_URL,
        redisKeyPrefix,
        redisHeartbeatIntervalMs: 200,
        log: () => {},
      }),
    );
  }
  process.env.PUSHER_PORT = String(servers[0]!.port);
  resetEnvCache();
  resetPublisher();
  // Earlier files' events, so this file's lag figures are its own.
  await drainOutbox(db, { maxBatches: 1000 });
  await runEventPipeline();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await Promise.all(servers.map((server) => server.stop()));
  delete process.env.PUSHER_PORT;
  resetEnvCache();
  resetPublisher();
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("GET /api/metrics: who may scrape", () => {
  it("refuses a scrape without the metrics token (401), and changes nothing", async () => {
    const outboxBefore = await db.outboxEvent.count();
    const anonymous = await call(metricsRoute, { path: "/api/metrics" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: "Invalid metrics token." });
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
    expect((await call(metricsRoute, { path: "/api/metrics", token: "not-the-metrics-token-at-all" })).status).toBe(401);
    expect((await call(metricsRoute, { path: "/api/metrics", authorization: "Basic Zm9vOmJhcg==" })).status).toBe(401);
    expect((await call(metricsRoute, { path: "/api/metrics", authorization: `Bearer ${env().metricsToken}x` })).status).toBe(401);
    expect(await db.outboxEvent.count()).toBe(outboxBefore);
  });

  it("takes no user's token, whatever the role (an admin's included, 401), nor a revoked one", async () => {
    const admin = await createUser("ADMIN");
    expect((await call(metricsRoute, { path: "/api/metrics", token: admin.token })).status).toBe(401);
    const customer = await createUser("CUSTOMER");
    expect((await call(logoutRoute, { path: "/api/v1/auth/logout", token: customer.token, cookie: customer.refreshCookie })).status).toBe(200);
    expect((await call(metricsRoute, { path: "/api/metrics", token: customer.token })).status).toBe(401);
  });

  it("refuses malformed input (a NUL in the query) with 422 before anything runs", async () => {
    const response = await call(metricsRoute, { path: "/api/metrics?x=%00", token: env().metricsToken });
    expect(response.status).toBe(422);
  });

  it("does not exist in production without METRICS_TOKEN (404); METRICS_TOKEN set, it is the token", async () => {
    restoreEnv = useEnv({ NODE_ENV: "production", EMBEDDED_DATABASE: "false", METRICS_TOKEN: undefined });
    expect(env().metricsToken).toBeUndefined();
    const hidden = await call(metricsRoute, { path: "/api/metrics", token: "anything-at-all-goes-here" });
    expect(hidden.status).toBe(404);
    restoreEnv();
    restoreEnv = useEnv({ NODE_ENV: "production", EMBEDDED_DATABASE: "false", METRICS_TOKEN: "an-operator-chosen-metrics-token" });
    const scraped = await call<string>(metricsRoute, { path: "/api/metrics", token: "an-operator-chosen-metrics-token" });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toContain("text/plain");
  });

  it("derives a token from the master secret on the embedded / development setup, so it works out of the box", () => {
    expect(env().metricsToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("GET /api/metrics under a small load", () => {
  it("counts requests by route pattern and status, failed logins and 429s", async () => {
    const before = await scrape();
    const user = await createUser("CUSTOMER");
    for (let index = 0; index < 12; index++) {
      expect((await call(meRoute, { path: "/api/v1/users/me", token: user.token })).status).toBe(200);
    }
    const target = await createUser("CUSTOMER");
    const attempts = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      attempts.push((await call(loginRoute, { path: "/api/v1/auth/login", form: { username: target.email, password: `guess-${attempt}` } })).status);
    }
    expect(attempts).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await call(loginRoute, { path: "/api/v1/auth/login", form: { username: "nobody@example.test", password: "whatever-it-is" } })).status).toBe(401);

    const after = await scrape();
    const count = (text: string, labels: Record<string, string>) => sample(text, "http_request_duration_seconds_count", labels) ?? 0;
    const me = { route: "/api/v1/users/me", method: "GET", status: "200" };
    expect(count(after, me) - count(before, me)).toBe(12);
    const refused = { route: "/api/v1/auth/login", method: "POST", status: "401" };
    expect(count(after, refused) - count(before, refused)).toBe(6);
    const limited = { route: "/api/v1/auth/login", method: "POST", status: "429" };
    expect(count(after, limited) - count(before, limited)).toBe(1);
    const rateLimited = (text: string) => sample(text, "http_rate_limited_responses_total", { route: "/api/v1/auth/login" }) ?? 0;
    expect(rateLimited(after) - rateLimited(before)).toBe(1);
    const failures = (text: string, reason: string) => sample(text, "login_failures_total", { reason }) ?? 0;
    expect(failures(after, "wrong_password") - failures(before, "wrong_password")).toBe(5);
    expect(failures(after, "unknown_user") - failures(before, "unknown_user")).toBe(1);
    expect(failures(after, "rate_limited") - failures(before, "rate_limited")).toBe(1);
    // A route with an id is labelled with its pattern, never the id.
    expect(after).not.toContain(user.id);
    expect(after).toContain('http_request_duration_seconds_bucket{le="0.005",route="/api/v1/users/me",method="GET",status="200"}');
  });

  it("shows the outbox backlog and consumer lag growing while nothing drains, and back to 0 after", async () => {
    await pipelineUntilCaughtUp();
    const settled = await scrape();
    expect(sample(settled, "outbox_backlog_rows")).toBe(0);
    expect(sample(settled, "outbox_oldest_row_age_seconds")).toBe(0);

    // Writes that record events (registrations, a reservation) with the drainer stopped.
    for (let index = 0; index < 3; index++) expect((await registerCustomer()).status).toBe(201);
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    expect((await reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR))).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const pending = await scrape();
    expect(sample(pending, "outbox_backlog_rows")).toBeGreaterThanOrEqual(5);
    expect(sample(pending, "outbox_oldest_row_age_seconds")).toBeGreaterThanOrEqual(1);

    // Drained into the log but not consumed yet: the backlog is gone, the consumers lag behind.
    await drainOutbox(db, { maxBatches: 1000 });
    const drained = await scrape();
    expect(sample(drained, "outbox_backlog_rows")).toBe(0);
    const lagLines = drained.split("\n").filter((line) => line.startsWith("event_consumer_lag{"));
    expect(lagLines.length).toBeGreaterThan(0);
    expect(sample(drained, "event_consumer_lag", { group: "notifications", topic: "user_events" }) ?? sample(drained, "event_consumer_lag", { group: "live-channels", topic: "user_events" })).toBeGreaterThanOrEqual(3);

    // A pass handles at most 500 events per topic: the files before this one may have left more. Other files write
    // events meanwhile (on PostgreSQL they run side by side), so the scrape may catch their newest: catch up again.
    const lagsAfterCatchingUp = async () => {
      await pipelineUntilCaughtUp();
      const consumed = await scrape();
      return consumed.split("\n").filter((line) => line.startsWith("event_consumer_lag{")).map((line) => Number(line.split(" ").at(-1)));
    };
    let lags = await lagsAfterCatchingUp();
    for (let attempt = 0; attempt < 10 && !lags.every((lag) => lag === 0); attempt++) lags = await lagsAfterCatchingUp();
    expect(lags.length).toBeGreaterThan(0);
    expect(lags.every((lag) => lag === 0)).toBe(true);
  });

  it("reports the database pool and the default process metrics", async () => {
    const text = await scrape();
    expect(sample(text, "db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "db_pool_connections", { state: "idle" })).toBeGreaterThanOrEqual(0);
    expect(sample(text, "db_pool_connections", { state: "waiting" })).toBe(0);
    expect(sample(text, "process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("counts live connections across the channel servers (two instances sharing Redis when REDIS_URL is set)", async () => {
    const config = env();
    const instances = servers.length;
    const unconnected = await scrape();
    expect(sample(unconnected, "realtime_channel_server_up")).toBe(1);
    expect(sample(unconnected, "realtime_connections")).toBe(0);

    // Two sockets on each instance; the app asks the first one, which answers for all.
    for (const server of servers) {
      for (let index = 0; index < 2; index++) {
        const client = new Pusher(config.PUSHER_KEY, { cluster: "mt1", wsHost: "127.0.0.1", wsPort: server.port, forceTLS: false, enabledTransports: ["ws"], disableStats: true });
        clients.push(client);
        await withTimeout(connected(client), "a connection");
      }
    }
    await waitFor(async () => sample(await scrape(), "realtime_connections") === 2 * instances, `${2 * instances} connections`);

    clients.pop()!.disconnect();
    await waitFor(async () => sample(await scrape(), "realtime_connections") === 2 * instances - 1, "one connection fewer");
  });

  it("says the channel server is unreachable (realtime_channel_server_up 0) instead of failing the scrape", async () => {
    restoreEnv = useEnv({ PUSHER_PORT: "1" });
    resetPublisher();
    const text = await scrape();
    expect(sample(text, "realtime_channel_server_up")).toBe(0);
    restoreEnv();
    restoreEnv = () => {};
    resetPublisher();
  });
});

/** Runs the event pipeline until a pass finds nothing left to consume. */
async function pipelineUntilCaughtUp(): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    const { consumed } = await runEventPipeline();
    const handled = Object.values(consumed).reduce((sum, result) => sum + ("handled" in result ? result.handled + result.failed : 0), 0);
    if (handled === 0) return;
  }
}
