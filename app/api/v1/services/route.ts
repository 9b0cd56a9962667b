import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { createService, listServices } from "@/lib/modules/garage/services/catalogue";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listServices(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createService(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
