import { clientAddress } from "@/lib/auth/client-address";
import { assertOwnSiteRequest } from "@/lib/auth/cross-site";
import { readCookie } from "@/lib/auth/session-cookie";
import { refreshTokenSession } from "@/lib/auth/token-sessions";
import { REFRESH_COOKIE, tokenResponse } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Refresh-token cookie → a new access token; the refresh token is rotated. */
export const POST = route(async (request) => {
  const refreshToken = readCookie(request.headers.get("cookie"), REFRESH_COOKIE);
  // A cookie the browser attaches by itself: only this app's pages may use it.
  if (refreshToken) assertOwnSiteRequest(request);
  const { access, refresh } = await refreshTokenSession(refreshToken, {
    clientIp: clientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  return tokenResponse(access, refresh);
});
