import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { pickUpRental } from "@/lib/modules/rentals/services/rentals";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await pickUpRental(principal, (await params).id));
});
