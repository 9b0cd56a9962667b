import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { listFreeSlots } from "@/lib/modules/garage/services/slots";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await listFreeSlots(principal, searchParams(request)));
});
