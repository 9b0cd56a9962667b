import { db, type Transaction } from "../db";
import { withOneOutboxInsert } from "./outbox";
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
