import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "../env";
import { MESSAGES, ServiceUnavailableError } from "../errors";

export type PasswordJob = { op: "hash"; plain: string; cost: number } | { op: "verify"; plain: string; hash: string };
type JobResult<Job extends PasswordJob> = Job extends { op: "hash" } ? string : boolean;

interface WorkerReply {
  id: number;
  ok: boolean;
  result?: string | boolean;
  message?: string;
  threadId: number;
}

interface QueuedJob {
  id: number;
  job: PasswordJob;
  resolve: (result: string | boolean) => void;
  reject: (error: Error) => void;
}

interface RunningJob extends QueuedJob {
  startedAt: number;
}

export interface PasswordPoolStats {
  threads: number;
  maxQueue: number;
  busy: number;
  waiting: number;
  /** Jobs answered by a worker thread (never the main thread) since the pool started. */
  completedInWorkers: number;
}

/**
 * The worker file is resolved from the project root at run time and loaded by
 * Node itself, not by the bundler: Turbopack must not rewrite it (hence the
 * ignore comment), and it is in the project tree wherever the app runs
 * (`next start`, the Docker image's `COPY . .`, tsx scripts, vitest).
 */
export const PASSWORD_WORKER_FILE = path.join(process.cwd(), "lib", "identity", "password-worker.mjs");

/** A first guess at one bcrypt job's duration (cost 12), refined by measurement. */
const INITIAL_JOB_MS = 300;

/**
 * A fixed set of worker threads running bcrypt, with a bounded queue in front:
 * when `maxQueue` jobs already wait for a free worker, a new job is refused at
 * once with a 503 and a Retry-After estimated from the measured job time.
 * Idle workers are unref'd so they never keep a script (seed, tests) alive.
 */
export class PasswordWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, RunningJob>();
  private readonly waiting: QueuedJob[] = [];
  private started = 0;
  private nextId = 1;
  private averageJobMs = INITIAL_JOB_MS;
  private closed = false;
  private completed = 0;

  constructor(
    readonly threads: number,
    readonly maxQueue: number,
    private readonly workerFile = PASSWORD_WORKER_FILE,
  ) {}

  run<Job extends PasswordJob>(job: Job): Promise<JobResult<Job>> {
    if (this.closed) return Promise.reject(new Error("The password worker pool is closed."));
    const hasFreeWorker = this.idle.length > 0 || this.started < this.threads;
    if (!hasFreeWorker && this.waiting.length >= this.maxQueue) {
      return Promise.reject(new ServiceUnavailableError(MESSAGES.passwordHashingBusy, this.retryAfterSeconds()));
    }
    return new Promise<JobResult<Job>>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve: resolve as (result: string | boolean) => void, reject });
      this.dispatch();
    });
  }

  stats(): PasswordPoolStats {
    return {
      threads: this.threads,
      maxQueue: this.maxQueue,
      busy: this.running.size,
      waiting: this.waiting.length,
      completedInWorkers: this.completed,
    };
  }

  /** Stops every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error("The password worker pool was closed.");
    for (const queued of this.waiting.splice(0)) queued.reject(stopped);
    const workers = [...this.idle, ...this.running.keys()];
    for (const running of this.running.values()) running.reject(stopped);
    this.running.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** Seconds until the queue has likely drained enough for one more job. */
  private retryAfterSeconds(): number {
    const jobsAhead = this.waiting.length + this.running.size;
    return Math.max(1, Math.ceil((this.averageJobMs * jobsAhead) / this.threads / 1000));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.threads ? this.spawn() : undefined);
      if (!worker) return;
      const queued = this.waiting.shift()!;
      this.running.set(worker, { ...queued, startedAt: performance.now() });
      worker.ref();
      worker.postMessage({ id: queued.id, ...queued.job });
    }
  }

  private spawn(): Worker {
    this.started += 1;
    const worker = new Worker(/* turbopackIgnore: true */ this.workerFile);
    worker.on("message", (reply: WorkerReply) => this.settle(worker, reply));
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`A password worker stopped (exit code ${code}).`)));
    return worker;
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const running = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    if (!this.closed) this.idle.push(worker);
    if (running && running.id === reply.id) {
      this.averageJobMs = 0.8 * this.averageJobMs + 0.2 * (performance.now() - running.startedAt);
      if (reply.ok) {
        this.completed += 1;
        running.resolve(reply.result!);
      } else {
        running.reject(new Error(reply.message ?? "Password hashing failed."));
      }
    }
    this.dispatch();
  }

  /** A worker that crashed or exited: its job fails, and a replacement starts if work is waiting. */
  private fail(worker: Worker, error: Error): void {
    const idleIndex = this.idle.indexOf(worker);
    const wasKnown = idleIndex >= 0 || this.running.has(worker);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    const running = this.running.get(worker);
    this.running.delete(worker);
    if (!wasKnown) return;
    this.started -= 1;
    running?.reject(error);
    if (!this.closed) this.dispatch();
  }
}

const globalForPool = globalThis as typeof globalThis & { wheelhousePasswordPool?: PasswordWorkerPool };

/** The process's password worker pool, sized by PASSWORD_HASH_THREADS and PASSWORD_HASH_MAX_QUEUE. */
export function passwordPool(): PasswordWorkerPool {
  if (!globalForPool.wheelhousePasswordPool) {
    const config = env();
    globalForPool.wheelhousePasswordPool = new PasswordWorkerPool(config.PASSWORD_HASH_THREADS, config.PASSWORD_HASH_MAX_QUEUE);
  }
  return globalForPool.wheelhousePasswordPool;
}

/** Stops the pool; the next job starts a new one from the current configuration (tests, shutdown). */
export async function closePasswordPool(): Promise<void> {
  const pool = globalForPool.wheelhousePasswordPool;
  globalForPool.wheelhousePasswordPool = undefined;
  await pool?.close();
}
