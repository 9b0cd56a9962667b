import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { markNotificationsRead } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

/** `{"ids": ["12", …]}` or `{"all": true}`. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await markNotificationsRead(principal, await jsonBody(request, z.unknown())));
});
