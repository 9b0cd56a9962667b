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
 * The home page is prerendered for signed-out visitors; a browser with a session cookie gets `/welcome-back`, the
 * same page rendered for whoever the cookie turns out to be (checking the cookie is the page's job, not this one's).
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
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
