import { authenticate } from "@/lib/auth/authenticate";
import { listUsers } from "@/lib/identity/users";
import { listResponse, route, searchParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listUsers(principal, undefined, searchParams(request)));
});
