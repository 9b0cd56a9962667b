/**
 * The four processes as they run in production, each on its own from the compiled build: migrate (Prisma CLI, then
 * the seed bundle), web (Next's standalone server.js, SCHEDULER_ENABLED=false), worker and realtime (the esbuild
 * bundles), against a throwaway database. The build is the one `npm start` uses (scripts/build-app.ts); when it is
 * missing or stale this file builds it first (minutes; later runs and the e2e step reuse it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import Pusher, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextEvent, subscribed, withTimeout } from "@/realtime/testing/clients";
import { BUILD_OUTPUTS, isBuildStale } from "@/lib/platform/build-fingerprint";
import { buildApp, BUILD_TIME_SECRET } from "@/scripts/build-app";
import { freePort } from "@/scripts/free-port";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/databases";
import { PASSWORD, uniqueContact } from "../support/identity";

const root = path.resolve(import.meta.dirname, "..", "..");
const SECRET = "processes-test-secret-0123456789abcdefghij";

interface Started {
  name: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

const started: Started[] = [];
let database: ThrowawayDatabase;
let dataDir: string;
let baseEnv: NodeJS.ProcessEnv;
let webPort: number;
let channelPort: number;
let workerHealthPort: number;

function run(name: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream! }).on("line", (line) => output.push(line));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const process_ = { name, child, output, exited };
  started.push(process_);
  return process_;
}

async function runToCompletion(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const one = run(name, args, env);
  const code = await one.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${one.output.join("\n")}`);
  return one.output.join("\n");
}

async function waitForOk(url: string, what: Started, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (what.child.exitCode !== null) throw new Error(`${what.name} exited (${what.child.exitCode}):\n${what.output.join("\n")}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${what.output.join("\n")}`);
}

async function stop(what: Started): Promise<void> {
  if (what.child.exitCode === null && what.child.signalCode === null) {
    what.child.kill("SIGTERM");
    const timeout = setTimeout(() => what.child.kill("SIGKILL"), 10_000);
    await what.exited;
    clearTimeout(timeout);
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

beforeAll(async () => {
  if (isBuildStale(root)) {
    await buildApp(root, { ...process.env, APP_SECRET: "", EMBEDDED_DATABASE: "", DATABASE_URL: "" }, (name, command, args, env) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
        child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name}: ${command} ${args.join(" ")} exited with ${code}`))));
      }),
    );
  }
  database = await createThrowawayDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "wheelhouse-processes-"));
  [webPort, channelPort, workerHealthPort] = [await freePort(), await freePort(), await freePort()];
  baseEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    // The embedded test database is one PostgreSQL session behind a socket: a small pool per process, and the
    // processes told so, as the launcher tells them (no named statements, no wakeups: the web drains its own commits).
    DATABASE_POOL_SIZE: database.backend === "embedded" ? "1" : "4",
    ...(database.backend === "embedded" ? { EMBEDDED_DATABASE: "true", DEMO_SEED: "false" } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    APP_SECRET: SECRET,
    DATA_DIR: dataDir,
    COOKIE_SECURE: "false",
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(channelPort),
    REALTIME_BIND_HOST: "127.0.0.1",
    PASSWORD_HASH_THREADS: "1",
  };
}, 15 * 60_000);

afterAll(async () => {
  for (const one of started.reverse()) await stop(one);
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the processes, separately, from the compiled build", () => {
  const clients: Pusher[] = [];
  let web: Started;
  let user: { id: string; token: string };
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it("the build contains the compiled entry points, the traced runtime files and no build-time secret", () => {
    const standalone = path.join(root, ".next", "standalone");
    for (const output of Object.values(BUILD_OUTPUTS)) expect(statSync(path.join(root, output)).isFile(), output).toBe(true);
    for (const file of [
      "lib/identity/password-worker.mjs",
      "prisma/migrations/migration_lock.toml",
      "public/robots.txt",
      "node_modules/@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs",
      "node_modules/bcryptjs/package.json",
    ]) {
      expect(() => statSync(path.join(standalone, file)), file).not.toThrow();
    }
    expect(readdirSync(path.join(standalone, ".next", "static")).length).toBeGreaterThan(0);
    const leaks = [...filesUnder(path.join(root, ".next", "standalone", ".next", "server")), ...filesUnder(path.join(root, ".next", "processes"))]
      .filter((file) => statSync(file).size < 20_000_000 && readFileSync(file, "utf8").includes(BUILD_TIME_SECRET));
    expect(leaks).toEqual([]);
  });

  it("the bundles import only production dependencies and Node built-ins (the image has no dev dependencies)", () => {
    const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const bundle of [BUILD_OUTPUTS.worker, BUILD_OUTPUTS.realtime, BUILD_OUTPUTS.seed]) {
      const source = readFileSync(path.join(root, bundle), "utf8");
      const specifiers = [
        ...[...source.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?"([^"]+)";/gm)].map((match) => match[1]!),
        ...[...source.matchAll(/\bimport\("([^"]+)"\)/g)].map((match) => match[1]!),
      ];
      expect(specifiers.length, bundle).toBeGreaterThan(0);
      const packages = specifiers
        .filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:") && !builtinModules.includes(specifier))
        .map((specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/"));
      expect(packages.filter((name) => !(name in dependencies)), bundle).toEqual([]);
    }
  });

  it("migrate applies the migrations and seeds reference data, then exits", async () => {
    await runToCompletion("migrate", [path.join(root, "node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], baseEnv);
    const seeded = await runToCompletion("seed", ["--enable-source-maps", path.join(root, BUILD_OUTPUTS.seed)], { ...baseEnv, DEMO_SEED: "false" });
    expect(seeded).toContain("Demo data off");
    const [permissions] = await query<{ count: string }>("SELECT count(*) FROM permissions");
    expect(Number(permissions?.count)).toBeGreaterThan(10);
  });

  it("realtime and web (without the scheduler) start on their own and are ready", async () => {
    const realtime = run("realtime", ["--enable-source-maps", path.join(root, BUILD_OUTPUTS.realtime)], baseEnv);
    await waitForOk(`http://127.0.0.1:${channelPort}/health`, realtime);
    web = run("web", [path.join(root, BUILD_OUTPUTS.web)], { ...baseEnv, PORT: String(webPort), HOSTNAME: "127.0.0.1", SCHEDULER_ENABLED: "false" });
    const ready = await waitForOk(`http://127.0.0.1:${webPort}/api/ready`, web, 90_000);
    expect(await ready.json()).toMatchObject({ status: "ready" });
    // Static assets and public files come from the standalone copy.
    expect((await fetch(`http://127.0.0.1:${webPort}/robots.txt`)).status).toBe(200);
  });

  it("the web runs no timer; it drains its own commits at once on the embedded database, and leaves them to the worker (woken by PostgreSQL) on a server", async () => {
    const contact = uniqueContact();
    const registered = await fetch(`http://127.0.0.1:${webPort}/api/v1/customers/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Process Test", ...contact, password: PASSWORD }),
    });
    expect(registered.status).toBe(201);
    const login = await fetch(`http://127.0.0.1:${webPort}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: contact.email, password: PASSWORD }).toString(),
    });
    expect(login.status).toBe(200);
    const token = ((await login.json()) as { access_token: string }).access_token;
    const me = (await (await fetch(`http://127.0.0.1:${webPort}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
    user = { id: me.id, token };

    const pending = () => query<{ type: string }>("SELECT type FROM outbox_events WHERE processed_at IS NULL AND key = $1 ORDER BY id", [user.id]);
    if (database.backend === "embedded") {
      const drainedBy = Date.now() + 10_000;
      while ((await query("SELECT 1 FROM event_log WHERE key = $1 AND type = 'user.registered'", [user.id])).length === 0 && Date.now() < drainedBy) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await query<{ type: string }>("SELECT type FROM event_log WHERE key = $1", [user.id])).toContainEqual({ type: "user.registered" });
    }

    await query("INSERT INTO outbox_events (topic, key, type, payload) VALUES ('user_events', $1, 'test.outside_the_web', '{}')", [user.id]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const waiting = (await pending()).map((row) => row.type);
    if (database.backend === "embedded") expect(waiting).toEqual(["test.outside_the_web"]);
    // No worker runs yet, and the web left even its own events to it.
    else expect(waiting).toEqual(expect.arrayContaining(["user.registered", "test.outside_the_web"]));
  });

  it("the worker drains it into the event log and the channel server delivers the next change to a pusher-js client", async () => {
    const config = (await (await fetch(`http://127.0.0.1:${webPort}/api/realtime/config`)).json()) as { key: string; wsPort: number };
    expect(config.wsPort).toBe(channelPort);
    const client = new Pusher(config.key, {
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: channelPort,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        customHandler: ({ socketId, channelName }, callback) => {
          fetch(`http://127.0.0.1:${webPort}/api/realtime/auth`, {
            method: "POST",
            headers: { authorization: `Bearer ${user.token}`, "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
          })
            .then(async (response) => callback(response.ok ? null : new Error(`HTTP ${response.status}`), response.ok ? ((await response.json()) as { auth: string }) : null))
            .catch((error: unknown) => callback(error as Error, null));
        },
      },
    });
    clients.push(client);
    const { channel } = await withTimeout(subscribed(client, `private-user-${user.id}`), "subscription", 10_000);

    const worker = run("worker", ["--enable-source-maps", path.join(root, BUILD_OUTPUTS.worker)], { ...baseEnv, WORKER_HEALTH_PORT: String(workerHealthPort) });
    expect(await (await waitForOk(`http://127.0.0.1:${workerHealthPort}/api/ready`, worker)).json()).toMatchObject({ status: "ready" });
    const deadline = Date.now() + 20_000;
    while ((await query("SELECT 1 FROM outbox_events WHERE processed_at IS NULL")).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const logged = await query<{ type: string }>("SELECT type FROM event_log WHERE key = $1", [user.id]);
    expect(logged.map((row) => row.type)).toContain("test.outside_the_web");

    const delivered = nextEvent<{ type: string; key: string; payload: { name: string } }>(channel as Channel, "user.updated", 15_000);
    const renamed = await fetch(`http://127.0.0.1:${webPort}/api/v1/users/me`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Renamed Across Processes" }),
    });
    expect(renamed.status).toBe(200);
    expect(await delivered).toMatchObject({ type: "user.updated", key: user.id, payload: { name: "Renamed Across Processes" } });
  });

  it("each process stops cleanly on SIGTERM", async () => {
    for (const one of [...started].reverse()) {
      if (one.child.exitCode !== null) continue;
      one.child.kill("SIGTERM");
      const code = await withTimeout(one.exited, `${one.name} to stop`, 45_000);
      // Next's standalone server exits with 143 (128 + SIGTERM) after closing its server, as it documents.
      expect(one.name === "web" ? [0, 143] : [0], `${one.name}: ${one.output.slice(-5).join("\n")}`).toContain(code);
    }
  });
});
