import type { Transaction } from "../db";
import type { SqlTransaction } from "./transaction";
import type { ModuleTopic } from "../modules/registry";

/** The platform's own topics; every module adds its own (its `topics`). The full list: `allTopics()` in ./topics.ts. */
export const PLATFORM_TOPICS = ["user_events", "security_events"] as const;
export type PlatformTopic = (typeof PLATFORM_TOPICS)[number];
export type Topic = PlatformTopic | ModuleTopic;

/** What an event says: its topic, its type and its payload. Each module narrows this to a union of its own (its `events.ts`). */
export interface EventShape {
  topic: Topic;
  /** `<aggregate>.<what happened>`, e.g. `user.registered`. */
  type: string;
  /** The aggregate's full state after the change (any JSON-serialisable object). */
  payload: object;
}

export type DomainEvent<Shape extends EventShape = EventShape> = Shape & {
  /** The aggregate's id. */
  key: string;
  actor: string | null;
  schemaVersion?: number;
};

/** An event as the outbox stores it; the payload already JSON (a snapshot: the caller may change the object later). */
export interface OutboxRow {
  topic: Topic;
  key: string;
  type: string;
  payload: string;
  actor: string | null;
  schemaVersion: number;
}

/** Events recorded in a transaction run by `transaction()` wait here, in order, for its one insert at the end. */
const pendingByTransaction = new WeakMap<Transaction, OutboxRow[]>();

export function outboxRow<Shape extends EventShape>(event: DomainEvent<Shape>): OutboxRow {
  return {
    topic: event.topic,
    key: event.key,
    type: event.type,
    payload: JSON.stringify(event.payload),
    actor: event.actor,
    schemaVersion: event.schemaVersion ?? 1,
  };
}

function isSqlTransaction(tx: Transaction | SqlTransaction): tx is SqlTransaction {
  return "recordEvent" in tx;
}

/** The one statement that writes a transaction's events to the outbox, in order: the same text for any number of rows. */
export function outboxInsert(rows: readonly OutboxRow[]): { text: string; values: unknown[] } {
  return {
    text: `INSERT INTO outbox_events (topic, key, type, payload, actor, schema_version)
           SELECT topic, key, type, payload::jsonb, actor, schema_version
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) WITH ORDINALITY
                AS event(topic, key, type, payload, actor, schema_version, position)
           ORDER BY position`,
    values: [
      rows.map((row) => row.topic),
      rows.map((row) => row.key),
      rows.map((row) => row.type),
      rows.map((row) => row.payload),
      rows.map((row) => row.actor),
      rows.map((row) => row.schemaVersion),
    ],
  };
}

/**
 * Records an event in the caller's transaction (the outbox); it commits or rolls back with the change. Inside
 * `transaction()` the transaction's events go in with one insert before it commits; elsewhere at once.
 */
export async function recordEvent<Shape extends EventShape>(tx: Transaction | SqlTransaction, event: DomainEvent<Shape>): Promise<void> {
  if (isSqlTransaction(tx)) {
    tx.recordEvent(event);
    return;
  }
  const pending = pendingByTransaction.get(tx);
  if (pending) {
    pending.push(outboxRow(event));
    return;
  }
  const { text, values } = outboxInsert([outboxRow(event)]);
  await tx.$executeRawUnsafe(text, ...values);
}

/** Runs `work` collecting the events it records, then writes them to the outbox in one statement, still inside `tx`. */
export async function withOneOutboxInsert<T>(tx: Transaction, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const pending: OutboxRow[] = [];
  pendingByTransaction.set(tx, pending);
  try {
    const result = await work(tx);
    if (pending.length > 0) {
      const { text, values } = outboxInsert(pending);
      await tx.$executeRawUnsafe(text, ...values);
    }
    return result;
  } finally {
    pendingByTransaction.delete(tx);
  }
}
