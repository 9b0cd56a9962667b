import { authenticate } from "@/lib/auth/authenticate";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { signedOutResponse } from "@/lib/http/auth-cookies";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Sign out everywhere: every browser session and every access and refresh token of the caller. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  await signOutEverywhere(principal);
  return signedOutResponse(principal, "Signed out everywhere");
});
