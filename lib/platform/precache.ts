/**
 * What the service worker's first install stores: the offline page and what it runs, not every page's scripts.
 * A phone that opens one page would otherwise download and store all of the app's chunks (every module's,
 * the staff pages', the API reference's) in the background while that page is still starting. Pages visited online keep
 * their scripts through the worker's runtime cache (app/sw.ts), the first page included
 * (`cachePageInServiceWorker` sends its assets once the worker takes over).
 */
import path from "node:path";
import { startupChunks } from "./build-manifests";

/** The offline page's route in the client reference manifests. */
export const OFFLINE_ROUTE = "/offline/page";

interface PrecacheCandidate {
  url: string;
}

/**
 * Keeps, of the entries Serwist globbed (URLs relative to the project, `.next/static/…` and `public/…`), every
 * style sheet, font and image, and of the scripts only those the offline page starts with.
 */
export function offlineShellEntries<Entry extends PrecacheCandidate>(entries: readonly Entry[], nextDirectory: string): Entry[] {
  const offlineChunks = new Set(startupChunks(nextDirectory, [OFFLINE_ROUTE]).map((chunk) => path.posix.join(".next", chunk)));
  if (offlineChunks.size === 0) throw new Error(`No client chunks found for ${OFFLINE_ROUTE} in ${nextDirectory}: build the app first.`);
  const missing = [...offlineChunks].filter((chunk) => !entries.some((entry) => entry.url === chunk));
  if (missing.length > 0) throw new Error(`The precache would miss the offline page's chunks: ${missing.join(", ")}`);
  return entries.filter((entry) => !entry.url.endsWith(".js") || offlineChunks.has(entry.url));
}
