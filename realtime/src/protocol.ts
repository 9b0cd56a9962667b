import { randomInt } from "node:crypto";
import { z } from "zod";

/** Pusher Channels protocol version this server speaks. */
export const PROTOCOL_VERSION = 7;

/**
 * Error and close codes of the Pusher Channels protocol. The ranges tell the client what to do:
 * 4000–4099 don't reconnect, 4100–4199 reconnect with back-off, 4200–4299 reconnect at once,
 * 4300–4399 other errors.
 */
export const PusherErrorCode = {
  applicationDoesNotExist: 4001,
  pathNotFound: 4005,
  invalidVersionStringFormat: 4006,
  unsupportedProtocolVersion: 4007,
  noProtocolVersionSupplied: 4008,
  unauthorizedConnection: 4009,
  overCapacity: 4100,
  reconnectImmediately: 4200,
  pongReplyNotReceived: 4201,
  clientEventRateLimited: 4301,
} as const;

/** RFC 6455 close code for a frame above the size limit (the `ws` package sends it on its own). */
export const MESSAGE_TOO_BIG_CLOSE_CODE = 1009;

export const MAX_CHANNEL_NAME_LENGTH = 200;
export const MAX_EVENT_NAME_LENGTH = 200;
const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]+$/;
export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;

export type ChannelKind = "public" | "private" | "encrypted" | "presence";

export function isValidChannelName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_CHANNEL_NAME_LENGTH && CHANNEL_NAME_PATTERN.test(name);
}

export function channelKind(name: string): ChannelKind {
  if (name.startsWith("presence-")) return "presence";
  if (name.startsWith("private-encrypted-")) return "encrypted";
  if (name.startsWith("private-")) return "private";
  return "public";
}

export function requiresAuthorization(kind: ChannelKind): boolean {
  return kind !== "public";
}

/** Client events are allowed where every subscriber was authorized and the server can read the payload. */
export function allowsClientEvents(kind: ChannelKind): boolean {
  return kind === "private" || kind === "presence";
}

export function isClientEventName(event: string): boolean {
  return event.startsWith("client-");
}

export function isReservedEventName(event: string): boolean {
  return event.startsWith("pusher:") || event.startsWith("pusher_internal:");
}

/** `\d+.\d+`, unique enough across instances without coordination. */
export function newSocketId(): string {
  return `${randomInt(1, 2 ** 47)}.${randomInt(1, 2 ** 47)}`;
}

export interface PresenceMember {
  userId: string;
  userInfo: unknown;
}

/** A message as it goes over the wire, in either direction. */
export interface WireMessage {
  event: string;
  channel?: string;
  data?: unknown;
  user_id?: string;
}

export function encodeMessage(message: WireMessage): string {
  return JSON.stringify(message);
}

export function errorMessage(code: number | null, message: string): string {
  return encodeMessage({ event: "pusher:error", data: { code, message } });
}

export const incomingMessageSchema = z.object({
  event: z.string().min(1),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});

/** Some clients send `data` as a JSON string, pusher-js sends an object; accept both. */
export function decodeData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

export const subscribeDataSchema = z.object({
  channel: z.string(),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
});

export const unsubscribeDataSchema = z.object({ channel: z.string() });

export const signinDataSchema = z.object({ auth: z.string(), user_data: z.string() });

/** The `user_data` a user authentication signs: who the socket belongs to. */
export const signedInUserSchema = z.object({ id: z.string().min(1).max(200) });

/** The channel pusher-js joins after signing in, for events sent to the user (`#server-to-user-{id}`). */
export const SERVER_TO_USER_PREFIX = "#server-to-user-";

/** The presence `channel_data` a channel authorizer signs: who the member is. */
export const presenceChannelDataSchema = z.object({
  user_id: z.union([z.string().min(1), z.number().finite()]).transform(String),
  user_info: z.unknown().optional(),
});

/** `pusher_internal:subscription_succeeded` data of a presence channel. */
export function presenceSubscriptionData(members: Map<string, unknown>): string {
  const hash: Record<string, unknown> = {};
  for (const [userId, userInfo] of members) hash[userId] = userInfo ?? null;
  return JSON.stringify({ presence: { ids: [...members.keys()], hash, count: members.size } });
}
