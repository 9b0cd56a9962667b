import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { getBookingInvoice, issueInvoice } from "@/lib/modules/garage/services/invoices";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getBookingInvoice(principal, (await params).id));
});

export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await issueInvoice(principal, (await params).id), { status: 201 });
});
