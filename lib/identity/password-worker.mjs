// The worker thread behind lib/identity/password-pool.ts: bcrypt off the main thread.
// Plain JavaScript loaded from disk at run time (never bundled), so it runs the same
// under `next start`, tsx and vitest. One job at a time, so the synchronous calls are fine.
import { parentPort, threadId } from "node:worker_threads";
import bcrypt from "bcryptjs";

parentPort.on("message", (job) => {
  try {
    const result = job.op === "hash" ? bcrypt.hashSync(job.plain, job.cost) : bcrypt.compareSync(job.plain, job.hash);
    parentPort.postMessage({ id: job.id, ok: true, result, threadId });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error), threadId });
  }
});
