import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { listRentals, requestRental } from "@/lib/modules/rentals/services/rentals";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listRentals(principal, searchParams(request)));
});

/** `{vehicleId, startDate, endDate}` → 201 with the PENDING rental. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await requestRental(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
