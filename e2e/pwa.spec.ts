import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium";
import { apiToken, mainOf, markPage, newCustomer, PAGE_MARKER, register, startupScripts, stillSamePage, waitLive } from "./support";

/**
 * The installable, offline-capable app: manifest, icons, service worker,
 * offline page, recovery after the network returns, update prompt, install offer.
 */

const PAGES_CACHE = "wheelhouse-pages";

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}
interface Manifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  categories: string[];
  icons: ManifestIcon[];
  shortcuts: Array<{ name: string; url: string; icons: ManifestIcon[] }>;
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are no PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error("not a PNG");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectPng(request: APIRequestContext, url: string, size: number): Promise<void> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toBe("image/png");
  expect(pngSize(await response.body()), url).toEqual({ width: size, height: size });
}

async function fetchManifest(page: Page, request: APIRequestContext): Promise<Manifest> {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const response = await request.get(href ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  return (await response.json()) as Manifest;
}

/** Waits until this page is controlled by the app's service worker. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("/serwist/sw.js") === true, undefined, {
    timeout: 30_000,
  });
}

async function waitUntilCached(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    async ({ cacheName, url }) => (await (await caches.open(cacheName)).match(url)) !== undefined,
    { cacheName: PAGES_CACHE, url: path },
    { timeout: 20_000, polling: 250 },
  );
}

/** A new parking spot, registered through the API (not through the browser, which may be offline). */
async function registerSpot(request: APIRequestContext, label: string): Promise<void> {
  const token = await apiToken(request, "resident@wheelhouse.local");
  const response = await request.post("/api/v1/spots", {
    headers: { Authorization: `Bearer ${token}` },
    data: { label, zone: "PWA zone" },
  });
  expect(response.status()).toBe(201);
}

const spotCard = (page: Page, label: string) => mainOf(page).getByTestId("spot-card").filter({ hasText: label });

test.describe("installable app", () => {
  test("every page links the manifest, which describes the app, its shortcuts and its icons", async ({ page, request }) => {
    const manifest = await fetchManifest(page, request);
    expect(manifest).toMatchObject({
      id: "/",
      name: "Wheelhouse",
      short_name: "Wheelhouse",
      start_url: "/dashboard",
      scope: "/",
      display: "standalone",
      theme_color: "#f8fafc",
      background_color: "#f8fafc",
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(manifest.categories.length).toBeGreaterThan(0);
    // The light theme colour is the manifest's; the page also names the dark one for browsers that follow the OS.
    const themeColors = await page.locator('meta[name="theme-color"]').evaluateAll((metas) =>
      metas.map((meta) => [meta.getAttribute("media"), meta.getAttribute("content")]),
    );
    expect(themeColors).toEqual([
      ["(prefers-color-scheme: light)", "#f8fafc"],
      ["(prefers-color-scheme: dark)", "#0b1120"],
    ]);

    expect(manifest.icons.map((icon) => [icon.sizes, icon.purpose])).toEqual([
      ["192x192", "any"],
      ["512x512", "any"],
      ["512x512", "maskable"],
    ]);
    expect(manifest.shortcuts.map((shortcut) => [shortcut.name, shortcut.url])).toEqual([
      ["Parking board", "/parking"],
      ["My reservations", "/parking/reservations"],
      ["My rentals", "/rentals/mine"],
      ["My garage bookings", "/garage/bookings"],
    ]);

    // Every icon answers a PNG of the size it claims, signed out (no session in `request`).
    const icons = [...manifest.icons, ...manifest.shortcuts.flatMap((shortcut) => shortcut.icons)];
    for (const icon of icons) {
      expect(icon.type).toBe("image/png");
      await expectPng(request, icon.src, Number(icon.sizes.split("x")[0]));
    }
    for (const shortcut of manifest.shortcuts) expect(shortcut.icons[0]?.sizes).toBe("96x96");

    const appleTouchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    await expectPng(request, appleTouchIcon ?? "", 180);
    const pngFavicon = await page.locator('link[rel="icon"][type="image/png"]').getAttribute("href");
    await expectPng(request, pngFavicon ?? "", 48);
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toBe("image/x-icon");
    // An ICO holding one 32 px PNG.
    expect(pngSize((await favicon.body()).subarray(22))).toEqual({ width: 32, height: 32 });
  });

  test("the service worker is served to signed-out visitors for the whole site, never from an HTTP cache", async ({ request }) => {
    const worker = await request.get("/serwist/sw.js");
    expect(worker.status()).toBe(200);
    expect(worker.headers()["content-type"]).toContain("javascript");
    expect(worker.headers()["service-worker-allowed"]).toBe("/");
    expect(worker.headers()["cache-control"]).toBe("no-cache");
    expect(await worker.text()).toContain("/offline");
    // The offline page it precaches renders for anyone.
    const offline = await request.get("/offline");
    expect(offline.status()).toBe(200);
    expect(await offline.text()).toContain("What works while offline");
  });

  test("a first visit registers the service worker only once the page is idle after loading, not while it starts", async ({ page }) => {
    // Records where the registration comes from: inside an idle callback, or not, and after the load event or not.
    await page.addInitScript(() => {
      const seen = { calls: [] as Array<{ inIdleCallback: boolean; afterLoad: boolean }>, inIdleCallback: false };
      (window as unknown as { registrations: typeof seen }).registrations = seen;
      const requestIdle = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (callback, options) =>
        requestIdle((deadline) => {
          seen.inIdleCallback = true;
          try {
            callback(deadline);
          } finally {
            seen.inIdleCallback = false;
          }
        }, options);
      const container = navigator.serviceWorker;
      const registerWorker = container.register.bind(container);
      container.register = (url, options) => {
        // loadEventEnd is set once the load event's listeners have all run.
        const afterLoad = performance.getEntriesByType("navigation").some((entry) => (entry as PerformanceNavigationTiming).loadEventEnd > 0);
        seen.calls.push({ inIdleCallback: seen.inIdleCallback, afterLoad });
        return registerWorker(url, options);
      };
    });
    await page.goto("/");
    await waitForServiceWorker(page);
    const calls = await page.evaluate(() => (window as unknown as { registrations: { calls: unknown[] } }).registrations.calls);
    expect(calls).toEqual([{ inIdleCallback: true, afterLoad: true }]);
  });

  test("the service worker becomes active and controls the page, and Chromium finds the app installable", async ({ baseURL }) => {
    // Chromium never offers to install from an incognito profile, which every ordinary test context is: a real profile.
    const profile = mkdtempSync(path.join(tmpdir(), "wheelhouse-pwa-profile-"));
    const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, baseURL });
    try {
      const page = await context.newPage();
      await page.goto("/");
      await waitForServiceWorker(page);
      const registration = () =>
        page.evaluate(async () => {
          const current = await navigator.serviceWorker.getRegistration("/");
          return { scope: current?.scope, active: current?.active?.state };
        });
      // clientsClaim() hands the page to the worker while it is still "activating"; "activated" follows.
      await expect.poll(async () => (await registration()).active, { timeout: 10_000 }).toBe("activated");
      expect(new URL((await registration()).scope ?? "").pathname).toBe("/");

      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; url: string };
      expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
      const installability = async () =>
        ((await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] }).installabilityErrors;
      await expect.poll(installability, { timeout: 20_000 }).toEqual([]);
      // Installable, Chromium offers it to the page, which shows its own Install button.
      await expect(page.getByRole("button", { name: "Install app" })).toBeVisible();
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe("offline", () => {
  test("with the network cut, a visited page opens from cache and an unvisited one shows the offline page; back online, live updates and data catch up", async ({
    page,
    context,
    request,
  }) => {
    // Losing the open socket takes pusher-js up to its 30 s pong timeout; a loaded machine needs the rest.
    test.setTimeout(180_000);
    await register(page, newCustomer("Olive Offline", "pwa"));
    await waitForServiceWorker(page);

    // Visited while online: the board (a document request through the worker, saved for offline use).
    await page.goto("/parking");
    await expect(page.getByRole("heading", { level: 1, name: "Parking" })).toBeVisible();
    await waitLive(page);
    await waitUntilCached(page, "/parking");

    // The network drops with the board open: the live connection says so.
    await markPage(page);
    await context.setOffline(true);
    await expect(page.getByTestId("live-status")).not.toHaveAttribute("data-state", "live", { timeout: 40_000 });

    // An unvisited page: the offline page, at the address asked for.
    const other = await context.newPage();
    await other.goto("/rentals/mine");
    await expect(other.getByTestId("offline-page")).toBeVisible();
    await expect(other.getByRole("heading", { level: 1, name: "You're offline" })).toBeVisible();
    expect(new URL(other.url()).pathname).toBe("/rentals/mine");
    // It runs from the precache: its theme switch is enabled once React has started.
    await expect(other.getByTestId("theme-toggle")).toBeEnabled();

    // The visited one opens from cache, read-only (live updates are off), here on a phone.
    await other.setViewportSize({ width: 360, height: 780 });
    await other.goto("/parking");
    await expect(other.getByRole("heading", { level: 1, name: "Parking" })).toBeVisible();
    await expect(other.getByTestId("offline-page")).toHaveCount(0);
    await expect(other.getByTestId("live-status")).toHaveAttribute("data-state", "offline");
    // A phone's header shows the live status as a dot, but offline in words: colour alone would be the only sign.
    // Playwright counts screen-reader-only text as visible: the badge's own width says whether the word shows.
    await expect(other.getByTestId("live-status").getByText("Offline", { exact: true })).toBeVisible();
    expect((await other.getByTestId("live-status").boundingBox())?.width ?? 0).toBeGreaterThan(50);

    // Meanwhile someone registers a spot: neither board can know.
    const label = `PWA-${Date.now().toString(36)}`;
    await registerSpot(request, label);
    await expect(spotCard(other, label)).toHaveCount(0);

    // Back online: both boards reconnect by themselves and show the new spot without a reload.
    await context.setOffline(false);
    for (const board of [page, other]) {
      await waitLive(board, 30_000);
      await expect(spotCard(board, label)).toHaveCount(1, { timeout: 20_000 });
    }
    expect(await stillSamePage(page)).toBe(true);
    await other.close();
  });

  test("the worker's first install stores only what the offline page runs; the page it was installed from keeps its scripts and opens offline", async ({
    page,
    context,
  }) => {
    // The first page of a first visit loads before the worker exists.
    const firstScripts = startupScripts(await (await page.goto("/"))!.text());
    expect(firstScripts.length).toBeGreaterThan(3);
    await waitForServiceWorker(page);

    const offlineScripts = startupScripts(await (await page.request.get("/offline")).text());
    const precached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.includes("precache"));
      return name ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname) : [];
    });
    expect(precached).toContain("/offline");
    expect(precached.filter((pathname) => pathname.endsWith(".js")).sort()).toEqual([...new Set(offlineScripts)].sort());

    // The page the worker was installed from hands it the scripts it loaded, and the page itself.
    const cachedByWorker = (scripts: string[]) => page.evaluate(async (urls) => (await Promise.all(urls.map((url) => caches.match(url)))).every(Boolean), scripts);
    await expect.poll(() => cachedByWorker(firstScripts), { timeout: 20_000 }).toBe(true);
    await waitUntilCached(page, "/");

    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto("/");
    await expect(offline.getByRole("heading", { level: 1 })).toContainText("Park, rent and service");
    await expect(offline.getByTestId("offline-page")).toHaveCount(0);
    // Hydrated: the theme switch is enabled once React runs.
    await expect(offline.getByTestId("theme-toggle")).toBeEnabled();
    await context.setOffline(false);
    await offline.close();
  });

  test("signing out removes the saved pages", async ({ page }) => {
    await register(page, newCustomer("Sam Signout", "pwa"));
    await waitForServiceWorker(page);
    await page.goto("/parking");
    await waitUntilCached(page, "/parking");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    const saved = await page.evaluate(async (cacheName) => (await (await caches.open(cacheName)).keys()).map((key) => new URL(key.url).pathname), PAGES_CACHE);
    expect(saved).not.toContain("/parking");
    expect(saved).not.toContain("/dashboard");
  });
});

test.describe("updates and install", () => {
  test("a new version waiting shows the prompt; Reload activates it and reloads once", async ({ page }) => {
    await page.goto("/");
    await waitForServiceWorker(page);
    await expect(page.getByTestId("update-prompt")).toHaveCount(0);

    // A second version of the worker. Playwright cannot rewrite the browser's own update request for the script,
    // so the new version comes from another script URL for the same scope, which the browser installs as an update
    // and keeps waiting exactly like a changed /serwist/sw.js after a deploy.
    await markPage(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.register("/serwist/sw.js?version=next", { scope: "/", updateViaCache: "none" });
    });
    const prompt = page.getByTestId("update-prompt");
    await expect(prompt).toContainText("A new version of Wheelhouse is available");
    // Waiting, not yet in control: the page still runs the old version.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/serwist\/sw\.js$/);

    let loads = 0;
    page.on("load", () => (loads += 1));
    await prompt.getByRole("button", { name: "Reload" }).click();
    await page.waitForFunction((marker) => Reflect.get(window, marker) !== true, PAGE_MARKER, { timeout: 20_000 });
    await page.waitForLoadState("load");
    await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("?version=next") === true);
    await page.waitForTimeout(2_000);
    expect(loads).toBe(1);
  });

  test("the install button offers the browser's install prompt", async ({ page }) => {
    await page.goto("/");
    // The browser's event, as Chromium fires it when the app is installable and not installed.
    await page.evaluate(() => {
      const offer = new Event("beforeinstallprompt", { cancelable: true });
      Object.assign(offer, {
        prompt: async () => Reflect.set(window, "__installPrompted", true),
        userChoice: Promise.resolve({ outcome: "accepted" }),
      });
      window.dispatchEvent(offer);
    });
    await page.getByRole("button", { name: "Install app" }).click();
    await expect.poll(() => page.evaluate(() => Reflect.get(window, "__installPrompted"))).toBe(true);
    await expect(page.getByRole("button", { name: "Install app" })).toHaveCount(0);
  });

  test("iOS Safari gets an Add to Home Screen hint, once dismissed it stays away", async ({ browser }) => {
    const iphone: BrowserContext = await browser.newContext({
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const phone = await iphone.newPage();
      await phone.goto("/");
      const hint = phone.getByTestId("ios-install-hint");
      await expect(hint).toContainText("Add to Home Screen");
      await hint.getByRole("button", { name: "Got it" }).click();
      await expect(hint).toHaveCount(0);
      await phone.reload();
      await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(hint).toHaveCount(0);
    } finally {
      await iphone.close();
    }
  });
});
