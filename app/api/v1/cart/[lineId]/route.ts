import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { moveCartLine, removeCartLine } from "@/lib/modules/garage/services/cart";

export const dynamic = "force-dynamic";

type Params = { lineId: string };

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await moveCartLine(principal, (await params).lineId, await jsonBody(request, z.unknown())));
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await removeCartLine(principal, (await params).lineId);
  return new Response(null, { status: 204 });
});
