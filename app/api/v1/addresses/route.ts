import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { createAddress, listAddresses } from "@/lib/modules/garage/services/addresses";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listAddresses(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createAddress(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
