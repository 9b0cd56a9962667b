import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { createReview, listReviews } from "@/lib/modules/garage/services/reviews";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listReviews(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await createReview(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
