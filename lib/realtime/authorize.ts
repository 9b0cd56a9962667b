import { z } from "zod";
import type { Principal } from "../auth/principal";
import { env } from "../env";
import { ForbiddenError } from "../errors";
import { parseInput } from "../validation";
import { CHANNEL_NAME_PATTERN, PARKING_CHANNEL, roleChannel, SOCKET_ID_PATTERN, userChannel } from "./channels";
import { pusher } from "./publisher";

export const channelAuthSchema = z.object({
  socket_id: z.string().regex(SOCKET_ID_PATTERN, "must be a socket id like 123.456"),
  channel_name: z.string().regex(CHANNEL_NAME_PATTERN, "must be a channel name"),
});

/** Which private channels a principal may hear: its own user channel, its role's channel, the parking board. */
export function mayListen(principal: Principal, channel: string): boolean {
  return channel === userChannel(principal.userId) || channel === roleChannel(principal.role) || channel === PARKING_CHANNEL;
}

/** Signs a channel subscription (Pusher's `auth` signature) for what the caller may hear, and nothing else. */
export function authorizeChannel(principal: Principal, input: unknown): { auth: string } {
  const { socket_id: socketId, channel_name: channel } = parseInput(channelAuthSchema, input);
  if (!mayListen(principal, channel)) throw new ForbiddenError("You may not subscribe to this channel.");
  return pusher().authorizeChannel(socketId, channel);
}

/** What a browser needs to connect (public values only). */
export function clientConfig(requestUrl: string) {
  const config = env();
  return {
    key: config.PUSHER_KEY,
    wsHost: config.PUSHER_PUBLIC_HOST ?? new URL(requestUrl).hostname,
    wsPort: config.PUSHER_PUBLIC_PORT ?? config.PUSHER_PORT,
    forceTLS: config.PUSHER_PUBLIC_TLS ?? config.PUSHER_USE_TLS,
    cluster: "mt1",
    parkingChannel: PARKING_CHANNEL,
  };
}
