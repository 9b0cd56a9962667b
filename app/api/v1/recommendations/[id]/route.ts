import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { updateRecommendation } from "@/lib/modules/garage/services/staff-recommendations";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateRecommendation(principal, (await params).id, await jsonBody(request, z.unknown())));
});
