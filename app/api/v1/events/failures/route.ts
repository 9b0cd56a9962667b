import { authenticate } from "@/lib/auth/authenticate";
import { listFailures } from "@/lib/events/log";
import { route, searchParams } from "@/lib/http/route";
import { noParameters, parseQuery } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  parseQuery(noParameters, searchParams(request));
  return Response.json(await listFailures(principal));
});
