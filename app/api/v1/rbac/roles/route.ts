import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { listRoles } from "@/lib/rbac/roles-admin";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => Response.json(await listRoles(await authenticate(request))));
