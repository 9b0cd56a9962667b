import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listServiceReviews } from "@/lib/modules/garage/services/reviews";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return listResponse(await listServiceReviews(principal, (await params).id, searchParams(request)));
});
