import { authenticate } from "@/lib/auth/authenticate";
import { readCookie } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";
import { signedOutResponse, REFRESH_COOKIE } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Revokes the access token and the refresh token, or the browser session calling it (and expires its cookie). */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  await signOut(principal, readCookie(request.headers.get("cookie"), REFRESH_COOKIE));
  return signedOutResponse(principal, "Successfully logged out");
});
