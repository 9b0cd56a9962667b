/**
 * `npm start` / `npm run dev`: one command that brings up the whole system.
 *
 *  1. loads .env if present and validates the configuration (lib/env.ts)
 *  2. starts the embedded PostgreSQL (PGlite) when DATABASE_URL is unset
 *  3. builds the app if the build is missing or stale (start mode)
 *  4. applies migrations, runs the seed
 *  5. runs the web server, the worker (scheduler) and the channel server with prefixed logs: in start mode
 *     their compiled builds (Next's standalone server.js and the esbuild bundles), in dev mode `next dev` and tsx;
 *     Ctrl-C stops everything, and the launcher exits non-zero if any process dies.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { concurrently, type ConcurrentlyCommandInput } from "concurrently";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/embedded-postgres";
import { ConfigError, parseEnv, type AppEnv } from "../lib/env";
import { BUILD_OUTPUTS, isBuildStale } from "../lib/platform/build-fingerprint";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/platform/demo-accounts";
import { buildApp } from "./build-app";

type Mode = "start" | "dev" | "build";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

let embedded: EmbeddedPostgres | undefined;
let currentStep: ChildProcess | undefined;
let lockFile: string | undefined;
let stopping = false;

function log(message: string): void {
  process.stdout.write(`[launcher] ${message}\n`);
}

async function shutdown(exitCode: number): Promise<never> {
  stopping = true;
  currentStep?.kill("SIGTERM");
  if (embedded) {
    log("stopping the embedded database");
    await embedded.stop().catch((error: unknown) => log(`embedded database did not stop cleanly: ${String(error)}`));
    embedded = undefined;
  }
  if (lockFile) rmSync(lockFile, { force: true });
  process.exit(exitCode);
}

function onSignalBeforeServe(signal: NodeJS.Signals): void {
  log(`${signal} received, stopping`);
  void shutdown(0);
}

/** Runs one preparation step with its output prefixed by `[name]`; rejects on a non-zero exit. */
function runStep(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    currentStep = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => process.stdout.write(`[${name}] ${line}\n`));
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      currentStep = undefined;
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** One launcher per data directory: two PGlite processes on the same files would corrupt them. */
function takeDataDirLock(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "launcher.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8"));
    let alive = false;
    try {
      if (pid > 0) alive = process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new ConfigError(`Another Wheelhouse (pid ${pid}) is already using ${dataDir}. Stop it first.`);
  }
  writeFileSync(file, String(process.pid));
  lockFile = file;
}

/** The three long-running processes: compiled in start mode, from the sources in dev mode. */
function processCommands(mode: "start" | "dev", port: number): Record<"web" | "worker" | "realtime", string> {
  // Relative to the project root (concurrently's cwd). A command that ends in a quote would lose its outer quotes.
  if (mode === "start") {
    // CPU_PROFILE_DIR: each process writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    const profile = process.env.CPU_PROFILE_DIR ? ` --cpu-prof --cpu-prof-dir="${path.resolve(process.env.CPU_PROFILE_DIR)}"` : "";
    return {
      web: `"${process.execPath}"${profile} ${BUILD_OUTPUTS.web}`,
      worker: `"${process.execPath}"${profile} --enable-source-maps ${BUILD_OUTPUTS.worker}`,
      realtime: `"${process.execPath}"${profile} --enable-source-maps ${BUILD_OUTPUTS.realtime}`,
    };
  }
  return {
    web: `"${bin("next")}" dev --port ${port}`,
    worker: `"${bin("tsx")}" worker/main.ts`,
    realtime: `"${bin("tsx")}" realtime/server.ts`,
  };
}

async function waitUntilReady(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function banner(config: AppEnv): string {
  const lines = [
    "",
    "  Wheelhouse is ready",
    `  → http://localhost:${config.PORT}`,
    `  database: ${config.EMBEDDED_DATABASE ? `embedded PostgreSQL (PGlite), data in ${config.DATA_DIR}` : "DATABASE_URL"}`,
    `  cache:    ${config.REDIS_URL ? "Redis (REDIS_URL)" : "in-memory"}`,
  ];
  if (config.DEMO_SEED) {
    lines.push(`  demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.role.padEnd(9)} ${account.email}`);
  }
  lines.push("  Ctrl-C stops everything.", "");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const requested = process.argv[2];
  const mode: Mode = requested === "dev" || requested === "build" ? requested : "start";
  process.on("SIGINT", onSignalBeforeServe);
  process.on("SIGTERM", onSignalBeforeServe);

  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: mode === "dev" ? "development" : "production" });
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (mode === "build") {
    // `npm run build` (and the Docker image): the production build alone, no database needed.
    await buildApp(root, { ...process.env }, runStep);
    return shutdown(0);
  }

  // Validate before starting anything, so a production deploy without secrets fails at once.
  const useEmbedded = !process.env.DATABASE_URL;
  if (useEmbedded) process.env.EMBEDDED_DATABASE = "true";
  let config = parseEnv(process.env);

  if (useEmbedded) {
    takeDataDirLock(config.DATA_DIR);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(config.DATA_DIR, "pglite"),
      port: config.EMBEDDED_DATABASE_PORT,
    });
    process.env.DATABASE_URL = embedded.url;
    log(`embedded PostgreSQL listening at ${embedded.url} (data in ${path.join(config.DATA_DIR, "pglite")})`);
    config = parseEnv(process.env);
  }
  // Children read the same master secret instead of each resolving it.
  if (!process.env.APP_SECRET && config.EMBEDDED_DATABASE) {
    const { loadOrCreateAppSecret } = await import("../lib/secrets");
    process.env.APP_SECRET = loadOrCreateAppSecret(config.DATA_DIR);
  }
  // DATA_DIR absolute: the standalone server runs from .next/standalone.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(config.PORT), DATA_DIR: config.DATA_DIR, FORCE_COLOR: "1" };

  if (mode === "start") {
    if (isBuildStale(root)) {
      log("building the app (first start, or the sources changed)…");
      await buildApp(root, childEnv, runStep);
    } else {
      log("build is up to date");
    }
  }

  await runStep("migrate", bin("prisma"), ["migrate", "deploy"], childEnv);
  if (mode === "start") await runStep("seed", process.execPath, ["--enable-source-maps", path.join(root, BUILD_OUTPUTS.seed)], childEnv);
  else await runStep("seed", bin("tsx"), ["prisma/seed.ts"], childEnv);

  const commands = processCommands(mode, config.PORT);
  const processes: ConcurrentlyCommandInput[] = [
    {
      name: "web",
      command: commands.web,
      // The worker runs the scheduler; the standalone server listens on HOSTNAME (all interfaces, as `next start`).
      env: { ...childEnv, SCHEDULER_ENABLED: "false", HOSTNAME: "0.0.0.0" },
      prefixColor: "cyan",
    },
    { name: "worker", command: commands.worker, env: childEnv, prefixColor: "yellow" },
    { name: "realtime", command: commands.realtime, env: childEnv, prefixColor: "magenta" },
  ];

  // From here concurrently forwards Ctrl-C / SIGTERM to the processes; we only note that a stop was asked for.
  process.off("SIGINT", onSignalBeforeServe);
  process.off("SIGTERM", onSignalBeforeServe);
  const noteStopRequested = () => {
    stopping = true;
  };
  process.on("SIGINT", noteStopRequested);
  process.on("SIGTERM", noteStopRequested);
  const running = concurrently(processes, {
    prefix: "[{name}]",
    killOthersOn: ["failure", "success"],
    cwd: root,
  });

  void waitUntilReady(config.PORT, 180_000).then((ready) => {
    if (ready) process.stdout.write(banner(config));
    else if (!stopping) log(`the web server did not become ready; see the [web] lines above`);
  });

  let exitCode = 0;
  try {
    await running.result;
    if (!stopping) {
      log("a process exited on its own; stopping the rest");
      exitCode = 1;
    }
  } catch (closeEvents) {
    const failures = (closeEvents as Array<{ command: { name: string }; exitCode: number | string }>).filter(
      (event) => event.exitCode !== 0,
    );
    for (const failure of failures) log(`${failure.command.name} exited with ${failure.exitCode}`);
    exitCode = 1;
  }
  await shutdown(exitCode);
}

main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`\n[launcher] ${error.message}\n\n`);
  else process.stderr.write(`\n[launcher] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
  await shutdown(1);
});
