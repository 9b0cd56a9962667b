import { db } from "../db";
import { liveChannelsConsumer } from "../realtime/live-channels-consumer";
import { notificationsConsumer } from "../notifications/consumer";
import { consumerPositions, runConsumer, TransientConsumerError, type ConsumeResult, type Consumer } from "./consumers";
import { drainOutbox, emptyDrainResult, type DrainResult } from "./drainer";
import { componentLogger } from "../observability/logger";
import { env } from "../env";
import { listenForOutbox, type OutboxWakeup } from "./outbox-wakeup";

const log = componentLogger("scheduler");

/** Consumers the app runs after every drain. */
export const CONSUMERS: readonly Consumer[] = [liveChannelsConsumer, notificationsConsumer];

export interface ScheduledJob {
  name: string;
  /**
   * One run. It may say when it next has work (`nextDueAt`; null: nothing scheduled): where the database wakes the
   * scheduler on every commit with events (PostgreSQL), the job is then left alone until that time, or a minute, or
   * the next commit with events, whichever comes first. Without it, the job runs every second.
   */
  run(): Promise<{ nextDueAt?: Date | null } | void>;
}

/** Periodic jobs besides the event pipeline (e.g. reservation lifecycle); modules register theirs. */
const jobs: ScheduledJob[] = [];
/** When each job runs next (absent: on the next tick). */
const jobsNextRunAt = new Map<string, number>();
export function registerJob(job: ScheduledJob): void {
  if (!jobs.some((existing) => existing.name === job.name)) jobs.push(job);
}

/** With a wakeup, the longest a job that said when it next has work is left alone. */
const JOB_MAX_REST_MS = 60_000;

async function runDueJobs(wakeup: OutboxWakeup | undefined): Promise<void> {
  for (const job of jobs) {
    const now = Date.now();
    if ((jobsNextRunAt.get(job.name) ?? 0) > now) continue;
    try {
      const outcome = await job.run();
      // Without a wakeup nothing tells this process that a commit elsewhere made work due sooner: every tick, then.
      if (wakeup && outcome && outcome.nextDueAt !== undefined) {
        jobsNextRunAt.set(job.name, Math.min(outcome.nextDueAt?.getTime() ?? Infinity, now + JOB_MAX_REST_MS));
      } else jobsNextRunAt.delete(job.name);
    } catch (error) {
      jobsNextRunAt.delete(job.name);
      log.error({ err: error, job: job.name }, "job failed");
    }
  }
}

const state = globalThis as typeof globalThis & {
  wheelhousePipeline?: {
    timer?: NodeJS.Timeout;
    drainOnCommit?: boolean;
    stopped?: boolean;
    /** Woken by the database when outbox rows commit (PostgreSQL): the timer then runs the pipeline only as a safety net. */
    wakeup?: OutboxWakeup;
    jobsDue: boolean;
    pipelineDue: boolean;
    /** The last pass failed, deferred or set something aside: the next timer tick runs the pipeline again. */
    pipelineUnsettled: boolean;
    lastPipelineAt: number;
    /** The pass under way (none: idle), so a stop can wait for it before the database pool closes. */
    pass?: Promise<void>;
  };
};
function pipeline() {
  state.wheelhousePipeline ??= { jobsDue: false, pipelineDue: false, pipelineUnsettled: false, lastPipelineAt: 0 };
  return state.wheelhousePipeline;
}

/** With a wakeup, how often the timer still runs the pipeline: for retries whose backoff ran out, and anything missed. */
const SAFETY_NET_MS = 5_000;

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

function tick(reason: "timer" | "events"): Promise<void> {
  const current = pipeline();
  if (current.stopped) return Promise.resolve();
  if (reason === "events") {
    current.pipelineDue = true;
    // The commit may have made a job's work due sooner than it said (a reservation starting in a minute).
    jobsNextRunAt.clear();
  } else {
    current.jobsDue = true;
    if (!current.wakeup || current.pipelineUnsettled || Date.now() - current.lastPipelineAt >= SAFETY_NET_MS) current.pipelineDue = true;
  }
  current.pass ??= runPasses(current);
  return current.pass;
}

function settled(result: PipelineResult): boolean {
  return (
    result.drained.failed === 0 &&
    Object.values(result.consumed).every((outcome) => !("deferred" in outcome) && outcome.failed === 0)
  );
}

function didWork(result: PipelineResult): boolean {
  return result.drained.appended > 0 || Object.values(result.consumed).some((outcome) => "handled" in outcome && outcome.handled > 0);
}

async function runPasses(current: ReturnType<typeof pipeline>): Promise<void> {
  // Yield first: a loop with nothing to await would reach the `finally` before `tick` has recorded this pass, and
  // the pass it then records would never be cleared.
  await Promise.resolve();
  try {
    while ((current.jobsDue || current.pipelineDue) && !current.stopped) {
      if (current.jobsDue) {
        current.jobsDue = false;
        // A process that only drains after its own commits leaves the jobs to the worker.
        if (current.timer) await runDueJobs(current.wakeup);
      }
      if (current.pipelineDue) {
        current.pipelineDue = false;
        const result = await runEventPipeline().catch((error: unknown) => {
          log.error({ err: error }, "event pipeline failed");
          return undefined;
        });
        current.lastPipelineAt = Date.now();
        current.pipelineUnsettled = result === undefined || !settled(result);
        // A pass that found work is followed by another: a burst larger than one pass takes is finished without
        // waiting for the next wakeup; at rest that pass costs one statement.
        if (result && didWork(result)) current.pipelineDue = true;
      }
    }
  } finally {
    current.pass = undefined;
  }
}

/** Called right after a transaction with events commits, so live latency does not wait for the next tick. */
export function kickEventPipeline(): void {
  const current = state.wheelhousePipeline;
  // No pipeline in this process (tests, scripts), or the database wakes it (and whichever process listens).
  if (current?.wakeup || (!current?.timer && !current?.drainOnCommit)) return;
  setImmediate(() => void tick("events"));
}

/**
 * The in-app scheduler: every `intervalMs` the jobs; the event pipeline whenever outbox rows commit — on PostgreSQL
 * woken by the database (`listenForOutbox`), with a pass every few seconds as a safety net, so a pipeline at rest
 * costs almost nothing; on the embedded database (no notifications) on every tick and after this process's commits.
 */
export function startScheduler(intervalMs = 1_000): void {
  const current = pipeline();
  if (current.timer) return;
  current.stopped = false;
  if (!env().EMBEDDED_DATABASE) current.wakeup = listenForOutbox(() => void tick("events"));
  current.timer = setInterval(() => void tick("timer"), intervalMs);
  current.timer.unref();
  void tick("timer");
}

/**
 * For a web process next to a separate worker: no timer and no jobs. On the embedded database the event pipeline
 * runs right after each of its own commits, so live latency does not wait for the worker's next tick (draining is
 * safe from any number of processes at once); on PostgreSQL the database wakes the worker instead.
 */
export function drainAfterCommits(): void {
  // On PostgreSQL the worker is woken by the database at each commit with events; draining here as well only
  // adds a second process's passes (and their statements) to every request.
  if (env().EMBEDDED_DATABASE) pipeline().drainOnCommit = true;
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
  const wakeup = current.wakeup;
  current.wakeup = undefined;
  await wakeup?.stop();
  await current.pass;
}
