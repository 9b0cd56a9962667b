import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { setVehicleStatus } from "@/lib/modules/rentals/services/vehicles";

export const dynamic = "force-dynamic";

/** `{status: AVAILABLE | MAINTENANCE | RETIRED}` → 200 with the vehicle. */
export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await setVehicleStatus(principal, (await params).id, await jsonBody(request, z.unknown())));
});
