import { authenticate } from "@/lib/auth/authenticate";
import { readEvents } from "@/lib/events/log";
import { route, searchParams } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** `?topic=&after=&limit=` (plus optional `type`, `key`): one topic of the event log, oldest first. */
export const GET = route(async (request) => Response.json(await readEvents(await authenticate(request), searchParams(request))));
