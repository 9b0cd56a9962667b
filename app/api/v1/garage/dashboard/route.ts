import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { garageDashboard } from "@/lib/modules/garage/services/dashboard";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await garageDashboard(principal, searchParams(request)));
});
