import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { stepAssignment } from "@/lib/modules/garage/services/assignments";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The body (`{note}`) is optional. */
export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const body = (await request.clone().text()) === "" ? {} : await jsonBody(request, z.unknown());
  return Response.json(await stepAssignment(principal, (await params).id, "finish", body));
});
