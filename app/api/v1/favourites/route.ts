import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, listResponse, route, searchParams } from "@/lib/http/route";
import { addFavourite, listFavourites } from "@/lib/modules/garage/services/favourites";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listFavourites(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  const { favourite, created } = await addFavourite(principal, await jsonBody(request, z.unknown()));
  return Response.json(favourite, { status: created ? 201 : 200 });
});
