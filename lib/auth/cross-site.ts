import { env } from "../env";
import { ForbiddenError } from "../errors";

export const CROSS_SITE_REFUSED = "Cross-site request refused.";

/** Methods that change nothing; a cross-site GET can read nothing either (no CORS headers are sent). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The hosts a page of this app can be served from: the configured public origin, and the
 * host this request was addressed to (`Host`, `X-Forwarded-Host`). Comparing `Origin` with
 * the addressed host is what browsers' and Next.js's own same-origin checks do: a page on
 * another site cannot make a victim's browser send our host with its own origin, nor set
 * `X-Forwarded-Host` without a CORS preflight that this app never answers.
 */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(env().PUBLIC_ORIGIN).host, new URL(request.url).host]);
  for (const header of ["host", "x-forwarded-host"]) {
    const value = request.headers.get(header)?.split(",")[0]?.trim();
    if (value) hosts.add(value.toLowerCase());
  }
  return hosts;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, privacy redirects) or garbage
  }
}

/**
 * CSRF defence for credentials a browser attaches by itself (the session and refresh-token
 * cookies): a state-changing request must come from this app's own pages. Refused when the
 * browser says the request is `cross-site` or `same-site` (`Sec-Fetch-Site`), or when it
 * names an `Origin` that is not this app. Requests with neither header (old browsers,
 * scripts) pass here; `jsonBody` still refuses anything but `application/json`, which a
 * page on another site cannot send without a CORS preflight.
 */
export function assertOwnSiteRequest(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") throw new ForbiddenError(CROSS_SITE_REFUSED);
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = originHost(origin);
  if (host === null || !ownHosts(request).has(host)) throw new ForbiddenError(CROSS_SITE_REFUSED);
}
