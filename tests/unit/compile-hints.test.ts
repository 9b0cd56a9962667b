import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, startupChunks } from "@/lib/platform/compile-hints";

const CHUNK_SOURCE = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([null,1,(e)=>{e.v("chunk")}]);\n';

/** A `.next/` shaped like Next 16's: the build manifest, two routes' client reference manifests and their chunks. */
function buildOutput() {
  const next = mkdtempSync(path.join(tmpdir(), "wheelhouse-hints-"));
  const chunk = (name: string) => {
    mkdirSync(path.join(next, "static", "chunks"), { recursive: true });
    writeFileSync(path.join(next, "static", "chunks", name), CHUNK_SOURCE);
  };
  for (const name of ["runtime.js", "framework.js", "layout.js", "board.js", "forbidden.js", "toaster.js", "worker.js", "polyfills.js"]) chunk(name);
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
  return next;
}

const read = (next: string, chunk: string) => readFileSync(path.join(next, "static", "chunks", chunk), "utf8");

describe("V8 compile hints on the chunks pages start with", () => {
  it("covers the framework's chunks and every route segment's entry chunks, boundaries included, once each", () => {
    expect(startupChunks(buildOutput())).toEqual([
      "static/chunks/board.js",
      "static/chunks/forbidden.js",
      "static/chunks/framework.js",
      "static/chunks/layout.js",
      "static/chunks/runtime.js",
    ]);
  });

  it("starts those chunks with the hint and leaves the rest of their source as it was", () => {
    const next = buildOutput();
    addCompileHints(next);
    for (const chunk of ["runtime.js", "framework.js", "layout.js", "board.js", "forbidden.js"]) {
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
