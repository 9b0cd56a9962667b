import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import { apiToken, markPage, newCustomer, register, signIn, stillSamePage, waitLive } from "./support";


/**
 * The live flow needs the channel server, which `npm start`'s launcher runs once
 * it is wired in (scripts/launcher.ts mentions `realtime`). E2E_LIVE=1 forces the
 * live test, e.g. against a channel server started by hand.
 */
const CHANNEL_SERVER_RUNS =
  process.env.E2E_LIVE === "1" || readFileSync(path.join(import.meta.dirname, "..", "scripts", "launcher.ts"), "utf8").includes("realtime");


const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const bell = (page: Page) => page.getByTestId("notification-bell");


test.describe("event log", () => {
  test("an admin opens the event log, sees user events and filters by topic, type and key", async ({ page, request }) => {
    // A registration is a user event; the in-app scheduler drains it into the log within a second or so.
    const customer = newCustomer("Erin Events", "live");
    const registered = await request.post("/api/v1/customers/", { data: customer });
    expect(registered.status()).toBe(201);
    const { id } = (await registered.json()) as { id: string };

    await signIn(page, "admin@wheelhouse.local");
    await mainNav(page).getByRole("link", { name: "Events" }).click();
    await expect(page).toHaveURL(/\/admin\/events$/);
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.getByLabel("Topic")).toHaveValue("user_events");
    await expect(mainNav(page).getByRole("link", { name: "Events" })).toHaveAttribute("aria-current", "page");

    const registration = page.getByTestId("event-row").filter({ hasText: id }).filter({ hasText: "user.registered" });
    await expect(async () => {
      if ((await registration.count()) === 0) await page.reload();
      await expect(registration).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("event-row").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Failures", exact: true })).toBeVisible();

    // Another topic: the registration is not in it.
    await page.getByLabel("Topic").selectOption("security_events");
    await expect(page).toHaveURL(/[?&]topic=security_events/);
    await expect(page.getByLabel("Topic")).toHaveValue("security_events");
    await expect(page.getByTestId("event-row").filter({ hasText: id })).toHaveCount(0);

    // Back to user events, narrowed to this customer's registration.
    await page.getByLabel("Topic").selectOption("user_events");
    await expect(page).toHaveURL(/[?&]topic=user_events/);
    await page.getByLabel("Type", { exact: true }).fill("user.registered");
    await page.getByLabel("Key", { exact: true }).fill(id);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]key=${id}`));
    await expect(page.getByTestId("event-row")).toHaveCount(1);
    await expect(page.getByTestId("event-row")).toContainText("user.registered");
    await expect(page.getByTestId("event-row")).toContainText(customer.name);

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page.getByLabel("Key", { exact: true })).toHaveValue("");
  });

  test("a customer has no Events link and is refused the event log with a 403", async ({ page }) => {
    await signIn(page, "resident@wheelhouse.local");
    await expect(mainNav(page).getByRole("link", { name: "Events" })).toHaveCount(0);
    const response = await page.goto("/admin/events");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  });
});

test.describe("notifications", () => {
  test("a new customer finds the welcome notification under the bell and marks all read", async ({ page }) => {
    const customer = newCustomer("Nina Notified", "live");
    await register(page, customer);

    await expect(async () => {
      if ((await bell(page).getAttribute("aria-label")) === "Notifications") await page.reload();
      await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("notification-unread")).toHaveText("1");

    await bell(page).click();
    await expect(bell(page)).toHaveAttribute("aria-expanded", "true");
    const panel = page.getByRole("region", { name: "Notifications" });
    await expect(panel.getByTestId("notification-item")).toHaveCount(1);
    await expect(panel).toContainText("Welcome to Wheelhouse");
    await expect(panel).toContainText("You start with 50 parking credits.");
    await expect(panel).toContainText("just now");

    await panel.getByRole("button", { name: "Mark all read" }).click();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
    await expect(page.getByTestId("notification-unread")).toHaveCount(0);
    await expect(panel.getByRole("button", { name: "Mark all read" })).toBeDisabled();

    await page.keyboard.press("Escape");
    await expect(bell(page)).toHaveAttribute("aria-expanded", "false");
    await expect(bell(page)).toBeFocused();

    await page.reload();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
  });
});

test.describe("live updates", () => {
  test("the admin's live tail shows a new registration and the new customer's bell its welcome, without reloading", async ({ browser }) => {
    test.skip(!CHANNEL_SERVER_RUNS, "the channel server is not started by scripts/launcher.ts yet (set E2E_LIVE=1 to force)");

    const adminContext = await browser.newContext();
    const customerContext = await browser.newContext();
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, "admin@wheelhouse.local");
      await admin.goto("/admin/events?topic=user_events");
      await expect(admin.getByTestId("live-status")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
      await admin.getByLabel("Live tail").check();
      await markPage(admin);

      const customer = await customerContext.newPage();
      const details = newCustomer("Lena Live", "live");
      await register(customer, details);
      await markPage(customer);

      const registration = admin.getByTestId("event-row").filter({ hasText: "user.registered" }).filter({ hasText: details.name });
      await expect(registration).toHaveCount(1, { timeout: 20_000 });
      expect(await stillSamePage(admin)).toBe(true);

      await expect(customer.getByTestId("live-status")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
      await expect(bell(customer)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 20_000 });
      await bell(customer).click();
      await expect(customer.getByRole("region", { name: "Notifications" })).toContainText("Welcome to Wheelhouse");
      expect(await stillSamePage(customer)).toBe(true);
    } finally {
      await adminContext.close();
      await customerContext.close();
    }
  });

  test("an open page hears what concerns its user: a notification under the bell and a toast, each live", async ({ page, request }) => {
    test.skip(!CHANNEL_SERVER_RUNS, "the channel server is not started by scripts/launcher.ts yet (set E2E_LIVE=1 to force)");

    // A second admin, created by the demo admin: only admins other than the actor hear about permission changes.
    const adminToken = await apiToken(request, "admin@wheelhouse.local");
    const auth = { Authorization: `Bearer ${adminToken}` };
    const details = newCustomer("Ada Admin", "live");
    const created = await request.post("/api/v1/admins/", { headers: auth, data: details });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await signIn(page, details.email, details.password);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
    // "Your account was created", whether it came before the page or live.
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread", { timeout: 20_000 });
    await markPage(page);

    // The demo admin saves the customer role's permissions unchanged: still a permission change event.
    const current = await request.get("/api/v1/rbac/roles/3/permissions", { headers: auth });
    expect(current.status()).toBe(200);
    const { scopes } = (await current.json()) as { scopes: string[] };
    const saved = await request.put("/api/v1/rbac/roles/3/permissions", { headers: auth, data: { scopes } });
    expect(saved.status()).toBe(200);

    const permissionsToast = page.getByTestId("toast").filter({ hasText: "Permissions of CUSTOMER changed" });
    await expect(permissionsToast).toBeVisible({ timeout: 20_000 });
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
    await permissionsToast.getByRole("button", { name: "Dismiss: Permissions of CUSTOMER changed" }).click();
    await expect(permissionsToast).toHaveCount(0);

    // An event on the user's own channel that makes no notification still gets its toast.
    const renamed = await request.patch(`/api/v1/users/${id}`, { headers: auth, data: { name: `${details.name} Renamed` } });
    expect(renamed.status()).toBe(200);
    await expect(page.getByTestId("toast").filter({ hasText: "Your account was updated" })).toBeVisible({ timeout: 20_000 });
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
    expect(await stillSamePage(page)).toBe(true);
  });
});

test.describe("pages at rest", () => {
  test("connecting to live updates moves nothing visible on a phone: the header's live badge keeps its size", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, "resident@wheelhouse.local");
    await page.addInitScript(() => {
      const shifts: string[] = [];
      (window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const shift = entry as unknown as { value: number; startTime: number; sources?: Array<{ node?: Node | null }> };
          const moved = (shift.sources ?? []).map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 120) : String(source.node?.nodeName)));
          shifts.push(`${shift.value.toFixed(3)} at ${Math.round(shift.startTime)} ms: ${moved.join(" | ")}`);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    for (const path of ["/parking", "/rentals"]) {
      await page.goto(path);
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
      // Below 0.05 in all: the regressions this guards against scored 0.133 (the badge re-wrapping the header) and
      // 0.124 (the footer jumping under a streamed list); one CI run recorded a lone 0.018 move of the header's
      // right-hand group on a loaded machine, not reproduced since.
      const total = shifts.reduce((sum, shift) => sum + Number(shift.split(" ")[0]), 0);
      expect(total, `${path}: layout shifts while the page connected:\n${shifts.join("\n")}`).toBeLessThan(0.05);
    }
  });

  test("the live badge's dot is still while a page connects, and pulses only once connecting takes over a second", async ({ page }) => {
    await signIn(page, "resident@wheelhouse.local");
    // Holds the page's first step of connecting (the channel server's settings) until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/realtime/config", async (route) => {
      await held;
      await route.continue();
    });
    const document = await (await page.goto("/parking"))!.text();
    const badge = /<p role="status" data-testid="live-status"[\s\S]*?<\/p>/.exec(document)?.[0] ?? "";
    expect(badge).toContain('data-state="connecting"');
    expect(badge, "the first paint's dot").not.toContain("animate-pulse");

    const dotAnimations = () => page.getByTestId("live-dot").evaluate((dot) => dot.getAnimations().length);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "connecting");
    await expect.poll(dotAnimations, { timeout: 5_000 }).toBe(1);
    release();
    await waitLive(page);
    expect(await dotAnimations()).toBe(0);
  });

  test("the live connection runs in a worker: the channel authorisations are the worker's requests, none the page's", async ({ page }) => {
    test.skip(!CHANNEL_SERVER_RUNS, "the channel server is not started by scripts/launcher.ts yet (set E2E_LIVE=1 to force)");
    await signIn(page, "resident@wheelhouse.local");
    await page.goto("/parking");
    await waitLive(page);
    const requested = () => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname);
    const liveWorker = page.workers().find((worker) => worker.url().includes("turbopack-worker"));
    expect(liveWorker, `workers: ${page.workers().map((worker) => worker.url()).join(", ")}`).toBeDefined();
    // The board's own channel (private-parking) subscribes after the user's and role's: wait until it has.
    await expect.poll(async () => (await liveWorker!.evaluate(requested)).filter((path) => path === "/api/realtime/auth").length).toBeGreaterThanOrEqual(3);
    expect(await liveWorker!.evaluate(requested)).toContain("/api/realtime/user-auth");
    const pageRequests = await page.evaluate(requested);
    expect(pageRequests.filter((path) => path.startsWith("/api/realtime/") && path !== "/api/realtime/config" && path !== "/api/realtime/heads")).toEqual([]);
  });

  test("on a phone a toast sits above the customer's tab bar, not over it", async ({ page, request }) => {
    test.skip(!CHANNEL_SERVER_RUNS, "the channel server is not started by scripts/launcher.ts yet (set E2E_LIVE=1 to force)");
    await page.setViewportSize({ width: 390, height: 800 });
    await signIn(page, "resident@wheelhouse.local");
    await page.goto("/parking");
    await waitLive(page);
    const auth = { Authorization: `Bearer ${await apiToken(request, "resident@wheelhouse.local")}` };
    const renamed = await request.patch("/api/v1/users/me", { headers: auth, data: { name: "Rosa Resident" } });
    expect(renamed.status()).toBe(200);
    const toast = page.getByTestId("toast").filter({ hasText: "Your account was updated" });
    await expect(toast).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const toastBottom = await toast.evaluate((element) => element.getBoundingClientRect().bottom);
    const barTop = await page.getByTestId("tab-bar").evaluate((bar) => bar.getBoundingClientRect().top);
    expect(toastBottom).toBeLessThanOrEqual(barTop);
  });

  test("a live page with nothing happening asks the server for nothing (no refresh loop)", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await signIn(page, "resident@wheelhouse.local");
    for (const path of ["/parking", "/parking/reservations", "/rentals/mine", "/garage/bookings", "/dashboard"]) {
      await page.goto(path);
      await waitLive(page);
      // The first prefetches of the page's links and the subscriptions' first resync come and go.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(2_000);
      const requests: string[] = [];
      const record = (request: { url: () => string }) => {
        if (request.url().startsWith(baseURL!)) requests.push(request.url());
      };
      page.on("request", record);
      await page.waitForTimeout(4_000);
      page.off("request", record);
      expect(requests, `${path} at rest`).toEqual([]);
    }
  });

  test("opening a live page renders it once: after its channels subscribe, one heads check and no refresh or refetch", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await signIn(page, "resident@wheelhouse.local");
    const heads = async () => JSON.stringify(await (await page.request.get("/api/realtime/heads")).json());
    let checked = 0;
    for (const path of ["/parking", "/rentals", "/garage/bookings", "/dashboard"]) {
      const requests: string[] = [];
      const record = (request: Request) => {
        // The page being left (the dashboard) may still be prefetching the links on screen: that is not a refresh.
        if (request.headers()["next-router-prefetch"]) return;
        if (request.url().startsWith(baseURL!)) requests.push(new URL(request.url()).pathname + new URL(request.url()).search);
      };
      const before = await heads();
      page.on("request", record);
      await page.goto(path);
      await waitLive(page);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1_000);
      page.off("request", record);
      expect(requests.filter((url) => url === "/api/realtime/heads").length, `${path}: heads checked`).toBeGreaterThanOrEqual(1);
      // Something published meanwhile (a scheduled job) makes a refresh the right answer; only a quiet stream is judged.
      if ((await heads()) !== before) continue;
      checked += 1;
      expect(requests.filter((url) => url.startsWith(`${path}?_rsc=`)), `${path}: refreshed though nothing happened`).toEqual([]);
      expect(requests.filter((url) => url.startsWith("/api/v1/notifications")), `${path}: refetched though nothing happened`).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
