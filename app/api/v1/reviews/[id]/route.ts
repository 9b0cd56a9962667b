import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { deleteReview, getReview, updateReview } from "@/lib/modules/garage/services/reviews";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getReview(principal, (await params).id));
});

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateReview(principal, (await params).id, await jsonBody(request, z.unknown())));
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await deleteReview(principal, (await params).id);
  return new Response(null, { status: 204 });
});
