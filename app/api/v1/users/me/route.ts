import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { currentUser, updateUser } from "@/lib/identity/users";
import { jsonBody, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await currentUser(principal));
});

/** Edit one's own profile: needs UPDATE on one's role resource (e.g. UPDATE:CUSTOMERS). */
export const PATCH = route(async (request) => {
  const principal = await authenticate(request);
  const body = await jsonBody(request, z.unknown());
  return Response.json(await updateUser(principal, principal.userId, body, principal.role));
});
