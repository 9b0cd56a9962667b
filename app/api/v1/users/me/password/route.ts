import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/identity/users";
import { jsonBody, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** `{currentPassword, newPassword}`; revokes every refresh token and browser session of the user. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  await changePassword(principal, await jsonBody(request, z.unknown()));
  return Response.json({ message: "Password changed" });
});
