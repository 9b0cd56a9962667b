import type { Transaction } from "../db";
import type { Prisma } from "../generated/prisma/client";
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

type OutboxRow = Prisma.OutboxEventCreateManyInput;

/** Events recorded in a transaction run by `transaction()` wait here, in order, for its one insert at the end. */
const pendingByTransaction = new WeakMap<Transaction, OutboxRow[]>();

function outboxRow<Shape extends EventShape>(event: DomainEvent<Shape>): OutboxRow {
  return {
    topic: event.topic,
    key: event.key,
    type: event.type,
    // A snapshot now: the caller may change the object after recording it.
    payload: JSON.parse(JSON.stringify(event.payload)) as Prisma.InputJsonObject,
    actor: event.actor,
    schemaVersion: event.schemaVersion ?? 1,
  };
}

/**
 * Records an event in the caller's transaction (the outbox); it commits or rolls back with the change. Inside
 * `transaction()` the transaction's events go in with one insert before it commits; elsewhere at once.
 */
export async function recordEvent<Shape extends EventShape>(tx: Transaction, event: DomainEvent<Shape>): Promise<void> {
  const pending = pendingByTransaction.get(tx);
  if (pending) pending.push(outboxRow(event));
  else await tx.outboxEvent.create({ data: outboxRow(event) });
}

/** Runs `work` collecting the events it records, then writes them to the outbox in one statement, still inside `tx`. */
export async function withOneOutboxInsert<T>(tx: Transaction, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const pending: OutboxRow[] = [];
  pendingByTransaction.set(tx, pending);
  try {
    const result = await work(tx);
    if (pending.length > 0) await tx.outboxEvent.createMany({ data: pending });
    return result;
  } finally {
    pendingByTransaction.delete(tx);
  }
}
