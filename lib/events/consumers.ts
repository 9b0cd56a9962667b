import { db, type PrismaClient, type Transaction } from "../db";
import type { Topic } from "./outbox";
import type { LoggedEvent } from "./types";
import { componentLogger } from "../observability/logger";

const log = componentLogger("events");

/** Thrown by a handler when the failure is not the event's fault (e.g. a peer is down): retry later, don't count it. */
export class TransientConsumerError extends Error {}

export type AfterCommit = () => Promise<void>;

export interface Consumer {
  /** The consumer group; its committed offsets live in consumer_offsets. */
  group: string;
  topics: readonly Topic[];
  /**
   * Handles one event. Database writes made through `tx` commit together with
   * the group's offset, so their effect is exactly once; side effects outside
   * the database (publishing) happen at least once and must be idempotent.
   * A returned function runs after the commit (best effort), e.g. to announce what was written.
   */
  handle(event: LoggedEvent, tx: Transaction): Promise<AfterCommit | undefined>;
}

interface LogRow {
  id: bigint;
  topic: Topic;
  offset: bigint;
  key: string;
  type: string;
  payload: unknown;
  actor: string | null;
  schema_version: number;
  occurred_at: Date;
}

export interface ConsumeResult {
  handled: number;
  failed: number;
}

/** How many times a consumer tries one event before recording it in consumer_failures and moving on. */
const MAX_HANDLER_ATTEMPTS = 5;
const failedAttempts = new Map<string, number>();

/**
 * Runs a consumer group over its topics from its committed offsets (the earliest
 * offset for a new group). One transaction per event: lock the group's offset row
 * (SKIP LOCKED: another instance of the group is busy with this topic → skip),
 * handle, advance the offset.
 */
export async function runConsumer(consumer: Consumer, client: PrismaClient = db, limit = 500): Promise<ConsumeResult> {
  const result: ConsumeResult = { handled: 0, failed: 0 };
  for (const topic of consumer.topics) {
    await client.$executeRaw`
      INSERT INTO consumer_offsets (consumer_group, topic, "offset", updated_at)
      VALUES (${consumer.group}, ${topic}, 0, now()) ON CONFLICT DO NOTHING`;
    for (let index = 0; index < limit; index++) {
      const step = await consumeOne(consumer, topic, client);
      if (step === "idle" || step === "retry-later") break;
      result[step] += 1;
    }
  }
  return result;
}

type Step = "handled" | "failed" | "idle" | "retry-later";

async function consumeOne(consumer: Consumer, topic: Topic, client: PrismaClient): Promise<Step> {
  let event: LoggedEvent | undefined;
  const pending: { afterCommit?: AfterCommit } = {};
  try {
    const step: Step = await client.$transaction(
      async (tx) => {
        const [position] = await tx.$queryRaw<Array<{ offset: bigint }>>`
          SELECT "offset" FROM consumer_offsets
          WHERE consumer_group = ${consumer.group} AND topic = ${topic}
          FOR UPDATE SKIP LOCKED`;
        if (!position) return "idle";
        const [row] = await tx.$queryRaw<LogRow[]>`
          SELECT id, topic, "offset", key, type, payload, actor, schema_version, occurred_at
          FROM event_log WHERE topic = ${topic} AND "offset" > ${position.offset}
          ORDER BY "offset" LIMIT 1`;
        if (!row) return "idle";
        event = {
          id: row.id,
          topic: row.topic,
          offset: row.offset,
          key: row.key,
          type: row.type,
          payload: row.payload,
          actor: row.actor,
          schemaVersion: row.schema_version,
          occurredAt: row.occurred_at,
        };
        pending.afterCommit = await consumer.handle(event, tx);
        await tx.$executeRaw`
          UPDATE consumer_offsets SET "offset" = ${row.offset}, updated_at = now()
          WHERE consumer_group = ${consumer.group} AND topic = ${topic}`;
        failedAttempts.delete(`${consumer.group}:${topic}:${row.offset}`);
        return "handled";
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    if (step === "handled" && pending.afterCommit) {
      await pending.afterCommit().catch((error: unknown) =>
        log.warn({ err: error, group: consumer.group }, "after-commit step failed"),
      );
    }
    return step;
  } catch (error) {
    if (!event || error instanceof TransientConsumerError) throw error;
    return recordHandlerFailure(consumer, event, error, client);
  }
}

/** A handler failure: retried on the next run; after MAX_HANDLER_ATTEMPTS the event is set aside for admins. */
async function recordHandlerFailure(
  consumer: Consumer,
  event: LoggedEvent,
  error: unknown,
  client: PrismaClient,
): Promise<"failed" | "retry-later"> {
  const key = `${consumer.group}:${event.topic}:${event.offset}`;
  const attempts = (failedAttempts.get(key) ?? 0) + 1;
  failedAttempts.set(key, attempts);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  log.error({ group: consumer.group, topic: event.topic, offset: event.offset.toString(), attempts, error: message }, "consumer failed on an event");
  if (attempts < MAX_HANDLER_ATTEMPTS) return "retry-later";
  failedAttempts.delete(key);
  await client.$transaction(async (tx) => {
    await tx.consumerFailure.upsert({
      where: { consumerGroup_topic_offset: { consumerGroup: consumer.group, topic: event.topic, offset: event.offset } },
      create: { consumerGroup: consumer.group, topic: event.topic, offset: event.offset, error: message, attempts },
      update: { error: message, attempts, failedAt: new Date() },
    });
    await tx.$executeRaw`
      UPDATE consumer_offsets SET "offset" = GREATEST("offset", ${event.offset}), updated_at = now()
      WHERE consumer_group = ${consumer.group} AND topic = ${event.topic}`;
  });
  return "failed";
}
