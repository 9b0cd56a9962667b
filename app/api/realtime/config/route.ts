import { route } from "@/lib/http/route";
import { clientConfig } from "@/lib/realtime/authorize";

export const dynamic = "force-dynamic";

/** Public client settings for pusher-js. */
export const GET = route(async (request) => Response.json(clientConfig(request), { headers: { "Cache-Control": "no-store" } }));
