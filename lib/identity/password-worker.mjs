// The worker thread behind lib/identity/password-pool.ts: bcrypt off the main thread.
// Plain JavaScript loaded from disk at run time (never bundled), so it runs the same
// under `next start`, tsx and vitest. One job at a time, so the synchronous calls are fine.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, threadId } from "node:worker_threads";
import bcrypt from "bcryptjs";

/**
 * Hashing yields to the main thread when the cores are short: this thread runs
 * at nice 10 (Linux lets a thread lower its own priority), so requests keep
 * being served and the logins wait instead. Elsewhere it keeps normal priority.
 */
const WORKER_NICE = 10;
try {
  const kernelThreadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(kernelThreadId) && kernelThreadId > 0) setPriority(kernelThreadId, WORKER_NICE);
} catch {
  // Not Linux, or not allowed: run at normal priority.
}

parentPort.on("message", (job) => {
  try {
    const result = job.op === "hash" ? bcrypt.hashSync(job.plain, job.cost) : bcrypt.compareSync(job.plain, job.hash);
    parentPort.postMessage({ id: job.id, ok: true, result, threadId });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), threadId });
  }
});
