import { authenticateIfPresented } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listContentPages } from "@/lib/modules/garage/services/content";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticateIfPresented(request);
  return listResponse(await listContentPages(principal, searchParams(request)));
});
