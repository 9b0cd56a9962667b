import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { answerQuery, getQuery } from "@/lib/modules/garage/services/queries";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getQuery(principal, (await params).id));
});

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await answerQuery(principal, (await params).id, await jsonBody(request, z.unknown())));
});
