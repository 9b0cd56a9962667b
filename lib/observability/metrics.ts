import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Every series the app exports; one registry per process, kept across Next's dev hot reloads. */
export interface AppMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
  rateLimitedResponses: Counter<"route">;
  loginFailures: Counter<"reason">;
  outboxBacklog: Gauge;
  outboxOldestAge: Gauge;
  outboxParked: Gauge;
  consumerLag: Gauge<"group" | "topic">;
  realtimeConnections: Gauge;
  realtimeUp: Gauge;
  databasePool: Gauge<"state">;
}

function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "API request duration by route pattern, method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    rateLimitedResponses: new Counter({
      name: "http_rate_limited_responses_total",
      help: "Responses answered 429 Too Many Requests, by route pattern",
      labelNames: ["route"],
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: "login_failures_total",
      help: "Failed sign-ins (API and browser) by reason: wrong_password, unknown_user, rate_limited",
      labelNames: ["reason"],
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: "outbox_backlog_rows",
      help: "Outbox rows not yet drained into the event log (parked rows excluded)",
      registers: [registry],
    }),
    outboxOldestAge: new Gauge({
      name: "outbox_oldest_row_age_seconds",
      help: "Age of the oldest outbox row not yet drained; 0 when the backlog is empty",
      registers: [registry],
    }),
    outboxParked: new Gauge({
      name: "outbox_parked_rows",
      help: "Outbox rows set aside after too many failed drains (admins see them under Events)",
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: "event_consumer_lag",
      help: "Events in the log a consumer group has not handled yet: topic head offset minus the group's offset",
      labelNames: ["group", "topic"],
      registers: [registry],
    }),
    realtimeConnections: new Gauge({
      name: "realtime_connections",
      help: "Open WebSocket connections across the live channel servers (bundled server only)",
      registers: [registry],
    }),
    realtimeUp: new Gauge({
      name: "realtime_channel_server_up",
      help: "1 when a bundled channel server answered the connection count at this scrape, else 0",
      registers: [registry],
    }),
    databasePool: new Gauge({
      name: "db_pool_connections",
      help: "This process's database pool: total, idle and waiting (queued requests for a connection)",
      labelNames: ["state"],
      registers: [registry],
    }),
  };
}

const globalForMetrics = globalThis as typeof globalThis & { wheelhouseMetrics?: AppMetrics };

export function metrics(): AppMetrics {
  globalForMetrics.wheelhouseMetrics ??= createMetrics();
  return globalForMetrics.wheelhouseMetrics;
}
