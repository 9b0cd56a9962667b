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

/** Asks the service worker to fetch and cache a page this tab reached without a document request (client-side navigation). */
export function cachePageInServiceWorker(href: string): void {
  navigator.serviceWorker?.controller?.postMessage({
    type: "CACHE_URLS",
    payload: { urlsToCache: [[href, { headers: { accept: "text/html" }, credentials: "same-origin" }]] },
  });
}
