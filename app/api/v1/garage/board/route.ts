import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { workshopBoard } from "@/lib/modules/garage/services/workshop";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await workshopBoard(principal, searchParams(request)));
});
