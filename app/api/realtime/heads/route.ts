import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { readLiveCursor } from "@/lib/realtime/live-cursor";

export const dynamic = "force-dynamic";

/**
 * The live stream's heads for the caller: each topic's last offset and their newest
 * notification. A page compares them with the cursor it was rendered at, after its
 * channels subscribed, to know whether it missed anything.
 */
export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await readLiveCursor(principal.userId), { headers: { "Cache-Control": "no-store" } });
});
