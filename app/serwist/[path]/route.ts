import { randomUUID } from "node:crypto";
import path from "node:path";
import { createSerwistRoute } from "@serwist/turbopack";
import { OFFLINE_PATH } from "@/components/pwa/sw-protocol";
import { offlineShellEntries } from "@/lib/platform/precache";

/**
 * Serves the service worker (`/serwist/sw.js`), bundled from app/sw.ts with the
 * build's precache list. Prerendered once per build, so each build is a new
 * worker version and every open tab is offered the update.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // esbuild's native binary is installed (esbuild-wasm is not).
  useNativeEsbuild: true,
  // The offline page embeds this build's chunk names: a new build refreshes it.
  additionalPrecacheEntries: [{ url: OFFLINE_PATH, revision: randomUUID() }],
  // The precache is the app shell: the offline page with its scripts, the styles and the icons (lib/platform/precache.ts).
  globIgnores: ["public/robots.txt", "public/api-docs/**"],
  manifestTransforms: [(entries) => ({ manifest: offlineShellEntries(entries, path.join(process.cwd(), ".next")), warnings: [] })],
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
