import { db, databasePoolUsage } from "../db";
import { env } from "../env";
import { pusher } from "../realtime/publisher";
import { componentLogger } from "./logger";
import { metrics } from "./metrics";

const log = componentLogger("metrics");
const CHANNEL_SERVER_TIMEOUT_MS = 2_000;

interface OutboxRow {
  backlog: bigint;
  parked: bigint;
  oldest_age_seconds: number | null;
}

interface LagRow {
  consumer_group: string;
  topic: string;
  lag: bigint;
}

/** Outbox backlog and the age of its oldest row, from the database at scrape time. */
async function collectOutbox(): Promise<void> {
  const [row] = await db.$queryRaw<OutboxRow[]>`
    SELECT
      count(*) FILTER (WHERE parked_at IS NULL) AS backlog,
      count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
      EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL))::float8 AS oldest_age_seconds
    FROM outbox_events WHERE processed_at IS NULL`;
  const { outboxBacklog, outboxParked, outboxOldestAge } = metrics();
  outboxBacklog.set(Number(row?.backlog ?? 0));
  outboxParked.set(Number(row?.parked ?? 0));
  outboxOldestAge.set(Math.max(0, row?.oldest_age_seconds ?? 0));
}

/** Per consumer group and topic: the topic's last offset in the event log minus the group's committed offset. */
async function collectConsumerLag(): Promise<void> {
  const rows = await db.$queryRaw<LagRow[]>`
    SELECT c.consumer_group, c.topic, GREATEST(COALESCE(t.last_offset, 0) - c."offset", 0) AS lag
    FROM consumer_offsets c LEFT JOIN topic_offsets t ON t.topic = c.topic`;
  const { consumerLag } = metrics();
  consumerLag.reset();
  for (const row of rows) consumerLag.set({ group: row.consumer_group, topic: row.topic }, Number(row.lag));
}

/**
 * Open sockets across the bundled channel servers: any one instance answers for all of them (they
 * share their counts through Redis). Hosted Pusher and Soketi have no such call: `realtime_channel_server_up` 0.
 */
async function collectRealtimeConnections(): Promise<void> {
  const { realtimeConnections, realtimeUp } = metrics();
  try {
    const response = await Promise.race([
      pusher().get({ path: "/connections" }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), CHANNEL_SERVER_TIMEOUT_MS).unref()),
    ]);
    const body = (await response.json()) as { connections?: unknown };
    if (typeof body.connections !== "number") throw new Error("no connection count in the answer");
    realtimeConnections.set(body.connections);
    realtimeUp.set(1);
  } catch (error) {
    realtimeUp.set(0);
    realtimeConnections.reset();
    log.debug({ err: error }, "channel server connection count unavailable");
  }
}

function collectDatabasePool(): void {
  const usage = databasePoolUsage();
  const { databasePool } = metrics();
  databasePool.set({ state: "total" }, usage.total);
  databasePool.set({ state: "idle" }, usage.idle);
  databasePool.set({ state: "waiting" }, usage.waiting);
}

/** Refreshes the gauges read from elsewhere (database, channel servers); a source that fails is logged, the rest still served. */
export async function collectScrapeTimeMetrics(): Promise<void> {
  const sources: Array<[string, () => Promise<void>]> = [
    ["outbox", collectOutbox],
    ["consumer lag", collectConsumerLag],
  ];
  if (env().PUSHER_CLUSTER === undefined) sources.push(["realtime connections", collectRealtimeConnections]);
  const outcomes = await Promise.allSettled(sources.map(([, collect]) => collect()));
  outcomes.forEach((outcome, index) => {
    if (outcome.status === "rejected") log.warn({ err: outcome.reason, source: sources[index]![0] }, "metrics source failed");
  });
  collectDatabasePool();
}

/** The Prometheus text exposition of every series. */
export async function metricsExposition(): Promise<{ body: string; contentType: string }> {
  await collectScrapeTimeMetrics();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
