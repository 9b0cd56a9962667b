import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route, searchParams } from "@/lib/http/route";
import { addCartLine, clearCart, getCart } from "@/lib/modules/garage/services/cart";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await getCart(principal, searchParams(request)));
});

export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await addCartLine(principal, await jsonBody(request, z.unknown())), { status: 201 });
});

export const DELETE = route(async (request) => {
  const principal = await authenticate(request);
  await clearCart(principal, searchParams(request));
  return new Response(null, { status: 204 });
});
