import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { autoAssign } from "@/lib/modules/garage/services/assignments";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await autoAssign(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
