import { env } from "../env";
import { SESSION_COOKIE_NAMES } from "../auth/session-cookie";
import type { Principal } from "../auth/principal";
import type { IssuedToken } from "../auth/tokens";

export const REFRESH_COOKIE = "refresh_token";
/** The refresh token is only ever sent to the auth routes. */
export const REFRESH_COOKIE_PATH = "/api/v1/auth";

export function refreshCookie(token: IssuedToken): string {
  const maxAge = Math.max(0, token.claims.exp - Math.floor(Date.now() / 1000));
  return [
    `${REFRESH_COOKIE}=${token.token}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(env().COOKIE_SECURE ? ["Secure"] : []),
  ].join("; ");
}

export function clearedRefreshCookie(): string {
  return [`${REFRESH_COOKIE}=`, `Path=${REFRESH_COOKIE_PATH}`, "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(env().COOKIE_SECURE ? ["Secure"] : [])].join("; ");
}

/** Expires next-auth's session cookie (both names): a browser session logged out through the API ends there. */
export function clearedSessionCookies(): string[] {
  return SESSION_COOKIE_NAMES.map((name) =>
    [`${name}=`, "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(name.startsWith("__Secure-") || env().COOKIE_SECURE ? ["Secure"] : [])].join("; "),
  );
}

export function tokenResponse(access: IssuedToken, refresh: IssuedToken): Response {
  return Response.json(
    { access_token: access.token, token_type: "bearer" },
    { headers: { "Set-Cookie": refreshCookie(refresh), "Cache-Control": "no-store" } },
  );
}

/** A logout's answer: the refresh cookie expires, and the session cookie too when a browser session called. */
export function signedOutResponse(principal: Principal, message: string): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearedRefreshCookie());
  if (principal.via === "session") for (const cookie of clearedSessionCookies()) headers.append("Set-Cookie", cookie);
  return Response.json({ message }, { headers });
}
