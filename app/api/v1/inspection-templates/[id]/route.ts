import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { deleteInspectionTemplate, getInspectionTemplate, updateInspectionTemplate } from "@/lib/modules/garage/services/inspection-templates";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getInspectionTemplate(principal, (await params).id));
});

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateInspectionTemplate(principal, (await params).id, await jsonBody(request, z.unknown())));
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await deleteInspectionTemplate(principal, (await params).id);
  return new Response(null, { status: 204 });
});
