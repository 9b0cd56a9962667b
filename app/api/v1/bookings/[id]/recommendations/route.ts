import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { addRecommendation, listRecommendations } from "@/lib/modules/garage/services/staff-recommendations";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await listRecommendations(principal, (await params).id));
});

export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await addRecommendation(principal, (await params).id, await jsonBody(request, z.unknown())), { status: 201 });
});
