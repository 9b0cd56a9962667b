import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { repriceCart } from "@/lib/modules/garage/services/cart";

export const dynamic = "force-dynamic";

/** The customer accepts today's prices for every line. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await repriceCart(principal, searchParams(request)));
});
