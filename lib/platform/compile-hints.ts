/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has all its functions compiled
 * on the background thread that streams it, instead of each one on the main thread the first time it is called.
 * Other browsers read it as a comment.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startupChunks } from "./build-manifests";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

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
