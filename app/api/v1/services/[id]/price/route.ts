import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { getServicePrice } from "@/lib/modules/garage/services/price-chart";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getServicePrice(principal, (await params).id, searchParams(request)));
});
