/** next-auth's session cookie names (the `__Secure-` one is used over https). */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** A cookie value as sent; percent-encoding that does not decode makes it no value at all. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Every cookie of a `Cookie` header, decoded. The one place cookies are read:
 * a malformed value (`refresh_token=%`) counts as absent, never as an error.
 * The first occurrence of a name wins, as in browsers' own parsing.
 */
export function parseCookies(cookieHeader: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!cookieHeader) return cookies;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!name || Object.hasOwn(cookies, name)) continue;
    const value = decodeCookieValue(part.slice(separator + 1).trim());
    if (value !== undefined) cookies[name] = value;
  }
  return cookies;
}

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  const cookies = parseCookies(cookieHeader);
  return Object.hasOwn(cookies, name) ? cookies[name] : undefined;
}

export function sessionCookieValue(cookieHeader: string | null): string | undefined {
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies[name];
    if (value) return value;
  }
  return undefined;
}
