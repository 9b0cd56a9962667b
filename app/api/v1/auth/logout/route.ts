import { authenticate } from "@/lib/auth/authenticate";
import { readCookie } from "@/lib/auth/session-cookie";
import { endTokenSession } from "@/lib/auth/token-sessions";
import { clearedRefreshCookie, clearedSessionCookies, REFRESH_COOKIE } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Revokes the access token and the refresh token; a browser session calling it is signed out too. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  await endTokenSession(principal, readCookie(request.headers.get("cookie"), REFRESH_COOKIE));
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearedRefreshCookie());
  if (principal.via === "session") for (const cookie of clearedSessionCookies()) headers.append("Set-Cookie", cookie);
  return Response.json({ message: "Successfully logged out" }, { headers });
});
