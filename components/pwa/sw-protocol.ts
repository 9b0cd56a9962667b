/** What the pages and the service worker (app/sw.ts) agree on. */

/** The service worker script (app/serwist/[path]/route.ts builds it) and the scope it controls. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";
export const SERVICE_WORKER_SCOPE = "/";

/** The page shown for a page that was never visited, when the network is down. */
export const OFFLINE_PATH = "/offline";

/** Pages (HTML) visited while online: they open from here, read-only, when the network is down. */
export const PAGES_CACHE = "wheelhouse-pages";

/** Who the cached pages belong to (a user's public id), so another user never gets them. */
const PAGE_CACHE_OWNER_KEY = "wheelhouse:page-cache-owner";

/** Paths whose responses are never cached: the API (REST, GraphQL, auth, realtime auth) and the worker itself. */
export function isNeverCachedPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || pathname === "/api" || pathname.startsWith("/serwist/");
}

/** Forgets every cached page. Runs in the page (the Cache API is shared with the service worker). */
export async function clearPageCache(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(PAGES_CACHE);
}

/**
 * Called by signed-in pages with their user: pages cached for someone else (who
 * did not sign out here: an expired session, a revoked one) are dropped first.
 * Returns true when the cache was dropped.
 */
export async function claimPageCache(owner: string): Promise<boolean> {
  let previous: string | null = null;
  try {
    previous = localStorage.getItem(PAGE_CACHE_OWNER_KEY);
    localStorage.setItem(PAGE_CACHE_OWNER_KEY, owner);
  } catch {
    // Storage refused (private mode): no owner to compare, so keep nothing from before.
  }
  if (previous === owner) return false;
  await clearPageCache();
  return true;
}

/** The build's hashed files (scripts, styles, fonts) this tab has loaded so far. */
function loadedStaticAssets(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/_next/static/"))
    .map((url) => url.pathname);
}

/**
 * Asks the service worker to fetch and cache a page this tab did not fetch through it: one reached by client-side
 * navigation, or the page the worker was installed from. `withLoadedAssets` adds the build's files the tab loaded
 * before the worker took over, which the worker only precaches for the offline page.
 */
export function cachePageInServiceWorker(href: string, { withLoadedAssets = false } = {}): void {
  const page: [string, RequestInit] = [href, { headers: { accept: "text/html" }, credentials: "same-origin" }];
  navigator.serviceWorker?.controller?.postMessage({
    type: "CACHE_URLS",
    payload: { urlsToCache: withLoadedAssets ? [page, ...new Set(loadedStaticAssets())] : [page] },
  });
}
