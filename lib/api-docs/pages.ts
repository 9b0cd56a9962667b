import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The interactive API reference: Swagger UI at /docs and ReDoc at /redoc, both served
 * from the app's own node_modules (no CDN: they work offline and under a strict CSP)
 * and both reading the one OpenAPI document at /api/openapi.json.
 */

export const OPENAPI_DOCUMENT_PATH = "/api/openapi.json";

/** Nothing inline, nothing from elsewhere; the viewers inject styles and ReDoc runs a search worker. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export interface VendorAsset {
  /** Inside node_modules. */
  file: string;
  contentType: string;
}

export const SWAGGER_ASSETS: Readonly<Record<string, VendorAsset>> = {
  "swagger-ui.css": { file: "swagger-ui-dist/swagger-ui.css", contentType: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "swagger-ui-dist/swagger-ui-bundle.js", contentType: "text/javascript; charset=utf-8" },
  "swagger-ui-standalone-preset.js": { file: "swagger-ui-dist/swagger-ui-standalone-preset.js", contentType: "text/javascript; charset=utf-8" },
};

export const REDOC_ASSETS: Readonly<Record<string, VendorAsset>> = {
  "redoc.standalone.js": { file: "redoc/bundles/redoc.standalone.js", contentType: "text/javascript; charset=utf-8" },
};

function htmlResponse(body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "Cache-Control": "no-cache",
    },
  });
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · Wheelhouse</title>
<link rel="stylesheet" href="/api-docs/theme.css">
${head}
</head>
<body>
<header class="wh-docs-header">
  <a class="wh-docs-home" href="/">Wheelhouse</a>
  <nav aria-label="API reference">
    <a href="/docs"${title === "API explorer" ? ' aria-current="page"' : ""}>Explorer (Swagger UI)</a>
    <a href="/redoc"${title === "API reference" ? ' aria-current="page"' : ""}>Reference (ReDoc)</a>
    <a href="${OPENAPI_DOCUMENT_PATH}">openapi.json</a>
  </nav>
</header>
${body}
</body>
</html>`;
}

/** Swagger UI: try every operation against this server (authorize with a bearer token from POST /api/v1/auth/login). */
export function swaggerPage(): Response {
  return htmlResponse(
    page(
      "API explorer",
      `<link rel="stylesheet" href="/docs/assets/swagger-ui.css">`,
      // Swagger UI renders its own <main id="operations">: a <main> around it would make two, one inside the other.
      `<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/api-docs/swagger-init.js"></script>`,
    ),
  );
}

/** ReDoc: the same document as a three-panel reference. */
export function redocPage(): Response {
  return htmlResponse(
    page(
      "API reference",
      "",
      `<main id="redoc"></main>
<script src="/redoc/assets/redoc.standalone.js"></script>
<script src="/api-docs/redoc-init.js"></script>`,
    ),
  );
}

/** A vendor file from node_modules, by its public name; anything else is a 404. */
export async function vendorAsset(assets: Readonly<Record<string, VendorAsset>>, name: string): Promise<Response> {
  const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
  if (!asset) return Response.json({ detail: "Not found." }, { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", asset.file));
  return new Response(body, {
    headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}
