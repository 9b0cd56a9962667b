import { db, type PrismaClient, type Transaction } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { isTopic } from "./topics";

interface OutboxRow {
  id: bigint;
  topic: string;
  key: string;
  type: string;
  payload: unknown;
  actor: string | null;
  schema_version: number;
  created_at: Date;
  attempts: number;
}

export interface DrainResult {
  appended: number;
  failed: number;
  parked: number;
}

/** A drain that moved nothing; each drain counts up from here. */
export function emptyDrainResult(): DrainResult {
  return { appended: 0, failed: 0, parked: 0 };
}

/** Any constant; all drainers of one database take the same transaction-scoped advisory lock. */
const DRAIN_LOCK = 4_207_001;

class PoisonEventError extends Error {}

function backoffSeconds(attempts: number): number {
  return Math.min(300, 2 ** attempts);
}

function checkAppendable(row: OutboxRow): void {
  if (!isTopic(row.topic)) throw new PoisonEventError(`unknown topic "${row.topic}"`);
  if (row.payload === null || typeof row.payload !== "object" || Array.isArray(row.payload)) {
    throw new PoisonEventError("payload must be a JSON object");
  }
}

/**
 * Appends rows (already claimed, in outbox order) to the log: per topic one offset
 * reservation (`last_offset += n` under the counter's row lock) and one multi-row
 * insert, then one update marking them processed.
 */
async function appendToLog(tx: Transaction, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const byTopic = new Map<string, OutboxRow[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
  for (const [topic, topicRows] of byTopic) {
    const count = topicRows.length;
    const [{ last_offset: lastOffset }] = (await tx.$queryRaw<Array<{ last_offset: bigint }>>`
      INSERT INTO topic_offsets (topic, last_offset) VALUES (${topic}, ${count})
      ON CONFLICT (topic) DO UPDATE SET last_offset = topic_offsets.last_offset + ${count}
      RETURNING last_offset`) as [{ last_offset: bigint }];
    const firstOffset = lastOffset - BigInt(count) + 1n;
    await tx.eventLogEntry.createMany({
      data: topicRows.map((row, index) => ({
        topic,
        offset: firstOffset + BigInt(index),
        key: row.key,
        type: row.type,
        payload: row.payload as Prisma.InputJsonObject,
        actor: row.actor,
        schemaVersion: row.schema_version,
        occurredAt: row.created_at,
        outboxId: row.id,
      })),
    });
  }
  const ids = rows.map((row) => row.id);
  await tx.$executeRaw`UPDATE outbox_events SET processed_at = now(), attempts = attempts + 1 WHERE id = ANY(${ids}::bigint[])`;
}

async function recordFailure(client: PrismaClient | Transaction, row: OutboxRow, error: unknown, maxAttempts: number): Promise<"failed" | "parked"> {
  const attempts = row.attempts + 1;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const parked = attempts >= maxAttempts;
  await client.$executeRaw`
    UPDATE outbox_events
    SET attempts = ${attempts}, last_error = ${message},
        next_attempt_at = now() + make_interval(secs => ${backoffSeconds(attempts)}),
        parked_at = ${parked ? new Date() : null}
    WHERE id = ${row.id}`;
  return parked ? "parked" : "failed";
}

async function claim(tx: Transaction, batchSize: number): Promise<OutboxRow[]> {
  // One drainer at a time per database keeps each topic's offsets in commit order;
  // SKIP LOCKED keeps claims disjoint even without that lock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DRAIN_LOCK})`;
  return tx.$queryRaw<OutboxRow[]>`
    SELECT id, topic, key, type, payload, actor, schema_version, created_at, attempts
    FROM outbox_events
    WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()
    ORDER BY id
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
}

type Counts = DrainResult;

async function drainBatch(client: PrismaClient, batchSize: number, maxAttempts: number): Promise<Counts & { claimed: number }> {
  return client.$transaction(
    async (tx) => {
      const counts = emptyDrainResult();
      const rows = await claim(tx, batchSize);
      const appendable: OutboxRow[] = [];
      for (const row of rows) {
        try {
          checkAppendable(row);
          appendable.push(row);
        } catch (error) {
          if (!(error instanceof PoisonEventError)) throw error;
          counts[await recordFailure(tx, row, error, maxAttempts)] += 1;
        }
      }
      await appendToLog(tx, appendable);
      counts.appended = appendable.length;
      return { ...counts, claimed: rows.length };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** After a batch failed as a whole: one row per transaction, so the culprit is found and the rest go through. */
async function drainOneByOne(client: PrismaClient, limit: number, maxAttempts: number): Promise<Counts> {
  const counts = emptyDrainResult();
  for (let index = 0; index < limit; index++) {
    let current: OutboxRow | undefined;
    try {
      const appended = await client.$transaction(async (tx) => {
        [current] = await claim(tx, 1);
        if (current) {
          checkAppendable(current);
          await appendToLog(tx, [current]);
        }
        return current !== undefined;
      });
      if (!appended) break;
      counts.appended += 1;
    } catch (error) {
      if (!current) throw error;
      counts[await recordFailure(client, current, error, maxAttempts)] += 1;
    }
  }
  return counts;
}

/**
 * Moves committed outbox rows into the event log, each exactly once, with a
 * gap-free offset per topic. A bad row backs off and is parked after
 * `maxAttempts`; it never blocks the rows behind it.
 */
export async function drainOutbox(
  client: PrismaClient = db,
  options: { batchSize?: number; maxAttempts?: number; maxBatches?: number } = {},
): Promise<DrainResult> {
  const config = env();
  const batchSize = options.batchSize ?? config.OUTBOX_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? config.OUTBOX_MAX_ATTEMPTS;
  const total = emptyDrainResult();
  const add = (counts: Counts) => {
    total.appended += counts.appended;
    total.failed += counts.failed;
    total.parked += counts.parked;
  };

  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    try {
      const outcome = await drainBatch(client, batchSize, maxAttempts);
      add(outcome);
      if (outcome.claimed < batchSize) break;
    } catch {
      add(await drainOneByOne(client, batchSize, maxAttempts));
    }
  }
  return total;
}
