import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { sendAnnouncement } from "@/lib/notifications/announcements";

export const dynamic = "force-dynamic";

/** The body is checked by the service, after the scope: a caller without it hears 403 whatever they send. */
export const POST = route(async (request) => {
  const principal = await authenticate(request);
  return Response.json(await sendAnnouncement(principal, await jsonBody(request, z.unknown())), { status: 201 });
});
