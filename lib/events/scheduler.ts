import { db } from "../db";
import { liveChannelsConsumer } from "../realtime/live-channels-consumer";
import { notificationsConsumer } from "../notifications/consumer";
import { consumerPositions, runConsumer, TransientConsumerError, type ConsumeResult, type Consumer } from "./consumers";
import { drainOutbox, emptyDrainResult, type DrainResult } from "./drainer";
import { componentLogger } from "../observability/logger";

const log = componentLogger("scheduler");

/** Consumers the app runs after every drain. */
export const CONSUMERS: readonly Consumer[] = [liveChannelsConsumer, notificationsConsumer];

export interface Job {
  name: string;
  run(): Promise<unknown>;
}

/** Periodic jobs besides the event pipeline (e.g. reservation lifecycle); modules register theirs. */
const jobs: Job[] = [];
export function registerJob(job: Job): void {
  if (!jobs.some((existing) => existing.name === job.name)) jobs.push(job);
}

const state = globalThis as typeof globalThis & {
  wheelhousePipeline?: {
    again: boolean;
    timer?: NodeJS.Timeout;
    drainOnCommit?: boolean;
    stopped?: boolean;
    /** The pass under way (none: idle), so a stop can wait for it before the database pool closes. */
    pass?: Promise<void>;
  };
};
function pipeline() {
  state.wheelhousePipeline ??= { again: false };
  return state.wheelhousePipeline;
}

export interface PipelineResult {
  drained: DrainResult;
  consumed: Record<string, ConsumeResult | { deferred: string }>;
}

/**
 * Drain the outbox, then let every consumer catch up. One statement says whether there is anything to do, so a pass
 * at rest costs one query; work found costs a drain transaction and a batch transaction per group and topic behind.
 */
export async function runEventPipeline(consumers: readonly Consumer[] = CONSUMERS): Promise<PipelineResult> {
  let state = await consumerPositions(db, consumers);
  let drained = emptyDrainResult();
  if (state.outboxPending) {
    drained = await drainOutbox(db);
    // Re-read after any drain: rows another drainer appended meanwhile count too, not only this pass's.
    state = await consumerPositions(db, consumers);
  }
  const consumed: PipelineResult["consumed"] = {};
  for (const consumer of consumers) {
    try {
      consumed[consumer.group] = await runConsumer(consumer, db, undefined, state.positions);
    } catch (error) {
      if (!(error instanceof TransientConsumerError)) throw error;
      consumed[consumer.group] = { deferred: error.message };
    }
  }
  return { drained, consumed };
}

function tick(): Promise<void> {
  const current = pipeline();
  if (current.stopped) return Promise.resolve();
  if (current.pass) {
    current.again = true;
    return current.pass;
  }
  current.pass = runPasses(current);
  return current.pass;
}

async function runPasses(current: ReturnType<typeof pipeline>): Promise<void> {
  try {
    do {
      current.again = false;
      // A process that only drains after its own commits leaves the jobs to the worker.
      if (current.timer) for (const job of jobs) await job.run().catch((error: unknown) => log.error({ err: error, job: job.name }, "job failed"));
      await runEventPipeline().catch((error: unknown) => log.error({ err: error }, "event pipeline failed"));
    } while (current.again && !current.stopped);
  } finally {
    current.pass = undefined;
  }
}

/** Called right after a transaction with events commits, so live latency does not wait for the next tick. */
export function kickEventPipeline(): void {
  const current = state.wheelhousePipeline;
  if (!current?.timer && !current?.drainOnCommit) return; // no pipeline in this process (tests, scripts)
  setImmediate(() => void tick());
}

/** The in-app scheduler: every `intervalMs` (and on every kick) run the jobs and the event pipeline. */
export function startScheduler(intervalMs = 1_000): void {
  const current = pipeline();
  if (current.timer) return;
  current.stopped = false;
  current.timer = setInterval(() => void tick(), intervalMs);
  current.timer.unref();
  void tick();
}

/**
 * For a web process next to a separate worker: no timer and no jobs, but the event pipeline
 * runs right after each of its own commits, so live latency does not wait for the worker's
 * next tick. Draining is safe from any number of processes at once.
 */
export function drainAfterCommits(): void {
  pipeline().drainOnCommit = true;
}

/**
 * Stops the timer and the drains after commits, and resolves once the pass under way (if any) has finished: closing
 * the database pool under a running pass would leave its transaction's connection checked out, and the pool's end
 * (so the process) waiting for it forever.
 */
export async function stopScheduler(): Promise<void> {
  const current = pipeline();
  if (current.timer) clearInterval(current.timer);
  current.timer = undefined;
  current.drainOnCommit = false;
  current.stopped = true;
  await current.pass;
}
