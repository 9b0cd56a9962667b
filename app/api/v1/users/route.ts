import { authenticate } from "@/lib/auth/authenticate";
import { listUsers } from "@/lib/identity/users";
import { route, searchParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  const { users, total } = await listUsers(principal, undefined, searchParams(request));
  return Response.json(users, { headers: { "X-Total-Count": String(total) } });
});
