import { NO_STORE } from "@/lib/platform/http";

export const dynamic = "force-dynamic";

const startedAt = Date.now();

/** Liveness: the process answers. Says nothing about dependencies (see /api/ready). */
export function GET() {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    { headers: NO_STORE },
  );
}
