import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/service";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => Response.json(await listNotifications(await authenticate(request))));
