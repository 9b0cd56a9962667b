import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { createInspectionTemplate, listInspectionTemplates } from "@/lib/modules/garage/services/inspection-templates";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listInspectionTemplates(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createInspectionTemplate(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
