import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { deleteSpot, getSpot, updateSpot } from "@/lib/modules/parking/services/spots";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => Response.json(await getSpot(await authenticate(request), (await params).id)));

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateSpot(principal, (await params).id, await jsonBody(request, z.unknown())));
});

export const DELETE = route<Params>(async (request, { params }) => {
  await deleteSpot(await authenticate(request), (await params).id);
  return new Response(null, { status: 204 });
});
