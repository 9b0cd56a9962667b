import { listResponse, route, searchParams } from "@/lib/http/route";
import { listContentPages, principalIfPresented } from "@/lib/modules/garage/services/content";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await principalIfPresented(request);
  return listResponse(await listContentPages(principal, searchParams(request)));
});
