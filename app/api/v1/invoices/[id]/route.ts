import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { getInvoice } from "@/lib/modules/garage/services/invoices";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getInvoice(principal, (await params).id));
});
