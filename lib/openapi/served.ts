import { createHash } from "node:crypto";
import { openApiDocument } from "./document";

let served: { body: string; etag: string } | undefined;

/** The document's JSON text and its ETag, built once per process (it depends only on the code). */
export function servedOpenApiDocument(): { body: string; etag: string } {
  if (!served) {
    const body = JSON.stringify(openApiDocument());
    served = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return served;
}
