const PLACEHOLDER_ORIGIN = "http://wheelhouse.invalid";

/** Pages that would only bounce a freshly signed-in user back to a sign-in form. */
const SIGN_IN_PATHS = ["/login", "/register"];

/**
 * Where to go after signing in: `raw` when it is a path on this site (or an
 * absolute URL on `origin`), otherwise `fallback`. Guards against open redirects
 * such as `//evil.example`, `/\evil.example` and `https://evil.example`.
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string, fallback = "/dashboard"): string {
  if (!raw) return fallback;
  let candidate = raw.trim();
  if (origin && candidate.startsWith(`${origin}/`)) candidate = candidate.slice(origin.length);
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  if (SIGN_IN_PATHS.includes(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, asked to come back to `returnTo` afterwards. */
export function loginPath(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`;
}
