import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { recordPayment } from "@/lib/modules/garage/services/invoices";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await recordPayment(principal, (await params).id, await jsonBody(request, z.unknown())), { status: 201 });
});
