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

/** Records an event in the caller's transaction (the outbox); it commits or rolls back with the change. */
export async function recordEvent<Shape extends EventShape>(tx: Transaction, event: DomainEvent<Shape>): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      topic: event.topic,
      key: event.key,
      type: event.type,
      payload: JSON.parse(JSON.stringify(event.payload)) as Prisma.InputJsonObject,
      actor: event.actor,
      schemaVersion: event.schemaVersion ?? 1,
    },
  });
}
