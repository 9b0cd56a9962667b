import { authenticate } from "@/lib/auth/authenticate";
import { readCookie } from "@/lib/auth/session-cookie";
import { endTokenSession } from "@/lib/auth/token-sessions";
import { clearedRefreshCookie, REFRESH_COOKIE } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Revokes the access token and the refresh token. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  await endTokenSession(principal, readCookie(request.headers.get("cookie"), REFRESH_COOKIE));
  return Response.json(
    { message: "Successfully logged out" },
    { headers: { "Set-Cookie": clearedRefreshCookie(), "Cache-Control": "no-store" } },
  );
});
