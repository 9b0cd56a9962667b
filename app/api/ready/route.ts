import { db } from "@/lib/db";
import { store } from "@/lib/kv";
import { NO_STORE } from "@/lib/platform/http";
import { checkReadiness } from "@/lib/platform/readiness";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, every migration applied, cache reachable. 200 or 503. */
export async function GET() {
  const report = await checkReadiness(db, store());
  return Response.json(report, { status: report.status === "ready" ? 200 : 503, headers: NO_STORE });
}
