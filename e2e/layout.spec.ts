import { expect, test, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { CUSTOMER_PAGES, DEMO_ACCOUNTS, openAppPage, PUBLIC_PAGES, STAFF_PAGES, type AppPage, type Audience } from "./pages";
import { signIn } from "./support";

/**
 * The layout on a phone and a desktop: no page scrolls sideways (in either theme), the staff sidebar and the
 * customer's bottom tabs behave, and the controls a finger uses are at least 44 px tall. With
 * `E2E_SCREENSHOTS=1`, every page's full-page screenshot is kept as a test artifact (`test-results/`).
 */

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };
type Viewport = typeof PHONE;
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const MIN_TOUCH = 44;
/** Screenshots are for people to look at; CI, where nobody does, skips them (about 170 full-page captures). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS === "1";

type SignedIn = Exclude<Audience, "visitor">;

/** One signed-in browser context per role: each signs in once, not once per page. */
const contexts = new Map<SignedIn, BrowserContext>();

async function contextFor(browser: Browser, audience: SignedIn): Promise<BrowserContext> {
  const existing = contexts.get(audience);
  if (existing) return existing;
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS[audience]);
  await page.close();
  contexts.set(audience, context);
  return context;
}

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  contexts.clear();
});

/** next-themes keeps the choice in localStorage; setting it before any script runs renders that theme. */
async function chooseTheme(page: Page, theme: Theme) {
  await page.addInitScript((chosen) => window.localStorage.setItem("theme", chosen), theme);
}

/** The elements that stick out past the right edge (for the failure message). */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      let clipped = false;
      if (getComputedStyle(element).position === "absolute") {
        // An absolutely placed element (e.g. `sr-only`) escapes a scrolling ancestor that is not positioned.
        const holder = (element as HTMLElement).offsetParent;
        clipped = holder !== null && holder !== document.body && getComputedStyle(holder).overflowX !== "visible";
      } else {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const overflowX = getComputedStyle(parent).overflowX;
          if (overflowX !== "visible" && parent.getBoundingClientRect().right <= width + 0.5) clipped = true;
        }
      }
      if (clipped) continue;
      const classes = typeof element.className === "string" ? element.className.split(/\s+/).slice(0, 4).join(".") : "";
      offenders.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${classes ? `.${classes}` : ""} right=${Math.round(box.right)}`);
      if (offenders.length >= 8) break;
    }
    return offenders;
  });
}

async function checkPage(page: Page, appPage: AppPage, viewport: Viewport, label: string, testInfo: TestInfo) {
  await page.setViewportSize(viewport);
  for (const theme of THEMES) {
    await chooseTheme(page, theme);
    const opened = await openAppPage(page, appPage);
    // The API viewers lay out a large document before their heading shows (see api-docs.spec.ts).
    await expect(page.locator("h1").first()).toBeVisible({ timeout: 45_000 });
    // The API viewers (/docs, /redoc) are served outside the app's layout, in their own single theme.
    const themed = (await page.getByTestId("theme-toggle").count()) > 0;
    if (!themed && theme === "dark") break;
    if (themed) await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /\blight\b/);
    await expect(page.getByRole("heading", { name: "Access denied" })).toHaveCount(0);
    await page.evaluate(() => document.fonts.ready);

    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    const offenders = scrollWidth > innerWidth ? await overflowingElements(page) : [];
    expect(scrollWidth, `${opened} (${theme}, ${viewport.width}px) scrolls sideways; widest: ${offenders.join(", ")}`).toBeLessThanOrEqual(innerWidth);

    if (SCREENSHOTS) await page.screenshot({ path: testInfo.outputPath(`${label}-${viewport.width}x${viewport.height}-${theme}.png`), fullPage: true });
  }
}

async function expectTall(locator: Locator, what: string) {
  const count = await locator.count();
  expect(count, `${what}: none found`).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const box = await locator.nth(index).boundingBox();
    expect(box?.height ?? 0, `${what} #${index} is shorter than ${MIN_TOUCH} px`).toBeGreaterThanOrEqual(MIN_TOUCH);
  }
}

test.describe("no page scrolls sideways", () => {
  test.describe("signed out, on a phone", () => {
    for (const appPage of PUBLIC_PAGES) {
      test(`${appPage.name} at 360 px`, async ({ page }, testInfo) => {
        await checkPage(page, appPage, PHONE, `visitor-${appPage.name}`, testInfo);
      });
    }
  });

  test.describe("a customer, on a phone", () => {
    for (const appPage of CUSTOMER_PAGES) {
      test(`${appPage.name} at 360 px`, async ({ browser }, testInfo) => {
        const page = await (await contextFor(browser, "CUSTOMER")).newPage();
        await checkPage(page, appPage, PHONE, `customer-${appPage.name}`, testInfo);
        await page.close();
      });
    }
  });

  for (const role of ["ADMIN", "EMPLOYEE", "MECHANIC"] as const) {
    test.describe(`${role.toLowerCase()}, on a desktop and a phone`, () => {
      for (const appPage of STAFF_PAGES[role]) {
        for (const viewport of [DESKTOP, PHONE]) {
          test(`${appPage.name} at ${viewport.width} px`, async ({ browser }, testInfo) => {
            const page = await (await contextFor(browser, role)).newPage();
            await checkPage(page, appPage, viewport, appPage.name, testInfo);
            await page.close();
          });
        }
      }
    });
  }
});

test.describe("the staff sidebar", () => {
  test("groups an admin's pages by business, highlights the current page and holds the garage's pages on one line each", async ({ browser }) => {
    const page = await (await contextFor(browser, "ADMIN")).newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto("/admin/garage/car-models");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(page.getByTestId("menu-button")).toBeHidden();

    for (const group of ["Parking", "Rentals", "Garage", "People", "System"]) {
      await expect(nav.getByRole("button", { name: group, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Car models" })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(nav.getByRole("button", { name: "Garage", exact: true })).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Dashboard", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "API docs" })).toHaveAttribute("href", "/docs");
    await expect(nav.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/redoc");

    // Every link on one line: as tall as the shortest, and its text not cut off.
    const garageGroup = page.getByTestId("sidebar-group").filter({ has: page.getByRole("button", { name: "Garage", exact: true }) });
    const garageLinks = garageGroup.getByRole("link");
    // The shop's floor (workshop, dashboard, job board, invoices, planner, inspection templates) next to Garage I's pages.
    await expect(garageLinks).toHaveCount(13);
    const heights = await nav.getByRole("link").evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(2);
    const cutOff = await nav.getByRole("link").evaluateAll((links) => links.filter((link) => link.scrollWidth > link.clientWidth).map((link) => link.textContent));
    expect(cutOff).toEqual([]);

    // Another group folds away and back; the current page's group stays open.
    const people = nav.getByRole("button", { name: "People", exact: true });
    await people.click();
    await expect(people).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
    await people.click();
    await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();

    await nav.getByRole("link", { name: "Fleet" }).click();
    await expect(page).toHaveURL(/\/admin\/fleet$/);
    await expect(nav.getByRole("link", { name: "Fleet" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Car models" })).not.toHaveAttribute("aria-current", "page");
    await page.close();
  });

  test("an employee's sidebar leaves out the groups they cannot use", async ({ browser }) => {
    const page = await (await contextFor(browser, "EMPLOYEE")).newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto("/admin/rentals");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Requests" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("button", { name: "People", exact: true })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Workshop" })).toHaveCount(0);
    await page.close();
  });

  test("on a phone it is a drawer: the menu button opens it, focus moves in and stays, Escape closes it and focus returns", async ({ browser }) => {
    const page = await (await contextFor(browser, "MECHANIC")).newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/admin/garage/bookings");
    const menu = page.getByRole("button", { name: "Open menu" });
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(drawer).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(drawer.getByRole("button", { name: "Close menu" })).toBeFocused();
    await expect(drawer.getByRole("link", { name: "Workshop" })).toHaveAttribute("aria-current", "page");

    // Tab and Shift+Tab stay inside the open drawer.
    await page.keyboard.press("Shift+Tab");
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    for (let step = 0; step < 12; step++) await page.keyboard.press("Tab");
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // Following a link from the drawer closes it.
    await menu.click();
    await drawer.getByRole("link", { name: "Dashboard", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(drawer).toBeHidden();
    await page.close();
  });
});

test.describe("the customer's bottom tabs", () => {
  test("show on a phone with the current tab marked, pad the page, and give way to the header links on a desktop", async ({ browser }) => {
    const page = await (await contextFor(browser, "CUSTOMER")).newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/rentals/mine");
    const tabs = page.getByTestId("tab-bar");
    await expect(tabs).toBeVisible();
    await expect(tabs).toHaveAttribute("aria-label", "Main");
    await expect(tabs.getByRole("link")).toHaveText(["Dashboard", "Parking", "Rentals", "Garage", "Profile"]);
    await expect(tabs.getByRole("link", { name: "Rentals" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("banner").getByRole("link", { name: "Rentals" })).toBeHidden();

    const barHeight = (await tabs.boundingBox())?.height ?? 0;
    const padding = await page.evaluate(() => ({
      variable: getComputedStyle(document.body).getPropertyValue("--bottom-bar-height").trim(),
      paddingBottom: parseFloat(getComputedStyle(document.body).paddingBottom),
    }));
    expect(padding.variable).not.toBe("0px");
    expect(padding.paddingBottom).toBeGreaterThanOrEqual(barHeight - 1);
    // Scrolled to the end, the footer ends above the bar.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footerBottom = await page.getByRole("contentinfo").evaluate((footer) => footer.getBoundingClientRect().bottom);
    const barTop = await tabs.evaluate((bar) => bar.getBoundingClientRect().top);
    expect(footerBottom).toBeLessThanOrEqual(barTop + 1);

    await tabs.getByRole("link", { name: "Garage" }).click();
    await expect(page).toHaveURL(/\/garage$/);
    await expect(tabs.getByRole("link", { name: "Garage" })).toHaveAttribute("aria-current", "page");

    await page.setViewportSize(DESKTOP);
    await expect(tabs).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Garage" })).toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingBottom))).toBe(0);
    await page.close();
  });

  test("leave the header one row on a phone: the mark, the live dot, the bell, sign-out and the theme; the role and live labels stay for screen readers", async ({ browser }) => {
    const page = await (await contextFor(browser, "CUSTOMER")).newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/parking");
    const header = page.getByRole("banner");
    const rowOf = async (locator: Locator) => {
      const box = await locator.boundingBox();
      return box ? Math.round(box.y + box.height / 2) : -1;
    };
    const mark = await rowOf(header.getByRole("link", { name: "Wheelhouse" }));
    for (const control of [page.getByTestId("live-status"), page.getByTestId("notification-bell"), header.getByRole("button", { name: "Sign out" }), page.getByTestId("theme-toggle")]) {
      expect(Math.abs((await rowOf(control)) - mark), await control.evaluate((element) => element.outerHTML.slice(0, 80))).toBeLessThanOrEqual(4);
    }
    await expect(page.getByTestId("signed-in-user")).toContainText("Customer");
    await expect(page.getByTestId("live-status")).toContainText(/Live|Connecting…/);

    await page.setViewportSize(DESKTOP);
    await expect(page.getByTestId("signed-in-user").getByText("Customer")).toBeVisible();
    await expect(page.getByTestId("live-status").getByText("Live", { exact: true })).toBeVisible();
    await page.close();
  });
});

test.describe("touch targets on a phone", () => {
  test("the customer's tabs, header controls, form fields and primary buttons are at least 44 px tall", async ({ browser }) => {
    const page = await (await contextFor(browser, "CUSTOMER")).newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/profile");
    await expectTall(page.getByTestId("tab-bar").getByRole("link"), "tab");
    await expectTall(page.getByRole("banner").getByRole("button"), "header button");
    await expectTall(page.getByRole("main").getByRole("textbox"), "text field");
    await expectTall(page.getByRole("main").getByRole("button", { name: "Save details" }), "primary button");
    await page.close();
  });

  test("the staff menu button and the drawer's links are at least 44 px tall", async ({ browser }) => {
    const page = await (await contextFor(browser, "ADMIN")).newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/admin/users");
    await expectTall(page.getByRole("banner").getByRole("button"), "header button");
    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expectTall(drawer.getByRole("link"), "drawer link");
    await expectTall(drawer.getByRole("button"), "drawer button");
    await page.keyboard.press("Escape");
    await expectTall(page.getByRole("main").getByRole("combobox"), "select");
    await page.close();
  });

  test("signed out: the sign-in page's fields, button and header link", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/login");
    await expectTall(page.getByRole("main").getByRole("textbox"), "text field");
    await expectTall(page.getByRole("main").getByRole("button", { name: "Sign in" }), "primary button");
    await expectTall(page.getByRole("banner").getByRole("link"), "header link");
  });
});
