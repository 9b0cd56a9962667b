import http from "node:http";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/** A raw request: browsers and Playwright's client refuse to send TRACE themselves. */
function raw(baseURL: string, method: string, path: string): Promise<{ status: number; allow?: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path: url.pathname + url.search }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow }));
    });
    request.on("error", reject);
    request.end();
  });
}

test.describe("bad input is a 4xx in the running app", () => {
  test("unknown or malformed spot and vehicle ids answer HTTP 404", async ({ page }) => {
    await signIn(page, "resident@wheelhouse.local");
    for (const path of ["/parking/spots/zzz", "/parking/spots/00000000-0000-4000-8000-000000000000", "/rentals/vehicles/zzz"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });

  test("a NUL in a page's query string is a page with a message, not a 500", async ({ page }) => {
    await signIn(page, "resident@wheelhouse.local");
    for (const path of ["/rentals?city=%00", "/parking?zone=%00", "/parking/credits?before=%00"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
    }
  });

  test("TRACE is 405 and PROPFIND 501 on pages and API routes, with Allow", async ({ baseURL }) => {
    for (const path of ["/", "/parking", "/api/v1/spots", "/api/graphql"]) {
      const trace = await raw(baseURL!, "TRACE", path);
      expect(trace.status, `TRACE ${path}`).toBe(405);
      expect(trace.allow).toContain("GET");
      expect((await raw(baseURL!, "PROPFIND", path)).status, `PROPFIND ${path}`).toBe(501);
    }
  });

  test("a path whose percent-encoding does not decode is a 400 on pages and API routes, not a 500", async ({ baseURL }) => {
    for (const path of ["/api/v1/rentals/%ff%fe", "/api/v1/spots/%ff", "/parking/spots/%ff", "/rentals/vehicles/%E0%A4%A"]) {
      expect((await raw(baseURL!, "GET", path)).status, path).toBe(400);
    }
  });
});
