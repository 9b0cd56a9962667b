import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { updateGstRate } from "@/lib/modules/garage/services/gst";

export const dynamic = "force-dynamic";

type Params = { code: string };

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateGstRate(principal, (await params).code, await jsonBody(request, z.unknown())));
});
