import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { listReservations, reserve } from "@/lib/modules/parking/services/reservations";

export const dynamic = "force-dynamic";

/** Mine (made by me or on my spots); `all=true` for admins; filters `status`, `role=reserver|owner`. */
export const GET = route(async (request) => listResponse(await listReservations(await authenticate(request), searchParams(request))));

/** `{spotId, startsAt, endsAt}` → 201 with the reservation. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await reserve(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
