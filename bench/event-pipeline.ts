/**
 * `npm run bench:events` — the event backbone's two figures, measured in one run:
 *
 *  1. commit → pusher-js delivery latency (p50, p99) with CLIENTS subscribed clients:
 *     a transaction records an event, the pipeline drains it and publishes it through the
 *     bundled channel server, and every client's arrival time is taken;
 *  2. events drained per second from a backlog of DRAIN_EVENTS outbox rows.
 *
 * Database: TEST_DATABASE_URL's server (a throwaway database) or an in-memory embedded
 * PGlite. Prints its figures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";
import Pusher from "pusher-js";
import { createThrowawayDatabase, migrate } from "../tests/support/databases";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const DRAIN_EVENTS = Number(process.env.BENCH_DRAIN_EVENTS ?? 5000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const database = await createThrowawayDatabase();
await migrate(database.url);
process.env.DATABASE_URL = database.url;
process.env.EMBEDDED_DATABASE = database.backend === "embedded" ? "true" : "false";
process.env.APP_SECRET ??= "benchmark-only-secret-0123456789abcdefghij";
process.env.PARKING_CACHE_TTL_SECONDS = "0";

const { env } = await import("../lib/env");
const { startChannelServer } = await import("../realtime/src/channel-server");
const server = await startChannelServer({
  port: 0,
  host: "127.0.0.1",
  appId: env().PUSHER_APP_ID,
  key: env().PUSHER_KEY,
  secret: env().secrets.channelServer,
  // Measures delivery, not admission: all the clients come from one address and never sign in.
  maxConnectionsPerAddress: CLIENTS + 1,
  identifiedOnlyChannelPrefixes: [],
  log: () => {},
});
process.env.PUSHER_PORT = String(server.port);
const { resetEnvCache } = await import("../lib/env");
resetEnvCache();

const { db, disconnectDb } = await import("../lib/db");
const { recordEvent } = await import("../lib/events/outbox");
const { drainOutbox } = await import("../lib/events/drainer");
const { runEventPipeline } = await import("../lib/events/scheduler");
const { pusher } = await import("../lib/realtime/publisher");

const CHANNEL = "private-role-admin";
console.log(`database: ${database.backend}; channel server on :${server.port}; ${CLIENTS} clients`);

// 1. Latency.
const arrivals = new Map<string, number[]>();
const clients: Pusher[] = [];
const subscribedAll = Array.from({ length: CLIENTS }, () => {
  const client = new Pusher(env().PUSHER_KEY, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => callback(null, pusher().authorizeChannel(socketId, channelName)),
    },
  });
  clients.push(client);
  const channel = client.subscribe(CHANNEL);
  channel.bind("bench.tick", (data: { key: string }) => {
    const list = arrivals.get(data.key);
    if (list) list.push(performance.now());
  });
  return new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
});
await Promise.all(subscribedAll);
console.log(`${CLIENTS} clients subscribed`);

const latencies: number[] = [];
const lastArrivals: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const key = `tick-${round}`;
  arrivals.set(key, []);
  const committedAt = await db
    .$transaction((tx) => recordEvent(tx, { topic: "security_events", key, type: "bench.tick", payload: { round }, actor: null }))
    .then(() => performance.now());
  await runEventPipeline();
  const deadline = performance.now() + 10_000;
  while (arrivals.get(key)!.length < CLIENTS && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  const times = arrivals.get(key)!;
  for (const time of times) latencies.push(time - committedAt);
  lastArrivals.push(Math.max(...times) - committedAt);
  if (times.length < CLIENTS) console.log(`round ${round}: only ${times.length}/${CLIENTS} clients received it`);
}
latencies.sort((a, b) => a - b);
lastArrivals.sort((a, b) => a - b);
console.log(
  `commit → delivery over ${latencies.length} deliveries: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(latencies, 99).toFixed(1)} ms; last client per event p50 ${percentile(lastArrivals, 50).toFixed(1)} ms`,
);
for (const client of clients) client.disconnect();

// 2. Drain throughput.
await db.outboxEvent.createMany({
  data: Array.from({ length: DRAIN_EVENTS }, (_, index) => ({
    topic: index % 2 ? "parking_events" : "reservation_events",
    key: `drain-${index}`,
    type: "bench.backlog",
    payload: { index, note: "a payload of realistic size ".repeat(8) },
    actor: null,
  })),
});
const started = performance.now();
const drained = await drainOutbox(db, { maxBatches: 10_000 });
const seconds = (performance.now() - started) / 1000;
console.log(`drained ${drained.appended} events in ${seconds.toFixed(2)} s: ${(drained.appended / seconds).toFixed(0)} events/s`);

await server.stop();
await disconnectDb();
await database.drop();
process.exit(0);
