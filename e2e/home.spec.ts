import { expect, test } from "@playwright/test";
import { newCustomer, register, signIn, startupScripts } from "./support";

test.describe("home page", () => {
  test("says what Wheelhouse is and links to sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Wheelhouse/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Park, rent and service");
    for (const moduleName of ["Parking", "Rentals", "Garage"]) {
      await expect(page.getByRole("heading", { level: 3, name: moduleName })).toBeVisible();
    }
    const signIn = page.getByRole("banner").getByRole("link", { name: "Sign in" });
    await expect(signIn).toHaveAttribute("href", "/login");
  });

  test("is prerendered for everyone signed out; a signed-in browser gets its own, and an ended session the signed-out one", async ({ page, request }) => {
    const signedOut = await request.get("/");
    expect(signedOut.status()).toBe(200);
    // Served from the build's prerendered copy, not rendered per request.
    expect(signedOut.headers()["x-nextjs-cache"] ?? signedOut.headers()["x-nextjs-prerender"]).toBeTruthy();
    // …and without running proxy.ts, which every other page request goes through (it sets the request id).
    expect(signedOut.headers()["x-request-id"]).toBeUndefined();
    expect((await request.get("/login")).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    await signIn(page, "resident@wheelhouse.local");
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "/dashboard");
    await expect(page.getByRole("main").getByRole("link", { name: "Go to your dashboard" })).toBeVisible();

    const forged = await request.get("/", { headers: { cookie: "next-auth.session-token=not-a-session" } });
    expect(forged.status()).toBe(200);
    expect(await forged.text()).toContain("Create an account");
  });

  test("pages prefetch no link until the user shows intent, then only that one", async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const prefetches: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(baseURL!) && request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
    });
    const settle = async () => {
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1_500);
    };
    await page.goto("/");
    await settle();
    expect(prefetches, "/ on load").toEqual([]);

    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).hover();
    await expect.poll(() => prefetches).toContain("/login");
    expect(prefetches.filter((path) => path !== "/login")).toEqual([]);

    await signIn(page, "resident@wheelhouse.local");
    for (const path of ["/rentals", "/parking", "/dashboard"]) {
      prefetches.length = 0;
      await page.goto(path);
      await settle();
      expect(prefetches, `${path} on load`).toEqual([]);
    }
  });

  test("the scripts a page starts with carry V8's compile hint; a chunk loaded after the page (Sonner's) does not", async ({ page, baseURL }) => {
    // The chunks the page requested; their bodies are read again afterwards (a navigation discards the page's own).
    const scripts = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(baseURL!).origin && url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js")) scripts.add(url.pathname);
    });
    const hinted = async (script: string) => (await (await page.request.get(script)).text()).startsWith("//# allFunctionsCalledOnLoad\n");

    for (const path of ["/", "/login"]) {
      scripts.clear();
      const started = startupScripts(await (await page.goto(path))!.text());
      await page.waitForLoadState("networkidle");
      expect(started.length, path).toBeGreaterThan(3);
      for (const script of started) expect(await hinted(script), `${path}: ${script}`).toBe(true);
    }

    await signIn(page, "resident@wheelhouse.local");
    scripts.clear();
    const document = await (await page.goto("/parking"))!.text();
    const started = startupScripts(document);
    // Sonner's toaster (components/ui/toast.tsx) is a dynamic import: its region appears once it has loaded.
    await expect(page.locator("section[aria-label^='Live updates']")).toBeAttached();
    await page.waitForLoadState("networkidle");
    expect(started.length).toBeGreaterThan(3);
    for (const script of started) expect(await hinted(script), `/parking: ${script}`).toBe(true);
    const loadedLater = [...scripts].filter((script) => !document.includes(script));
    expect(loadedLater.length, "chunks loaded after the page").toBeGreaterThan(0);
    for (const script of loadedLater) expect(await hinted(script), `/parking, loaded later: ${script}`).toBe(false);
  });

  test("loads only Geist's Latin subset for Latin text, and the whole font for a name beyond it, which it then sets in Geist", async ({ page }) => {
    const fontFiles: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fontFiles.push(new URL(request.url()).pathname.split("/").pop() ?? "");
    });
    await page.goto("/", { waitUntil: "networkidle" });
    // The home page also shows ✓ and ☾, which Geist lacks: the whole font declares it has neither.
    expect(fontFiles).toEqual([expect.stringMatching(/^geist_sans_latin\./)]);

    const customer = newCustomer("Жанна Ковальова", "cyrillic");
    await register(page, customer);
    const name = page.getByTestId("signed-in-user").getByText(customer.name);
    await expect(name).toBeVisible();
    await expect.poll(() => fontFiles.some((file) => file.startsWith("Geist_Variable"))).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: '[data-testid="signed-in-user"] span' });
    await cdp.send("CSS.enable");
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    expect([...new Set(fonts.map((font) => font.familyName))]).toEqual(["Geist"]);
  });

  test("renders in the light theme and switches to dark and back, remembering the choice", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    const body = page.locator("body");
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(body).toHaveCSS("background-color", "rgb(248, 250, 252)");

    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(body).toHaveCSS("background-color", "rgb(11, 17, 32)");

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
  });

  test("loading a page adds no style sheet for the theme; a switch turns transitions off only while it switches", async ({ page }) => {
    // next-themes' disableTransitionOnChange added `*{transition:none}` on every load and took it away again: two
    // style recalculations of the whole page. Count every such sheet, from before the first byte of the page.
    await page.addInitScript(() => {
      const seen = { added: 0 };
      (window as unknown as { transitionBlocks: typeof seen }).transitionBlocks = seen;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) if (node instanceof HTMLStyleElement && /transition:\s*none/.test(node.textContent ?? "")) seen.added += 1;
      }).observe(document, { childList: true, subtree: true });
    });
    const transitionBlocks = () => page.evaluate(() => (window as unknown as { transitionBlocks: { added: number } }).transitionBlocks.added);
    const blocksInPlace = () => page.evaluate(() => [...document.querySelectorAll("style")].filter((style) => /transition:\s*none/.test(style.textContent ?? "")).length);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Switch to dark theme" });
    await expect(toggle).toBeEnabled();
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    expect(await transitionBlocks()).toBe(0);

    await toggle.click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await transitionBlocks()).toBe(1);
    await expect.poll(blocksInPlace).toBe(0);
  });

  test("follows a dark system preference on the first visit", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await expect(page.locator("body")).toHaveCSS("background-color", "rgb(11, 17, 32)");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("operational endpoints of the running app", () => {
  test("/api/ready reports ready and /api/health alive", async ({ request }) => {
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
    const health = await request.get("/api/health");
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});
