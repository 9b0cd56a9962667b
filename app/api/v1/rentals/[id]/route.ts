import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { getRental } from "@/lib/modules/rentals/services/rentals";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getRental(principal, (await params).id));
});
