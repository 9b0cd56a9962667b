/** What Next's build output says about its client chunks, read from `.next/` after `next build`. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";

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
 * The client chunks a page runs as it starts, relative to `.next/` (`static/chunks/…`): the framework's
 * (`rootMainFiles`) and its route segments' entry chunks, boundaries included, from the client reference
 * manifests — of every route, or only of `routes` (`"/offline/page"`). Chunks loaded later (a `dynamic()`
 * import, a worker) are in neither.
 */
export function startupChunks(nextDirectory: string, routes?: readonly string[]): string[] {
  const chunks = new Set<string>();
  const buildManifest = JSON.parse(readFileSync(path.join(nextDirectory, "build-manifest.json"), "utf8")) as BuildManifest;
  for (const file of buildManifest.rootMainFiles ?? []) chunks.add(file);
  for (const file of clientReferenceManifests(path.join(nextDirectory, "server", "app"))) {
    // Each manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; run it in an empty context to read it.
    const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    runInNewContext(readFileSync(file, "utf8"), context, { filename: file });
    for (const [route, manifest] of Object.entries(context.__RSC_MANIFEST ?? {})) {
      if (routes && !routes.includes(route)) continue;
      for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of files) chunks.add(chunk);
    }
  }
  return [...chunks].filter((chunk) => chunk.endsWith(".js")).sort();
}
