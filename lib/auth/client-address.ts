import { env } from "../env";

/**
 * The client's address as seen through `TRUSTED_PROXY_HOPS` reverse proxies.
 *
 * Next.js fills `X-Forwarded-For` with the socket address only when the request
 * has none, so with no proxy in front (hops = 0) a client can put any value
 * there: the per-address login limit is then best effort, while the
 * per-username limit cannot be dodged. Behind N proxies that each append the
 * address they saw, the N-th entry from the right is the one to trust.
 */
export function clientAddress(headers: Headers, trustedProxyHops = env().TRUSTED_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Number.isInteger(trustedProxyHops) && trustedProxyHops > 0 ? trustedProxyHops : 0;
  return entries[Math.max(0, entries.length - 1 - hops)] ?? "unknown";
}
