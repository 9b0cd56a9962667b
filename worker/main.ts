/**
 * The worker process (`npm run start:worker`; `tsx worker/main.ts` in development): the scheduler alone —
 * module jobs every second; outbox drain and consumers whenever events commit (woken by PostgreSQL's NOTIFY, with
 * a pass every few seconds as a safety net; every second on the embedded database). Several replicas may run side by side (the drainer
 * claims rows with SKIP LOCKED under an advisory lock; consumers commit offsets transactionally).
 * With WORKER_HEALTH_PORT set it answers GET /api/health (alive) and GET /api/ready (database,
 * migrations, cache) for container probes.
 */
import { createServer, type Server } from "node:http";
import { disconnectDb, db } from "../lib/db";
import { env } from "../lib/env";
import { startScheduler, stopScheduler } from "../lib/events/scheduler";
import { store } from "../lib/kv";
import { componentLogger } from "../lib/observability/logger";
import { checkModuleSettings } from "../lib/platform/module-settings";
import { checkReadiness } from "../lib/platform/readiness";
import { runProcess } from "../lib/platform/process-lifecycle";
import { registerModuleJobs } from "../lib/platform/scheduled-jobs";

const log = (message: string): void => componentLogger("worker").info(message);

const startedAt = Date.now();

function startHealthServer(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    const pathname = new URL(request.url ?? "/", "http://worker").pathname;
    if (request.method !== "GET") return send(405, { detail: "Method not allowed." });
    if (pathname === "/api/health") {
      return send(200, { status: "ok", role: "worker", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (pathname === "/api/ready") {
      checkReadiness(db, store()).then(
        (report) => send(report.status === "ready" ? 200 : 503, report),
        (error: unknown) => send(503, { status: "not_ready", detail: String(error) }),
      );
      return;
    }
    send(404, { detail: "Not found." });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "0.0.0.0", () => resolve(server));
  });
}

async function main(): Promise<{ stopping: string; stop: () => Promise<void> }> {
  const config = env();
  checkModuleSettings();
  registerModuleJobs();
  startScheduler();
  const healthServer = config.WORKER_HEALTH_PORT ? await startHealthServer(config.WORKER_HEALTH_PORT) : undefined;
  log(
    `worker running the scheduler (module jobs every second; outbox drain and consumers ` +
      (config.EMBEDDED_DATABASE ? "every second and after commits)" : "when the database says events committed)") +
      (config.WORKER_HEALTH_PORT ? `; health on port ${config.WORKER_HEALTH_PORT}` : ""),
  );

  // The scheduler's timer is unref'd: this keeps the process alive until it is told to stop.
  const keepAlive = setInterval(() => {}, 60_000);
  return {
    stopping: "stopping the scheduler",
    stop: async () => {
      clearInterval(keepAlive);
      healthServer?.close();
      // The pass under way finishes before the pool closes (a pass is one drain batch and each consumer's batch);
      // after a second signal the process exits at once, its transaction rolls back and the next worker redoes it.
      await stopScheduler();
      await disconnectDb();
    },
  };
}

runProcess("worker", main);
