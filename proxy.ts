import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieValue } from "@/lib/auth/session-cookie";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { REQUEST_PATH_HEADER, requestPathOf } from "@/lib/ui/request-path";

/**
 * Passes the requested page path to server components, which use it to send
 * signed-out visitors to `/login?callbackUrl=…`, and gives every page request a
 * request id (the caller's `X-Request-Id` when acceptable), passed on to the page
 * and returned in the response. Decides nothing itself: the pages check the session.
 * API routes get theirs from `route()` (lib/http/route.ts).
 *
 * The home page is prerendered for signed-out visitors, who reach it without this proxy (see `config`); a browser
 * with a session cookie gets `/welcome-back`, the same page rendered for whoever the cookie turns out to be
 * (checking the cookie is the page's job, not this one's).
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const requestId = requestIdFrom(request.headers);
  headers.set(REQUEST_PATH_HEADER, requestPathOf(request.nextUrl));
  headers.set(REQUEST_ID_HEADER, requestId);
  const signedInHome = request.nextUrl.pathname === "/" && sessionCookieValue(request.headers.get("cookie")) !== undefined;
  const response = signedInHome
    ? NextResponse.rewrite(new URL("/welcome-back", request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: [
    // Every page but the home page (`.+`, not `.*`)…
    "/((?!api/|_next/static|_next/image|favicon.ico).+)",
    // …and the home page only for a browser with a session cookie (SESSION_COOKIE_NAMES; the matcher must be
    // literal). Signed-out visitors get the prerendered copy without running the proxy: about 8 % of the
    // server's time per request in a profile of `npm run bench`.
    { source: "/", has: [{ type: "cookie", key: "next-auth.session-token" }] },
    { source: "/", has: [{ type: "cookie", key: "__Secure-next-auth.session-token" }] },
  ],
};
