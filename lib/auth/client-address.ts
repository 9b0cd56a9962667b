import { env } from "../env";

/**
 * The entry of an `X-Forwarded-For` value to trust behind `hops` reverse proxies
 * that each append the address they saw: the one the outermost proxy appended,
 * i.e. the `hops`-th from the right (the leftmost if there are fewer). With no
 * proxy (0) every entry is the client's own words; the last one is returned as a
 * best effort. Shared by the app and the channel server.
 */
export function forwardedClientAddress(forwardedFor: string | undefined, hops: number): string | undefined {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trusted = Number.isInteger(hops) && hops > 0 ? hops : 1;
  return entries[Math.max(0, entries.length - trusted)];
}

/**
 * The client's address as seen through `TRUSTED_PROXY_HOPS` reverse proxies.
 *
 * Next.js fills `X-Forwarded-For` with the socket address only when the request
 * has none, so with no proxy in front (hops = 0) a client can put any value
 * there: the per-address limits are then best effort, while the per-account
 * limits cannot be dodged.
 */
export function clientAddress(headers: Headers, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  return forwardedClientAddress(headers.get("x-forwarded-for") ?? undefined, trustedProxyHops) ?? "unknown";
}
