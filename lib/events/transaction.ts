import { db, directTransaction, type SqlClient, type Transaction } from "../db";
import { outboxInsert, outboxRow, withOneOutboxInsert, type DomainEvent, type EventShape, type OutboxRow } from "./outbox";
import { kickEventPipeline } from "./scheduler";

/**
 * Runs a state change in one transaction. Events recorded with `recordEvent(tx, …)`
 * commit with it, written to the outbox in one insert at its end; once committed, the
 * event pipeline is kicked for low latency.
 */
export async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await db.$transaction((tx) => withOneOutboxInsert(tx, work), { timeout: 30_000, maxWait: 30_000 });
  kickEventPipeline();
  return result;
}

/** A `sqlTransaction`'s handle: its statements, and the events it records for the outbox. */
export interface SqlTransaction extends SqlClient {
  recordEvent<Shape extends EventShape>(event: DomainEvent<Shape>): void;
}

/**
 * `transaction()` in SQL for the hottest write paths (`directTransaction`: no Prisma, so no per-statement compile):
 * the same outbox insert at its end, the same kick after the commit.
 */
export async function sqlTransaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const result = await directTransaction(async (sql) => {
    const pending: OutboxRow[] = [];
    const value = await work({ query: sql.query, recordEvent: (event) => void pending.push(outboxRow(event)) });
    if (pending.length > 0) {
      const { text, values } = outboxInsert(pending);
      await sql.query(text, values);
    }
    return value;
  });
  kickEventPipeline();
  return result;
}
