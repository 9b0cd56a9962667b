import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listGstRates } from "@/lib/modules/garage/services/gst";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listGstRates(principal, searchParams(request)));
});
