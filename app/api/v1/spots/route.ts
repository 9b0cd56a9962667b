import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { createSpot, listSpots } from "@/lib/modules/parking/services/spots";

export const dynamic = "force-dynamic";

/** Filters: availableNow, availableFrom + availableTo, zone, kind, ownerId, limit, offset. */
export const GET = route(async (request) => listResponse(await listSpots(await authenticate(request), searchParams(request))));

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createSpot(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
