/** next-auth's session cookie names (the `__Secure-` one is used over https). */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

export function sessionCookieValue(cookieHeader: string | null): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = readCookie(cookieHeader, name);
    if (value) return value;
  }
  return undefined;
}
