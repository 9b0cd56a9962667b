import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, requestPathOf } from "@/lib/ui/request-path";

/**
 * Passes the requested page path to server components, which use it to send
 * signed-out visitors to `/login?callbackUrl=…`. Decides nothing itself: the
 * pages check the session.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, requestPathOf(request.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
