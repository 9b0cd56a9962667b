/// <reference lib="webworker" />
/**
 * The service worker (bundled by app/serwist/[path]/route.ts into /serwist/sw.js).
 *
 * - Precache: the offline page with the scripts it starts with, the styles and the icons
 *   (lib/platform/precache.ts). Every other hashed file is kept as pages load it (cache first).
 * - Pages: network first; when the network fails, the copy from the last visit,
 *   else the offline page. Only whole, successful, non-redirected pages are kept.
 * - Never cached (the worker does not even answer them): anything but GET, the
 *   API (REST, GraphQL, auth, realtime auth), server actions and the React
 *   Server Component payloads of client-side navigations (those fall back to a
 *   document navigation, which the page rule answers), and web worker scripts.
 * - A new version waits until the page asks it to take over (the update prompt).
 */
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, StaleWhileRevalidate } from "serwist";
import { isNeverCachedPath, OFFLINE_PATH, PAGES_CACHE } from "../components/pwa/sw-protocol";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const DAY_SECONDS = 24 * 60 * 60;

/** A same-origin GET that is no API call, server action or RSC payload. */
function isCacheableGet({ request, url, sameOrigin }: RouteMatchCallbackOptions): boolean {
  return (
    sameOrigin &&
    request.method === "GET" &&
    !isNeverCachedPath(url.pathname) &&
    !request.headers.has("Next-Action") &&
    !request.headers.has("RSC")
  );
}

function isPage(options: RouteMatchCallbackOptions): boolean {
  const { request, url } = options;
  if (!isCacheableGet(options) || url.pathname.startsWith("/_next/")) return false;
  return request.mode === "navigate" || (request.headers.get("accept") ?? "").includes("text/html");
}

/** Keeps only complete pages this origin rendered (no redirects to sign-in, no errors). */
const onlyCompletePages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.ok && response.type === "basic" && !response.redirected ? response : null,
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: (options) => isCacheableGet(options) && options.url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "wheelhouse-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * DAY_SECONDS, maxAgeFrom: "last-used" })],
      }),
    },
    {
      matcher: (options) =>
        isCacheableGet(options) && (options.request.destination === "image" || options.request.destination === "font"),
      handler: new StaleWhileRevalidate({
        cacheName: "wheelhouse-assets",
        plugins: [new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 30 * DAY_SECONDS, maxAgeFrom: "last-used" })],
      }),
    },
    {
      matcher: isPage,
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        plugins: [onlyCompletePages, new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 7 * DAY_SECONDS })],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PATH, matcher: ({ request }) => request.destination === "document" }],
  },
});

// Turbopack starts a web worker (components/realtime/live-worker.ts) from a script whose URL carries its start-up
// settings in the fragment (turbopack-worker-*.js#params=…). A worker answered from here gets the response's URL,
// which has no fragment, and cannot start: the browser fetches worker scripts itself (hashed files, HTTP-cached).
self.addEventListener("fetch", (event) => {
  if (event.request.destination === "worker") event.stopImmediatePropagation();
});

serwist.addEventListeners();
