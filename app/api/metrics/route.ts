import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { metricsExposition } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

function presentsToken(request: Request, token: string): boolean {
  const presented = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * Prometheus metrics: `Authorization: Bearer <METRICS_TOKEN>`. In production on your own
 * database without METRICS_TOKEN the endpoint does not exist (404).
 */
export const GET = route(async (request) => {
  const token = env().metricsToken;
  if (token === undefined) throw new NotFoundError();
  if (!presentsToken(request, token)) throw new UnauthorizedError("Invalid metrics token.");
  const { body, contentType } = await metricsExposition();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
