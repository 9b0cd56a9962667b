import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { submitInspection } from "@/lib/modules/garage/services/inspections";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await submitInspection(principal, (await params).id));
});
