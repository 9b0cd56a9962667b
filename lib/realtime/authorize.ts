import { z } from "zod";
import type { Principal } from "../auth/principal";
import { env } from "../env";
import { ForbiddenError } from "../errors";
import { parseInput } from "../validation";
import { modules } from "../modules/registry";
import type { Scope } from "../rbac/scopes";
import { CHANNEL_NAME_PATTERN, roleChannel, SOCKET_ID_PATTERN, userChannel } from "./channels";
import { pusher } from "./publisher";

export const channelAuthSchema = z.object({
  socket_id: z.string().regex(SOCKET_ID_PATTERN, "must be a socket id like 123.456"),
  channel_name: z.string().regex(CHANNEL_NAME_PATTERN, "must be a channel name"),
});

/** Which private channels a principal may hear: its own user channel, its role's channel, and the modules' channels its scopes open. */
export function mayListen(principal: Principal, channel: string): boolean {
  if (channel === userChannel(principal.userId) || channel === roleChannel(principal.role)) return true;
  return modules().some((module) => module.channels?.some((entry) => entry.name === channel && principal.scopes.has(entry.scope as Scope)));
}

/** Each module's live channel for browsers, as `<module name>Channel`. */
function moduleChannels(): Record<string, string> {
  return Object.fromEntries(modules().flatMap((module) => (module.channels ?? []).map((channel) => [`${module.name}Channel`, channel.name])));
}

/** Signs a channel subscription (Pusher's `auth` signature) for what the caller may hear, and nothing else. */
export function authorizeChannel(principal: Principal, input: unknown): { auth: string } {
  const { socket_id: socketId, channel_name: channel } = parseInput(channelAuthSchema, input);
  if (!mayListen(principal, channel)) throw new ForbiddenError("You may not subscribe to this channel.");
  return pusher().authorizeChannel(socketId, channel);
}

export const userAuthSchema = z.object({
  socket_id: z.string().regex(SOCKET_ID_PATTERN, "must be a socket id like 123.456"),
});

/**
 * Signs a socket in as the caller (Pusher's user authentication, `pusher:signin`), so that
 * `endLiveAccess` finds it on any Pusher-protocol server, hosted Pusher and Soketi included.
 * Only the public id goes in `user_data`.
 */
export function authenticateUser(principal: Principal, input: unknown): { auth: string; user_data: string } {
  const { socket_id: socketId } = parseInput(userAuthSchema, input);
  return pusher().authenticateUser(socketId, { id: principal.userId });
}

function hostnameOf(hostHeader: string | null | undefined): string | undefined {
  const host = hostHeader?.trim();
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The host name the browser reached the app by: the nearest trusted proxy's
 * X-Forwarded-Host behind TRUSTED_PROXY_HOPS proxies, else the Host header.
 * (`request.url` is no use: `next start` fills it in with its own hostname.)
 */
function requestHostname(request: Request, trustedProxyHops: number): string {
  const forwarded = trustedProxyHops > 0 ? request.headers.get("x-forwarded-host")?.split(",").at(-1) : undefined;
  return hostnameOf(forwarded) ?? hostnameOf(request.headers.get("host")) ?? new URL(request.url).hostname;
}

/** What a browser needs to connect (public values only). */
export function clientConfig(request: Request) {
  const config = env();
  return {
    key: config.PUSHER_KEY,
    wsHost: config.PUSHER_PUBLIC_HOST ?? requestHostname(request, config.TRUSTED_PROXY_HOPS),
    wsPort: config.PUSHER_PUBLIC_PORT ?? config.PUSHER_PORT,
    forceTLS: config.PUSHER_PUBLIC_TLS ?? config.PUSHER_USE_TLS,
    // pusher-js needs a cluster name; with explicit hosts (the bundled server, Soketi) it is not used.
    cluster: config.PUSHER_CLUSTER ?? "mt1",
    ...moduleChannels(),
  };
}
