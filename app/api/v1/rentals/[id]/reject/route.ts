import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { rejectRental } from "@/lib/modules/rentals/services/rentals";

export const dynamic = "force-dynamic";

/** `{reason}` → 200 with the REJECTED rental. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await rejectRental(principal, (await params).id, await jsonBody(request, z.unknown())));
});
