import { describe, expect, it } from "vitest";
import * as redocAsset from "@/app/redoc/assets/[file]/route";
import * as redoc from "@/app/redoc/route";
import * as swaggerAsset from "@/app/docs/assets/[file]/route";
import * as swagger from "@/app/docs/route";

/** /docs and /redoc: served from the app itself (no CDN), under a CSP that allows nothing inline and nothing from elsewhere. */

async function text(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

describe("the API reference pages", () => {
  for (const [path, handler] of [["/docs", swagger.GET], ["/redoc", redoc.GET]] as const) {
    it(`${path} is an HTML page loading only this server's scripts, under a strict CSP`, async () => {
      const response = handler();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await text(response);
      expect(html).toContain("/api/openapi.json");
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(sources.length).toBeGreaterThan(2);
      for (const source of sources) expect(source, source).toMatch(/^\//);
      expect(html).not.toMatch(/<script>(?!<\/script>)/);
    });
  }

  it("serves the viewers' files from node_modules with their types, and nothing else", async () => {
    const bundle = await swaggerAsset.GET(new Request("http://localhost/docs/assets/swagger-ui-bundle.js"), { params: Promise.resolve({ file: "swagger-ui-bundle.js" }) });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("text/javascript");
    expect((await text(bundle)).length).toBeGreaterThan(100_000);
    const css = await swaggerAsset.GET(new Request("http://localhost/docs/assets/swagger-ui.css"), { params: Promise.resolve({ file: "swagger-ui.css" }) });
    expect(css.headers.get("content-type")).toContain("text/css");
    const standalone = await redocAsset.GET(new Request("http://localhost/redoc/assets/redoc.standalone.js"), { params: Promise.resolve({ file: "redoc.standalone.js" }) });
    expect(standalone.status).toBe(200);

    for (const file of ["../package.json", "..%2Fpackage.json", "index.html", "swagger-ui-bundle.js.map", "constructor", "__proto__"]) {
      const refused = await swaggerAsset.GET(new Request(`http://localhost/docs/assets/${file}`), { params: Promise.resolve({ file }) });
      expect(refused.status, file).toBe(404);
    }
  });
});
