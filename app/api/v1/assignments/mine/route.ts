import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { myJobs } from "@/lib/modules/garage/services/assignments";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await myJobs(principal, searchParams(request)));
});
