import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { formBody, route } from "@/lib/http/route";
import { authenticateUser } from "@/lib/realtime/authorize";

export const dynamic = "force-dynamic";

/** pusher-js user authentication (`signin`): form `socket_id`; session cookie or bearer token. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(authenticateUser(principal, await formBody(request, z.record(z.string(), z.string()))));
});
