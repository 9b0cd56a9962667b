import { route } from "@/lib/http/route";
import { servedOpenApiDocument } from "@/lib/openapi/served";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of `/api/v1`: public, and cacheable (it changes only with a deployment). */
export const GET = route(async (request) => {
  const { body, etag } = servedOpenApiDocument();
  const headers = { "Cache-Control": "public, max-age=300", ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
});
