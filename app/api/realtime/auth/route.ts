import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { formBody, route } from "@/lib/http/route";
import { authorizeChannel } from "@/lib/realtime/authorize";

export const dynamic = "force-dynamic";

/** pusher-js channel authorization: form `socket_id`, `channel_name`; session cookie or bearer token. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(authorizeChannel(principal, await formBody(request, z.record(z.string(), z.string()))));
});
