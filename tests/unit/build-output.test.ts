import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startupChunks } from "@/lib/platform/build-manifests";
import { addCompileHints, COMPILE_HINT } from "@/lib/platform/compile-hints";
import { offlineShellEntries } from "@/lib/platform/precache";

const CHUNK_SOURCE = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([null,1,(e)=>{e.v("chunk")}]);\n';

/** A `.next/` shaped like Next 16's: the build manifest, three routes' client reference manifests and their chunks. */
function buildOutput() {
  const next = mkdtempSync(path.join(tmpdir(), "wheelhouse-hints-"));
  const chunk = (name: string) => {
    mkdirSync(path.join(next, "static", "chunks"), { recursive: true });
    writeFileSync(path.join(next, "static", "chunks", name), CHUNK_SOURCE);
  };
  for (const name of ["runtime.js", "framework.js", "layout.js", "board.js", "forbidden.js", "toaster.js", "worker.js", "polyfills.js", "retry.js"]) chunk(name);
  writeFileSync(
    path.join(next, "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfills.js"],
      rootMainFiles: ["static/chunks/runtime.js", "static/chunks/framework.js"],
    }),
  );
  const manifest = (route: string, entryJSFiles: Record<string, string[]>) => {
    const directory = path.join(next, "server", "app", ...route.split("/").filter(Boolean));
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      path.join(directory, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST=(globalThis.__RSC_MANIFEST||{});globalThis.__RSC_MANIFEST["${route}/page"]=${JSON.stringify({
        entryJSFiles,
        entryCSSFiles: { "[project]/app/layout": [{ path: "static/chunks/styles.css" }] },
      })};`,
    );
  };
  manifest("/parking", {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/parking/forbidden": ["static/chunks/layout.js", "static/chunks/forbidden.js"],
    "[project]/app/parking/page": ["static/chunks/layout.js", "static/chunks/board.js"],
  });
  manifest("/rentals", { "[project]/app/layout": ["static/chunks/layout.js"] });
  manifest("/offline", { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/offline/page": ["static/chunks/retry.js"] });
  return next;
}

const read = (next: string, chunk: string) => readFileSync(path.join(next, "static", "chunks", chunk), "utf8");

describe("the chunks pages start with", () => {
  it("are the framework's chunks and every route segment's entry chunks, boundaries included, once each", () => {
    expect(startupChunks(buildOutput())).toEqual([
      "static/chunks/board.js",
      "static/chunks/forbidden.js",
      "static/chunks/framework.js",
      "static/chunks/layout.js",
      "static/chunks/retry.js",
      "static/chunks/runtime.js",
    ]);
  });

  it("can be those of one route", () => {
    expect(startupChunks(buildOutput(), ["/offline/page"])).toEqual([
      "static/chunks/framework.js",
      "static/chunks/layout.js",
      "static/chunks/retry.js",
      "static/chunks/runtime.js",
    ]);
  });
});

describe("the service worker's precache", () => {
  const globbed = (...urls: string[]) => urls.map((url) => ({ url, revision: null, size: 1 }));

  it("keeps the offline page's scripts, every style sheet, font and image, and drops every other script", () => {
    const entries = globbed(
      ".next/static/chunks/runtime.js",
      ".next/static/chunks/framework.js",
      ".next/static/chunks/layout.js",
      ".next/static/chunks/retry.js",
      ".next/static/chunks/board.js",
      ".next/static/chunks/toaster.js",
      ".next/static/chunks/styles.css",
      ".next/static/media/geist.woff2",
      "public/icons/icon-192.png",
      "public/api-docs/swagger-init.js",
    );
    expect(offlineShellEntries(entries, buildOutput()).map((entry) => entry.url)).toEqual([
      ".next/static/chunks/runtime.js",
      ".next/static/chunks/framework.js",
      ".next/static/chunks/layout.js",
      ".next/static/chunks/retry.js",
      ".next/static/chunks/styles.css",
      ".next/static/media/geist.woff2",
      "public/icons/icon-192.png",
    ]);
  });

  it("refuses to build a worker that could not start the offline page", () => {
    expect(() => offlineShellEntries(globbed(".next/static/chunks/runtime.js", ".next/static/chunks/framework.js"), buildOutput())).toThrow(/layout\.js/);
    const withoutOfflineRoute = buildOutput();
    rmSync(path.join(withoutOfflineRoute, "server", "app", "offline"), { recursive: true });
    writeFileSync(path.join(withoutOfflineRoute, "build-manifest.json"), JSON.stringify({ rootMainFiles: [] }));
    expect(() => offlineShellEntries(globbed(".next/static/chunks/board.js"), withoutOfflineRoute)).toThrow(/No client chunks/);
  });
});

describe("V8 compile hints on the chunks pages start with", () => {
  it("starts those chunks with the hint and leaves the rest of their source as it was", () => {
    const next = buildOutput();
    addCompileHints(next);
    for (const chunk of ["runtime.js", "framework.js", "layout.js", "board.js", "forbidden.js", "retry.js"]) {
      expect(read(next, chunk)).toBe(`${COMPILE_HINT}\n${CHUNK_SOURCE}`);
    }
  });

  it("leaves chunks loaded later (dynamic imports, workers) and the legacy polyfills alone", () => {
    const next = buildOutput();
    addCompileHints(next);
    for (const chunk of ["toaster.js", "worker.js", "polyfills.js"]) expect(read(next, chunk)).toBe(CHUNK_SOURCE);
  });

  it("adds the hint once however often the build step runs", () => {
    const next = buildOutput();
    addCompileHints(next);
    addCompileHints(next);
    expect(read(next, "framework.js")).toBe(`${COMPILE_HINT}\n${CHUNK_SOURCE}`);
  });
});
