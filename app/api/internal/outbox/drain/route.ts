import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { UnauthorizedError } from "@/lib/errors";
import { runEventPipeline } from "@/lib/events/scheduler";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const presented = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${env().secrets.internalApi}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** The worker route: drains the outbox and runs the consumers. `Authorization: Bearer <INTERNAL_API_SECRET>`. */
export const POST = route(async (request) => {
  if (!authorized(request)) throw new UnauthorizedError("Invalid internal credentials.");
  return Response.json(await runEventPipeline());
});
