import { clientAddress } from "@/lib/auth/client-address";
import { loginFormSchema, verifyCredentials } from "@/lib/auth/credentials";
import { startTokenSession } from "@/lib/auth/token-sessions";
import { tokenResponse } from "@/lib/http/auth-cookies";
import { formBody, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** OAuth2 password form: `username` (phone or email) and `password`; a JSON body has neither field (422). */
export const POST = route(async (request) => {
  const { username, password } = await formBody(request, loginFormSchema);
  const clientIp = clientAddress(request.headers);
  const user = await verifyCredentials(username, password, clientIp);
  const { access, refresh } = await startTokenSession(user, { clientIp, userAgent: request.headers.get("user-agent") });
  return tokenResponse(access, refresh);
});
