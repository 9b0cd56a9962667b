import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listNotificationLogs } from "@/lib/notifications/logs";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => listResponse(await listNotificationLogs(await authenticate(request), searchParams(request))));
