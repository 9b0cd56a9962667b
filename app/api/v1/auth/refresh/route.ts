import { clientAddress } from "@/lib/auth/client-address";
import { readCookie } from "@/lib/auth/session-cookie";
import { refreshTokenSession } from "@/lib/auth/token-sessions";
import { REFRESH_COOKIE, tokenResponse } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Refresh-token cookie → a new access token; the refresh token is rotated. */
export const POST = route(async (request) => {
  const { access, refresh } = await refreshTokenSession(readCookie(request.headers.get("cookie"), REFRESH_COOKIE), {
    clientIp: clientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  return tokenResponse(access, refresh);
});
