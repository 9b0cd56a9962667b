import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { getInspection, startInspection, updateInspection } from "@/lib/modules/garage/services/inspections";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getInspection(principal, (await params).id));
});

export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await startInspection(principal, (await params).id, await jsonBody(request, z.unknown())), { status: 201 });
});

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateInspection(principal, (await params).id, await jsonBody(request, z.unknown())));
});
