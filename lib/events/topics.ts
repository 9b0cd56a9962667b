import { modules } from "../modules/registry";
import { PLATFORM_TOPICS, type Topic } from "./outbox";

/** Every topic: the platform's, then each module's in registry order. */
export function allTopics(): readonly Topic[] {
  return [...PLATFORM_TOPICS, ...modules().flatMap((module) => module.topics as readonly Topic[])];
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && (allTopics() as readonly string[]).includes(value);
}
