/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has all its functions compiled
 * on the background thread that streams it, instead of each one on the main thread the first time it is called.
 * Other browsers read it as a comment.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

interface BuildManifest {
  rootMainFiles?: string[];
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function clientReferenceManifests(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith("_client-reference-manifest.js"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The client chunks some page runs as it starts, relative to `.next/` (`static/chunks/…`): the framework's
 * (`rootMainFiles`) and every route segment's entry chunks, boundaries included, from the client reference
 * manifests. Chunks loaded later (a `dynamic()` import, a worker) are in neither.
 */
export function startupChunks(nextDirectory: string): string[] {
  const chunks = new Set<string>();
  const buildManifest = JSON.parse(readFileSync(path.join(nextDirectory, "build-manifest.json"), "utf8")) as BuildManifest;
  for (const file of buildManifest.rootMainFiles ?? []) chunks.add(file);
  for (const file of clientReferenceManifests(path.join(nextDirectory, "server", "app"))) {
    // Each manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in an empty context to read it.
    const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    runInNewContext(readFileSync(file, "utf8"), context, { filename: file });
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of files) chunks.add(chunk);
    }
  }
  return [...chunks].filter((chunk) => chunk.endsWith(".js")).sort();
}

/** Starts every startup chunk of a build with the compile hint (once); returns the chunks it covers. */
export function addCompileHints(nextDirectory: string): string[] {
  const chunks = startupChunks(nextDirectory);
  for (const chunk of chunks) {
    const file = path.join(nextDirectory, chunk);
    const source = readFileSync(file, "utf8");
    if (!source.startsWith(COMPILE_HINT)) writeFileSync(file, `${COMPILE_HINT}\n${source}`);
  }
  return chunks;
}
