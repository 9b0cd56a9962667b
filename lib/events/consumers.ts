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
  /**
   * Optional: a batch's events at once, under the same contract as `handle` for each of them (e.g. one insert, or one
   * publish request, for them all). If it throws anything but a `TransientConsumerError`, its writes are rolled back
   * and the batch is handled again event by event through `handle`, which finds the failing event.
   */
  handleBatch?(events: readonly LoggedEvent[], tx: Transaction): Promise<AfterCommit | undefined>;
  /**
   * The handler never touches the database (it only publishes): its events are handled without a savepoint each
   * (two statements per event), since a failing one leaves nothing to undo. Using `tx` then throws.
   */
  readonly databaseFree?: boolean;
}

/** What a `databaseFree` consumer gets instead of the transaction. */
function transactionRefusedTo(group: string): Transaction {
  return new Proxy({} as Transaction, {
    get() {
      throw new Error(`The consumer group ${group} is databaseFree and may not use the transaction.`);
    },
  });
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

/** How many events one consumer transaction handles (each behind its own savepoint). */
const CONSUMER_BATCH = 100;

export interface ConsumerPosition {
  group: string;
  topic: Topic;
  /** The topic's last offset in the log (0: nothing logged yet). */
  head: bigint;
  /** The group's committed offset; null when the group has never run on the topic. */
  position: bigint | null;
}

/**
 * Where each (group, topic) stands against the log, in one statement — what a pipeline pass at rest costs.
 * `outboxPending` says whether committed events wait to be drained into the log.
 */
export async function consumerPositions(
  client: PrismaClient,
  consumers: readonly Consumer[],
): Promise<{ outboxPending: boolean; positions: ConsumerPosition[] }> {
  const pairs = consumers.flatMap((consumer) => consumer.topics.map((topic) => ({ group: consumer.group, topic })));
  const rows = await client.$queryRaw<Array<{ consumer_group: string; topic: Topic; head: bigint; position: bigint | null; outbox_pending: boolean }>>`
    SELECT pair.consumer_group, pair.topic, COALESCE(topics.last_offset, 0)::bigint AS head, groups."offset" AS position,
      EXISTS (SELECT 1 FROM outbox_events WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()) AS outbox_pending
    FROM unnest(${pairs.map((pair) => pair.group)}::text[], ${pairs.map((pair) => pair.topic)}::text[]) AS pair(consumer_group, topic)
    LEFT JOIN topic_offsets topics ON topics.topic = pair.topic
    LEFT JOIN consumer_offsets groups ON groups.consumer_group = pair.consumer_group AND groups.topic = pair.topic`;
  return {
    outboxPending: rows.some((row) => row.outbox_pending),
    positions: rows.map((row) => ({ group: row.consumer_group, topic: row.topic, head: row.head, position: row.position })),
  };
}

/** The topics a group has not caught up on; a group new to a topic gets its offset row (from the earliest offset). */
async function topicsBehind(client: PrismaClient, consumer: Consumer, positions: readonly ConsumerPosition[]): Promise<Topic[]> {
  const mine = positions.filter((position) => position.group === consumer.group);
  const unseen = mine.filter((position) => position.position === null).map((position) => position.topic);
  if (unseen.length > 0) {
    await client.$executeRaw`
      INSERT INTO consumer_offsets (consumer_group, topic, "offset", updated_at)
      SELECT ${consumer.group}, topic, 0, now() FROM unnest(${unseen}::text[]) AS unseen(topic)
      ON CONFLICT DO NOTHING`;
  }
  return mine.filter((position) => position.head > (position.position ?? 0n)).map((position) => position.topic);
}

/**
 * Runs a consumer group over the topics where it is behind the log, from its committed offsets (the earliest offset
 * for a new group). Events are handled in batches, one transaction each: lock the group's offset row (SKIP LOCKED:
 * another instance of the group is busy with this topic → skip), handle each event behind a savepoint, advance the
 * offset past the last one handled. A failing event ends its batch; what came before it commits, and the event itself
 * then goes its own way (retried on later runs, set aside after MAX_HANDLER_ATTEMPTS).
 * `positions` (from `consumerPositions`) spares the statement that finds where the group stands.
 */
export async function runConsumer(
  consumer: Consumer,
  client: PrismaClient = db,
  limit = 500,
  positions?: readonly ConsumerPosition[],
): Promise<ConsumeResult> {
  const result: ConsumeResult = { handled: 0, failed: 0 };
  const known = positions ?? (await consumerPositions(client, [consumer])).positions;
  for (const topic of await topicsBehind(client, consumer, known)) {
    let budget = limit;
    while (budget > 0) {
      const batch = await consumeBatch(consumer, topic, client, Math.min(budget, CONSUMER_BATCH));
      result.handled += batch.handled;
      budget -= batch.handled;
      if (batch.transient) throw batch.transient;
      if (batch.failure) {
        if ((await recordHandlerFailure(consumer, batch.failure.event, batch.failure.error, client)) === "retry-later") break;
        result.failed += 1;
        budget -= 1;
        continue;
      }
      if (batch.handled < batch.asked || batch.asked === 0) break;
    }
  }
  return result;
}

interface BatchOutcome {
  asked: number;
  handled: number;
  /** An event failed (its writes rolled back to its savepoint): the batch stopped before it. */
  failure?: { event: LoggedEvent; error: unknown };
  /** The handler said a peer is away: the batch stopped before that event, and the run waits. */
  transient?: TransientConsumerError;
}

async function consumeBatch(consumer: Consumer, topic: Topic, client: PrismaClient, size: number): Promise<BatchOutcome> {
  const afterCommits: AfterCommit[] = [];
  const outcome: BatchOutcome = await client.$transaction(
    async (tx) => {
      const batch: BatchOutcome = { asked: size, handled: 0 };
      const [position] = await tx.$queryRaw<Array<{ offset: bigint }>>`
        SELECT "offset" FROM consumer_offsets
        WHERE consumer_group = ${consumer.group} AND topic = ${topic}
        FOR UPDATE SKIP LOCKED`;
      if (!position) return { ...batch, asked: 0 };
      const rows = await tx.$queryRaw<LogRow[]>`
        SELECT id, topic, "offset", key, type, payload, actor, schema_version, occurred_at
        FROM event_log WHERE topic = ${topic} AND "offset" > ${position.offset}
        ORDER BY "offset" LIMIT ${size}`;
      let lastHandled: bigint | undefined;
      const savepoints = consumer.databaseFree !== true;
      const handlerTx = savepoints ? tx : transactionRefusedTo(consumer.group);
      if (consumer.handleBatch && rows.length > 1) {
        if (savepoints) await tx.$executeRaw`SAVEPOINT consumer_batch`;
        try {
          const afterCommit = await consumer.handleBatch(rows.map(toLoggedEvent), handlerTx);
          if (savepoints) await tx.$executeRaw`RELEASE SAVEPOINT consumer_batch`;
          if (afterCommit) afterCommits.push(afterCommit);
          for (const row of rows) failedAttempts.delete(`${consumer.group}:${topic}:${row.offset}`);
          lastHandled = rows.at(-1)!.offset;
          batch.handled = rows.length;
        } catch (error) {
          if (savepoints) await tx.$executeRaw`ROLLBACK TO SAVEPOINT consumer_batch`;
          if (error instanceof TransientConsumerError) batch.transient = error;
          // Anything else: event by event below, which finds the culprit.
        }
      }
      for (const row of lastHandled === undefined && !batch.transient ? rows : []) {
        if (savepoints) await tx.$executeRaw`SAVEPOINT consumer_event`;
        const event = toLoggedEvent(row);
        try {
          const afterCommit = await consumer.handle(event, handlerTx);
          if (savepoints) await tx.$executeRaw`RELEASE SAVEPOINT consumer_event`;
          if (afterCommit) afterCommits.push(afterCommit);
          failedAttempts.delete(`${consumer.group}:${topic}:${row.offset}`);
          lastHandled = row.offset;
          batch.handled += 1;
        } catch (error) {
          if (savepoints) await tx.$executeRaw`ROLLBACK TO SAVEPOINT consumer_event`;
          if (error instanceof TransientConsumerError) batch.transient = error;
          else batch.failure = { event, error };
          break;
        }
      }
      if (lastHandled !== undefined) {
        await tx.$executeRaw`
          UPDATE consumer_offsets SET "offset" = ${lastHandled}, updated_at = now()
          WHERE consumer_group = ${consumer.group} AND topic = ${topic}`;
      }
      return batch;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  for (const afterCommit of afterCommits) {
    await afterCommit().catch((error: unknown) => log.warn({ err: error, group: consumer.group }, "after-commit step failed"));
  }
  return outcome;
}

function toLoggedEvent(row: LogRow): LoggedEvent {
  return {
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
