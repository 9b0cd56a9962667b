import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listInvoices } from "@/lib/modules/garage/services/invoices";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listInvoices(principal, searchParams(request)));
});
