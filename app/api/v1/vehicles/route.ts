import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route, searchParams } from "@/lib/http/route";
import { createVehicle, listVehicles } from "@/lib/modules/rentals/services/vehicles";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  const { items, total } = await listVehicles(principal, searchParams(request));
  return Response.json(items, { headers: { "X-Total-Count": String(total) } });
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createVehicle(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
