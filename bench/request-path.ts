/**
 * `npm run bench` — the request path, as ratios to the trivial route measured in the same run.
 *
 * Starts the built app the way `npm start` does (building it if stale) on a throwaway database — the embedded
 * PGlite by default, or a new database on BENCH_DATABASE_URL's PostgreSQL server (and Redis when
 * BENCH_REDIS_URL is set) — prepares accounts and data through the public API only, then loads each path with
 * autocannon (BENCH_CONNECTIONS connections, BENCH_DURATION seconds) and prints req/s, p50, p99 and the ratio
 * to `GET /api/health`. Also prints pgbench TPC-B on the same server (PostgreSQL only), transactions per second
 * at rest and under load (PostgreSQL only), the web process's RSS before and after the load, and the first-load
 * JavaScript (gzip) of the home page and the parking board. It asserts nothing.
 */
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { sessionCookie, startApp } from "./app";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const USERS = Number(process.env.BENCH_USERS ?? 250);
const SERVER_URL = process.env.BENCH_DATABASE_URL;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "";
const PASSWORD = "bench password 0123";

const root = path.resolve(import.meta.dirname, "..");

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ── the app ────────────────────────────────────────────────────────────────────────────────────────────────
const databaseName = `wheelhouse_bench_${Date.now()}`;
if (SERVER_URL) await adminQuery(`CREATE DATABASE ${databaseName}`);

async function dropDatabase(): Promise<void> {
  if (SERVER_URL) await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => {});
}

/** The run's own bearer secret of /api/metrics: the soak reads the web process's V8 heap from it. */
const metricsToken = randomBytes(24).toString("hex");

const app = await startApp("bench", {
  METRICS_TOKEN: metricsToken,
  DATABASE_URL: SERVER_URL ? withDatabase(SERVER_URL, databaseName) : "",
  // On a server database the app invents no secrets (production's rule); the run's are throwaway ones.
  ...(SERVER_URL ? { APP_SECRET: randomBytes(48).toString("base64") } : {}),
  REDIS_URL,
  // Every account and request comes from this one address; the limits would measure themselves.
  REGISTRATION_MAX_PER_ADDRESS: "100000",
  LOGIN_MAX_FAILURES_PER_ADDRESS: "100000",
  PARKING_DAILY_RESERVATION_LIMIT: "100000",
  PARKING_PAIR_DAILY_LIMIT: "100000",
  PARKING_RESERVATION_COST: "1",
  RENTALS_MAX_OPEN_REQUESTS: "1000",
  // A shop open every day round the clock with room for the load: the figures measure booking, not a full calendar.
  GARAGE_BAYS: "100",
  GARAGE_OPEN_DAYS: "1,2,3,4,5,6,7",
  GARAGE_OPENS_AT: "00:00",
  GARAGE_CLOSES_AT: "23:30",
  GARAGE_TIME_ZONE: "UTC",
}).catch(async (error: unknown) => {
  await dropDatabase();
  throw error;
});
const { port, baseUrl: base } = app;

async function stop(): Promise<void> {
  await app.stop();
  await dropDatabase();
}
process.on("SIGINT", () => void stop().then(() => process.exit(130)));

// ── preparing data through the public API ──────────────────────────────────────────────────────────────────
async function api<T>(method: string, url: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": benchAddress, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function login(username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": benchAddress },
    body: new URLSearchParams({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username} → ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function inBatches<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

interface Resident {
  token: string;
  spotId: string;
  carId: string;
}

const HOUR = 3_600_000;
const runStamp = Date.now();

/**
 * Where the run's own requests say they come from (the app trusts X-Forwarded-For with no proxy in front): an address
 * of the benchmarking range (198.18.0.0/15) for this run, so the counters the sign-ups leave behind in a shared Redis
 * (per-address limits, an hour long) are the run's own, not 127.0.0.1's, which the next app on that Redis would meet.
 */
const benchAddress = `198.18.${Math.floor(runStamp / 256) % 256}.${runStamp % 256}`;
const windowStart = new Date(Math.ceil((Date.now() + HOUR) / HOUR) * HOUR);

async function prepareResidents(): Promise<Resident[]> {
  let carModelId: Promise<string> | undefined;
  const firstCarModel = async (token: string) => {
    const [carModel] = await api<Array<{ id: string }>>("GET", "/car-models?limit=1", token);
    if (!carModel) throw new Error("no car model in the catalogue (the demo data has them)");
    return carModel.id;
  };
  return inBatches(USERS, 8, async (index) => {
    const email = `bench.${runStamp}.${index}@example.test`;
    await api("POST", "/customers", null, {
      name: `Bench Resident ${index}`,
      phone: `+1555${String(runStamp).slice(-3)}${String(index).padStart(4, "0")}`,
      email,
      password: PASSWORD,
    });
    const token = await login(email, PASSWORD);
    const spot = await api<{ id: string }>("POST", "/spots", token, { label: `B-${index}`, zone: `Bench ${index % 10}` });
    await api("POST", `/spots/${spot.id}/availability`, token, {
      from: windowStart.toISOString(),
      to: new Date(windowStart.getTime() + 80 * 24 * HOUR).toISOString(),
    });
    carModelId ??= firstCarModel(token);
    const car = await api<{ id: string }>("POST", "/customer-cars", token, { carModelId: await carModelId, plate: `BN ${runStamp % 100_000} ${index}` });
    return { token, spotId: spot.id, carId: car.id };
  });
}

// ── measuring ──────────────────────────────────────────────────────────────────────────────────────────────
interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

type SetupRequest = (request: autocannon.Request) => autocannon.Request;

async function measure(name: string, options: { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; setupRequest?: SetupRequest }): Promise<Measured> {
  // A V8 CPU profile's timestamps are the monotonic clock's microseconds: this finds each path's window in it.
  const monotonicMicros = () => (process.hrtime.bigint() / 1000n).toString();
  const started = monotonicMicros();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
        body: options.body,
        // autocannon calls a `setupRequest` key even when it is undefined.
        ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
      },
    ],
  });
  if (process.env.CPU_PROFILE_DIR) console.log(`  (profile window of ${name}: monotonic µs ${started} → ${monotonicMicros()})`);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const SOAK_SECONDS = Number(process.env.BENCH_SOAK ?? 60);
const SOAK_SAMPLE_SECONDS = 5;

interface MemorySample {
  /** The web process's resident set, MiB. */
  rss: number;
  /** V8's heap in use (live objects and not yet collected garbage), MiB, from /api/metrics; null if unreadable. */
  heapUsed: number | null;
}

/** `nodejs_heap_size_used_bytes` of the web process (prom-client's default metrics), in MiB. */
async function webProcessHeapUsed(): Promise<number | null> {
  try {
    const response = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    const bytes = /^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(await response.text())?.[1];
    return bytes ? Number(bytes) / 1024 / 1024 : null;
  } catch {
    return null;
  }
}

/** Memory under a long mixed load: the web process's RSS and V8 heap sampled every few seconds while `requests` loop. */
async function soak(requests: autocannon.Request[]): Promise<{ samples: MemorySample[]; requests: number; non2xx: number }> {
  const samples: MemorySample[] = [];
  const sample = async () => {
    const rss = webProcessRss();
    if (rss !== null) samples.push({ rss, heapUsed: await webProcessHeapUsed() });
  };
  await sample();
  const sampler = setInterval(() => void sample(), SOAK_SAMPLE_SECONDS * 1000);
  try {
    const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SOAK_SECONDS, requests });
    return { samples, requests: result.requests.total, non2xx: result.non2xx };
  } finally {
    clearInterval(sampler);
    await sample();
  }
}

function webProcessRss(): number | null {
  const listing = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  if (!pid) return null;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kilobytes ? Number(kilobytes) / 1024 : null;
}

async function firstLoadJavaScript(url: string, cookie?: string): Promise<number> {
  const html = await (await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} })).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1]!))];
  let bytes = 0;
  for (const script of scripts) {
    const body = Buffer.from(await (await fetch(new URL(script, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return bytes / 1024;
}

interface TransactionCount {
  /** Committed and rolled-back transactions on the app's database. */
  transactions: number;
  /** Tables vacuumed or analysed by PostgreSQL's autovacuum: each is a transaction of the server's own, not the app's. */
  autovacuumRuns: number;
}

async function committedTransactions(): Promise<TransactionCount | null> {
  if (!SERVER_URL) return null;
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, databaseName) });
  await client.connect();
  try {
    const { rows } = await client.query<{ xacts: string; autovacuum_runs: string }>(`
      SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS xacts,
             (SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_all_tables) AS autovacuum_runs`);
    return { transactions: Number(rows[0]!.xacts), autovacuumRuns: Number(rows[0]!.autovacuum_runs) };
  } finally {
    await client.end();
  }
}

/**
 * Waits (up to a minute) until the event pipeline has caught up with what the preparation committed: nothing pending
 * in the outbox and every consumer group at its topics' heads. Measuring "at rest" before that would count the tail
 * of the sign-ups' notifications, not the system at rest. Returns the seconds it waited.
 */
async function untilPipelineIdle(): Promise<number | null> {
  if (!SERVER_URL) return null;
  const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, databaseName) });
  await client.connect();
  const started = performance.now();
  try {
    while (performance.now() - started < 60_000) {
      const { rows } = await client.query<{ behind: boolean }>(`
        SELECT EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL AND parked_at IS NULL)
            OR EXISTS (SELECT 1 FROM consumer_offsets groups JOIN topic_offsets topics USING (topic) WHERE groups."offset" < topics.last_offset) AS behind`);
      if (!rows[0]!.behind) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The pass that found the last events is followed by one that finds nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

interface TransactionRate {
  perSecond: number;
  /** Of those, autovacuum's (one per table it vacuumed or analysed). */
  autovacuumPerSecond: number;
}

/**
 * A backend reports its transactions to `pg_stat_database` when it goes idle, but at most once a second, else up to
 * 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL). With `settled`, both readings wait those 10 s out so that every
 * transaction between them is counted, and none from before: what an app at rest does is a handful, so the
 * preparation's late reports would otherwise be most of the figure.
 */
async function transactionsPerSecond(during: () => Promise<unknown>, { settled = false } = {}): Promise<TransactionRate | null> {
  const reportDelay = () => new Promise((resolve) => setTimeout(resolve, settled ? 11_000 : 0));
  await reportDelay();
  const before = await committedTransactions();
  const started = performance.now();
  await during();
  await reportDelay();
  const after = await committedTransactions();
  if (before === null || after === null) return null;
  const seconds = (performance.now() - started) / 1000;
  return {
    // Each reading is a transaction of its own: take it off.
    perSecond: (after.transactions - before.transactions - 1) / seconds,
    autovacuumPerSecond: (after.autovacuumRuns - before.autovacuumRuns) / seconds,
  };
}

/** "3.8/s (autovacuum 3.5/s)". */
const describeRate = (rate: TransactionRate | null, digits: number) =>
  rate === null ? "n/a (embedded)" : `${rate.perSecond.toFixed(digits)}/s (of which PostgreSQL's autovacuum ${rate.autovacuumPerSecond.toFixed(1)}/s)`;

const run = promisify(execFile);

/**
 * Asynchronous on purpose: a synchronous child process blocks the event loop for the whole run, and the idle
 * keep-alive sockets the web server closed meanwhile stay in fetch's pool; the next request then fails on one.
 */
async function pgbenchCeiling(): Promise<string> {
  if (!SERVER_URL) return "n/a (embedded PGlite is one session)";
  const url = withDatabase(SERVER_URL, `${databaseName}_pgbench`);
  const name = `${databaseName}_pgbench`;
  try {
    await run("psql", [SERVER_URL, "-qc", `CREATE DATABASE ${name}`]);
    await run("pgbench", ["-i", "-q", "-s", "10", url]);
    const { stdout } = await run("pgbench", ["-c", String(CONNECTIONS), "-j", "2", "-T", String(DURATION), url]);
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    return tps ? `${Math.round(Number(tps))} TPC-B transactions/s at ${CONNECTIONS} clients` : "pgbench printed no tps";
  } catch (error) {
    return `pgbench failed: ${(error as Error).message.split("\n")[0]}`;
  } finally {
    await run("psql", [SERVER_URL, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]).catch(() => {});
  }
}

// ── the run ────────────────────────────────────────────────────────────────────────────────────────────────
try {
  console.log(`database: ${SERVER_URL ? `PostgreSQL (${databaseName})` : "embedded PGlite"}; cache: ${REDIS_URL ? "Redis" : "in-memory"}; ${CONNECTIONS} connections × ${DURATION} s per path`);
  const started = performance.now();
  const residents = await prepareResidents();
  const resident = residents[0]!;
  const cookie = await sessionCookie(base, `bench.${runStamp}.0@example.test`, PASSWORD);
  const vehicles = await api<Array<{ id: string; status: string }>>("GET", "/vehicles?limit=100", resident.token);
  const rentable = vehicles.filter((vehicle) => vehicle.status === "AVAILABLE").map((vehicle) => vehicle.id);
  console.log(`prepared ${residents.length} residents with a spot each through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const caughtUp = await untilPipelineIdle();
  const idleTps = await transactionsPerSecond(() => new Promise((resolve) => setTimeout(resolve, 20_000)), { settled: true });
  const rssBefore = webProcessRss();

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let reservationNumber = 0;
  const SLOT_MINUTES = 30;
  let rentalNumber = 0;
  const results: Measured[] = [];
  results.push(await measure("GET /api/health", { path: "/api/health" }));
  results.push(await measure("GET /api/v1/users/me (bearer)", { path: "/api/v1/users/me", headers: bearer(resident.token) }));
  results.push(await measure("GET /api/v1/spots (cached list)", { path: "/api/v1/spots", headers: bearer(resident.token) }));
  results.push(
    await measure("POST /api/graphql spots { owner { name } }", {
      method: "POST",
      path: "/api/graphql",
      headers: { ...bearer(resident.token), "content-type": "application/json" },
      body: JSON.stringify({ query: "{ spots { id label zone owner { name } } }" }),
    }),
  );
  results.push(await measure("GET / signed out", { path: "/" }));
  results.push(await measure("GET /dashboard signed in", { path: "/dashboard", headers: { cookie } }));
  // Request k: reserver k mod U, spot (7k+1) mod U (a bijection per slot, never the reserver's own),
  // slot k div U — no two requests overlap on a spot or for a reserver.
  const nextReservation: SetupRequest = (request) => {
    const k = reservationNumber++;
    const reserver = residents[k % USERS]!;
    const spot = residents[(7 * k + 1) % USERS]!;
    const startsAt = new Date(windowStart.getTime() + 5 * 60_000 + Math.floor(k / USERS) * SLOT_MINUTES * 60_000);
    const endsAt = new Date(startsAt.getTime() + SLOT_MINUTES * 60_000);
    return {
      ...request,
      headers: { ...request.headers, ...bearer(reserver.token), "content-type": "application/json" },
      body: JSON.stringify({ spotId: spot.spotId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }),
    };
  };
  let loadTps: TransactionRate | null = null;
  loadTps = await transactionsPerSecond(async () => {
    results.push(
      await measure(`POST /api/v1/reservations (distinct slots, ${USERS} users)`, {
        method: "POST",
        path: "/api/v1/reservations",
        setupRequest: nextReservation,
      }),
    );
  });
  results.push(
    await measure("POST /api/v1/rentals (request, distinct periods)", {
      method: "POST",
      path: "/api/v1/rentals",
      setupRequest: (request) => {
        const k = rentalNumber++;
        const customer = residents[k % USERS]!;
        const firstDay = new Date(Date.now() + (2 + 2 * Math.floor(k / USERS)) * 24 * HOUR);
        const startDate = firstDay.toISOString().slice(0, 10);
        const endDate = new Date(firstDay.getTime() + 24 * HOUR).toISOString().slice(0, 10);
        return {
          ...request,
          headers: { ...request.headers, ...bearer(customer.token), "content-type": "application/json" },
          body: JSON.stringify({ vehicleId: rentable[k % rentable.length], startDate, endDate }),
        };
      },
    }),
  );
  const [service] = await api<Array<{ id: string }>>("GET", "/services?limit=1", resident.token);
  if (!service) throw new Error("no garage service in the catalogue (the demo data has them)");
  let bookingNumber = 0;
  const BOOKING_DAYS = 40;
  const firstBookingDay = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2);
  results.push(
    await measure("POST /api/v1/bookings (garage, distinct days and slots)", {
      method: "POST",
      path: "/api/v1/bookings",
      setupRequest: (request) => {
        // Request k: customer k mod U with their car, on day k mod D (each day is booked under its own lock),
        // in the slot k div D of that day, half-hourly: at most one booking per slot, far below the bays.
        const k = bookingNumber++;
        const customer = residents[k % USERS]!;
        const slot = Math.floor(k / BOOKING_DAYS) % 46;
        const slotStart = new Date(firstBookingDay + (k % BOOKING_DAYS) * 24 * HOUR + slot * 30 * 60_000);
        return {
          ...request,
          headers: { ...request.headers, ...bearer(customer.token), "content-type": "application/json" },
          body: JSON.stringify({ carId: customer.carId, slotStart: slotStart.toISOString(), serviceIds: [service.id] }),
        };
      },
    }),
  );
  const rssAfter = webProcessRss();
  const soaked = await soak([
    { method: "GET", path: "/api/v1/users/me", headers: bearer(resident.token) },
    { method: "GET", path: "/api/v1/spots", headers: bearer(resident.token) },
    {
      method: "POST",
      path: "/api/graphql",
      headers: { ...bearer(resident.token), "content-type": "application/json" },
      body: JSON.stringify({ query: "{ spots { id label zone owner { name } } }" }),
    },
    { method: "GET", path: "/dashboard", headers: { cookie } },
    { method: "POST", path: "/api/v1/reservations", setupRequest: nextReservation },
  ]);

  const trivial = results[0]!.requestsPerSecond;
  console.log("\n| path | req/s | p50 ms | p99 ms | ratio to /api/health | non-2xx | errors |\n|---|---|---|---|---|---|---|");
  for (const result of results) {
    console.log(
      `| ${result.name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${(result.requestsPerSecond / trivial).toFixed(2)} | ${result.non2xx} | ${result.errors} |`,
    );
  }
  console.log(`\nweb process RSS: ${rssBefore?.toFixed(0) ?? "?"} MiB before the load, ${rssAfter?.toFixed(0) ?? "?"} MiB after`);
  console.log(
    `web process RSS over a ${SOAK_SECONDS} s mixed load after that (users/me, spots, GraphQL, dashboard, reservations; ${soaked.requests} requests, ${soaked.non2xx} non-2xx): ` +
      `${soaked.samples[0]?.rss.toFixed(0) ?? "?"} MiB at the start, ${soaked.samples.at(-1)?.rss.toFixed(0) ?? "?"} MiB at the end, ${Math.max(...soaked.samples.map((sample) => sample.rss)).toFixed(0)} MiB at most ` +
      `(every ${SOAK_SAMPLE_SECONDS} s: ${soaked.samples.map((sample) => sample.rss.toFixed(0)).join(", ")}); ` +
      `V8 heap in use at the same moments: ${soaked.samples.map((sample) => sample.heapUsed?.toFixed(0) ?? "?").join(", ")} MiB`,
  );
  console.log(`transactions on the app's database: at rest ${describeRate(idleTps, 2)}${caughtUp === null ? "" : ` over 31 s, once the pipeline had caught up with the preparation (${caughtUp.toFixed(1)} s) and the database's own statistics had too (11 s)`}; during the reservation load ${describeRate(loadTps, 0)}`);
  console.log(`database ceiling (pgbench): ${await pgbenchCeiling()}`);
  console.log(`first-load JavaScript (gzip): home ${(await firstLoadJavaScript("/")).toFixed(0)} KiB, parking board ${(await firstLoadJavaScript("/parking", cookie)).toFixed(0)} KiB`);
  console.log("\ncommit → browser latency at 1,000 pusher-js clients (bench/event-pipeline.ts, same database server):");
  spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["bench/event-pipeline.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...(SERVER_URL ? { TEST_DATABASE_URL: SERVER_URL } : {}) },
  });
} finally {
  await stop();
}
