import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route, searchParams } from "@/lib/http/route";
import { getAvailability, publishWindow, setAvailability } from "@/lib/modules/parking/services/availability";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** `?from=&to=`: windows and busy periods. */
export const GET = route<Params>(async (request, { params }) =>
  Response.json(await getAvailability(await authenticate(request), (await params).id, searchParams(request))),
);

/** `{from, to}`: publish a window. */
export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await publishWindow(principal, (await params).id, await jsonBody(request, z.unknown())), { status: 201 });
});

/** The quick toggle: `{available: true, until}` or `{available: false}`. */
export const PUT = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await setAvailability(principal, (await params).id, await jsonBody(request, z.unknown())));
});
