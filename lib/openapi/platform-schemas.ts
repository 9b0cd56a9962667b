import { z } from "zod";
import { allTopics } from "../events/topics";
import type { listFailures, readEvents } from "../events/log";
import type { LoggedEventJson } from "../events/types";
import type { Topic } from "../events/outbox";
import { ROLE_NAMES } from "../identity/roles";
import type { UserView } from "../identity/users";
import type { listNotifications, markNotificationsRead, NotificationView } from "../notifications/service";
import { allScopes } from "../rbac/catalogue";
import type { RoleView } from "../rbac/roles-admin";
import type { Scope } from "../rbac/scopes";

/**
 * The JSON shapes the platform's REST operations return. Their TypeScript types stay
 * next to the services; `satisfies` keeps each schema's output assignable to its type.
 * Topics and scopes come from the registry, so the schemas are built on first use.
 */

const instant = z.iso.datetime();

export const tokenSchema = z.strictObject({
  access_token: z.string().describe("A JWT: send it as `Authorization: Bearer <token>`."),
  token_type: z.literal("bearer"),
}).meta({ title: "Token" });

export const messageSchema = z.strictObject({ message: z.string() }).meta({ title: "Message" });

export const userViewSchema = z
  .strictObject({
    id: z.string().describe("The public id: a role prefix and six digits (CST000001)."),
    name: z.string(),
    role: z.enum(ROLE_NAMES),
    roleId: z.number().int(),
    phone: z.string().optional(),
    email: z.string().optional(),
    credits: z.number().int().optional(),
    createdAt: instant.optional(),
    updatedAt: instant.optional(),
  })
  .describe("Contact details, credits and dates only for the user themself and for user managers (UPDATE:USERS).").meta({ title: "UserView" }) satisfies z.ZodType<UserView>;

export const notificationViewSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  type: z.string(),
  read: z.boolean(),
  createdAt: instant,
}).meta({ title: "NotificationView" }) satisfies z.ZodType<NotificationView>;

export const notificationListSchema = z.strictObject({ unread: z.number().int(), notifications: z.array(notificationViewSchema) }).meta({ title: "NotificationList" }) satisfies z.ZodType<
  Awaited<ReturnType<typeof listNotifications>>
>;

export const markedReadSchema = z.strictObject({ updated: z.number().int() }) satisfies z.ZodType<Awaited<ReturnType<typeof markNotificationsRead>>>;

function topicSchema() {
  return z.enum(allTopics() as [Topic, ...Topic[]]);
}

function scopeSchema() {
  return z.enum(allScopes() as [Scope, ...Scope[]]);
}

export function roleViewSchema() {
  return z.strictObject({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    description: z.string(),
    scopes: z.array(scopeSchema()),
  }).meta({ title: "RoleView" }) satisfies z.ZodType<RoleView>;
}

export function loggedEventSchema() {
  return z.strictObject({
    id: z.string(),
    topic: topicSchema(),
    offset: z.number().int(),
    key: z.string(),
    type: z.string(),
    payload: z.unknown().describe("The event's JSON payload; its shape depends on the topic and type."),
    actor: z.string().nullable(),
    schemaVersion: z.number().int(),
    occurredAt: instant,
  }).meta({ title: "LoggedEvent" }) satisfies z.ZodType<LoggedEventJson>;
}

export function eventPageSchema() {
  return z.strictObject({
    topic: topicSchema(),
    events: z.array(loggedEventSchema()),
    nextAfter: z.number().int().describe("Pass as `after` for the next page."),
    lastOffset: z.number().int().describe("The topic's newest offset."),
  }) satisfies z.ZodType<Awaited<ReturnType<typeof readEvents>>>;
}

/** `GET /events` documents its topic as the list of topics (the service checks it with `isTopic`). */
export function eventQueryDocumentation() {
  return z.object({
    topic: topicSchema(),
    after: z.string().regex(/^\d{1,16}$/).optional().describe("Offset to read after (default 0)."),
    limit: z.string().regex(/^\d{1,16}$/).optional().describe("1 to 500 (default 100)."),
    type: z.string().max(100).optional(),
    key: z.string().max(100).optional(),
  });
}

export const eventFailuresSchema = z.strictObject({
  pendingOutbox: z.number().int(),
  parkedOutbox: z.array(
    z.strictObject({
      id: z.string(),
      topic: z.string(),
      key: z.string(),
      type: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: instant,
      parkedAt: instant.nullable(),
    }),
  ),
  consumerFailures: z.array(
    z.strictObject({
      consumerGroup: z.string(),
      topic: z.string(),
      offset: z.number().int(),
      error: z.string(),
      attempts: z.number().int(),
      failedAt: instant,
    }),
  ),
}).meta({ title: "EventFailures" }) satisfies z.ZodType<Awaited<ReturnType<typeof listFailures>>>;

/** A refused account deletion: what the account still has live, counted per kind (each module names its kinds). */
export const liveCommitmentsConflictSchema = z
  .object({ detail: z.string() })
  .catchall(z.number().int().describe("How many of this kind the account still has live."));
