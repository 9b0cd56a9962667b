import { z } from "zod";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { requireScope } from "../rbac/permissions";
import { parseQuery, queryInteger, safeText } from "../validation";
import type { Topic } from "./outbox";
import { isTopic } from "./topics";
import { toEventJson, type LoggedEvent, type LoggedEventJson } from "./types";

export const eventQuerySchema = z.object({
  topic: z.custom<Topic>((value) => isTopic(value), { message: `must be one of the topics` }),
  after: queryInteger(0, Number.MAX_SAFE_INTEGER, 0),
  limit: queryInteger(1, 500, 100),
  type: safeText(100).optional(),
  key: safeText(100).optional(),
});

/** Reads one topic of the event log after an offset (admins: `READ:EVENTS`). */
export async function readEvents(
  principal: Principal,
  query: unknown,
): Promise<{ topic: string; events: LoggedEventJson[]; nextAfter: number; lastOffset: number }> {
  await requireScope(principal, "READ:EVENTS");
  const { topic, after, limit, type, key } = parseQuery(eventQuerySchema, query);
  const [rows, head] = await Promise.all([
    db.eventLogEntry.findMany({
      where: { topic, offset: { gt: BigInt(after) }, ...(type ? { type } : {}), ...(key ? { key } : {}) },
      orderBy: { offset: "asc" },
      take: limit,
    }),
    db.topicOffset.findUnique({ where: { topic } }),
  ]);
  const events = rows.map((row) =>
    toEventJson({ ...row, topic, schemaVersion: row.schemaVersion } satisfies LoggedEvent),
  );
  return {
    topic,
    events,
    nextAfter: events.at(-1)?.offset ?? after,
    lastOffset: Number(head?.lastOffset ?? 0),
  };
}

/** Outbox rows parked after too many failed drains, and events consumers gave up on. */
export async function listFailures(principal: Principal) {
  await requireScope(principal, "READ:EVENTS");
  const [parked, consumerFailures, pending] = await Promise.all([
    db.outboxEvent.findMany({ where: { parkedAt: { not: null } }, orderBy: { id: "desc" }, take: 200 }),
    db.consumerFailure.findMany({ orderBy: { id: "desc" }, take: 200 }),
    db.outboxEvent.count({ where: { processedAt: null, parkedAt: null } }),
  ]);
  return {
    pendingOutbox: pending,
    parkedOutbox: parked.map((row) => ({
      id: row.id.toString(),
      topic: row.topic,
      key: row.key,
      type: row.type,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      parkedAt: row.parkedAt?.toISOString() ?? null,
    })),
    consumerFailures: consumerFailures.map((row) => ({
      consumerGroup: row.consumerGroup,
      topic: row.topic,
      offset: Number(row.offset),
      error: row.error,
      attempts: row.attempts,
      failedAt: row.failedAt.toISOString(),
    })),
  };
}
