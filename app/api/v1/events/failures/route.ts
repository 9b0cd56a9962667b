import { authenticate } from "@/lib/auth/authenticate";
import { listFailures } from "@/lib/events/log";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => Response.json(await listFailures(await authenticate(request))));
