import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { CUSTOMER_PAGES, DEMO_ACCOUNTS, openAppPage, PUBLIC_PAGES, selectedPages, STAFF_PAGES, type AppPage, type Audience } from "./pages";
import { signIn } from "./support";

/**
 * axe's default rule set (WCAG 2.0/2.1 A and AA plus best practices) on every page of e2e/pages.ts,
 * as the audience that opens it, in the light and the dark theme: zero violations.
 */

const AUDIENCE_PAGES: Record<Audience, readonly AppPage[]> = {
  visitor: selectedPages(PUBLIC_PAGES),
  CUSTOMER: selectedPages(CUSTOMER_PAGES),
  ADMIN: selectedPages(STAFF_PAGES.ADMIN),
  EMPLOYEE: selectedPages(STAFF_PAGES.EMPLOYEE),
  MECHANIC: selectedPages(STAFF_PAGES.MECHANIC),
};

const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

/**
 * Swagger UI (/docs) and ReDoc (/redoc) build their DOM in their bundles; these rules fail on markup no CSS or
 * configuration can change. Each entry excludes only the viewer's own elements, from that one rule; every other
 * rule still covers them, and every rule covers the rest of the page. Colour contrast is fixed, not excepted
 * (public/api-docs/theme.css, redoc-init.js).
 */
const THIRD_PARTY_EXCEPTIONS: Readonly<Record<string, Readonly<Record<string, { selectors: string[]; why: string }>>>> = {
  "/docs": {
    region: {
      selectors: ["#swagger-ui"],
      why: "Swagger UI renders its own <main id=operations> and puts the document info, server picker and filter outside it",
    },
    "heading-order": {
      selectors: ["#swagger-ui .opblock-tag"],
      why: "Swagger UI's operation groups are <h3> right after its <h1>/<h2> title, fixed in its components",
    },
    "nested-interactive": {
      selectors: ["#swagger-ui .opblock-summary-control"],
      why: "Swagger UI's operation header is a button that contains the copy-path and lock buttons",
    },
    "select-name": {
      selectors: ["#swagger-ui #servers"],
      why: "Swagger UI's server <select> has a visible 'Servers' caption that is not a <label> for it",
    },
  },
  "/redoc": {
    "heading-order": {
      selectors: ["#redoc .api-content"],
      why: "ReDoc puts <h5> section titles (request body, responses) straight under its <h2> operation titles",
    },
  },
};

/** The API viewers build their DOM after load: wait for the rendered document, not the empty mount point. */
const RENDERED_WHEN: Readonly<Record<string, string>> = {
  "/docs": "#swagger-ui .opblock",
  "/redoc": "#redoc .api-content",
};

function describeViolations(violations: AxeResults["violations"], path: string): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .map((node) => `    - ${node.target.join(" ")}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, "\n      ")}` : ""}`)
        .join("\n");
      return `[${violation.impact ?? "unknown"}] ${violation.id} on ${path}: ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
    })
    .join("\n\n");
}

async function settle(page: Page, path: string, theme: Theme): Promise<void> {
  await page.waitForLoadState("load");
  // A dynamic page streams its <title> after the first bytes; audit once it is there (it never coming still fails).
  await expect(page).toHaveTitle(/\S/);
  const rendered = RENDERED_WHEN[path];
  if (rendered) await page.locator(rendered).first().waitFor();
  else {
    // The app's pages carry next-themes' class; check the theme under test is the one painted.
    const html = page.locator("html");
    if (theme === "dark") await expect(html).toHaveClass(/\bdark\b/);
    else await expect(html).not.toHaveClass(/\bdark\b/);
    // A streamed page reveals its content from a hidden template: audit what the user sees, once.
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator('div[hidden][id^="S:"]')).toHaveCount(0);
  }
}

/**
 * axe run in the page in one pass (legacy mode: the app has no cross-origin frames, the only thing the default's
 * frame-by-frame run and its separate reporting page add), reporting violations only. Every rule still checks every
 * node; on ReDoc's 50,000 elements this takes 22 s instead of 108 s, which a loaded CI machine turned into timeouts.
 */
function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
}

async function audit(page: Page, path: string): Promise<AxeResults["violations"]> {
  const exceptions = Object.entries(THIRD_PARTY_EXCEPTIONS[path] ?? {});
  // axe cannot exclude a selector from one rule only: run the excepted rules apart, without those selectors.
  const results = await axe(page).disableRules(exceptions.map(([rule]) => rule)).analyze();
  const violations = [...results.violations];
  for (const [rule, { selectors }] of exceptions) {
    let scoped = axe(page).withRules([rule]);
    for (const selector of selectors) scoped = scoped.exclude(selector);
    violations.push(...(await scoped.analyze()).violations);
  }
  return violations;
}

for (const [audience, pages] of Object.entries(AUDIENCE_PAGES) as [Audience, readonly AppPage[]][]) {
  if (pages.length === 0) continue;
  for (const theme of THEMES) {
    test(`${audience === "visitor" ? "visitor pages, signed out" : `${audience} pages`}, ${theme} theme: no axe violations`, async ({ page }) => {
      // One sign-in, then every page of the audience with a full axe run each.
      test.setTimeout(60_000 + pages.length * 15_000);
      await page.emulateMedia({ colorScheme: theme });
      if (audience !== "visitor") await signIn(page, DEMO_ACCOUNTS[audience]);
      for (const appPage of pages) {
        await test.step(`${appPage.name} (${appPage.path})`, async () => {
          const path = await openAppPage(page, appPage);
          await settle(page, appPage.path, theme);
          const violations = await audit(page, appPage.path);
          expect.soft(describeViolations(violations, `${path} [${audience}, ${theme}]`), `axe violations on ${path}`).toBe("");
        });
      }
    });
  }
}

/** The page's focused element, described for the focus checks: its tag, name, ring and where it sits. */
async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const alreadySeen = element.hasAttribute("data-focus-checked");
    element.setAttribute("data-focus-checked", "");
    return {
      alreadySeen,
      description: `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40) || element.getAttribute("aria-label") || ""}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      boxShadow: style.boxShadow,
      // Inside <main id=main>, or after it (a page whose content has nothing focusable moves on to the footer).
      pastSkipTarget: (() => {
        const main = document.getElementById("main");
        return Boolean(main && (main.contains(element) || main.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING));
      })(),
    };
  });
}

test.describe("keyboard", () => {
  const skipLinkPages: { audience: Audience; path: string }[] = [
    { audience: "visitor", path: "/" },
    { audience: "visitor", path: "/login" },
    { audience: "visitor", path: "/info/about" },
    { audience: "CUSTOMER", path: "/parking" },
    { audience: "ADMIN", path: "/admin/users" },
  ];
  for (const { audience, path } of skipLinkPages) {
    test(`Tab from page load reaches "Skip to content" first on ${path} (${audience}), and it moves focus to main`, async ({ page }) => {
      if (audience !== "visitor") await signIn(page, DEMO_ACCOUNTS[audience]);
      await page.goto(path);
      await page.waitForLoadState("load");
      await page.keyboard.press("Tab");
      const skipLink = page.getByRole("link", { name: "Skip to content" });
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.locator("main#main")).toBeFocused();
      // The next Tab continues inside the content, not back at the top of the page.
      await page.keyboard.press("Tab");
      expect((await focusedElement(page))?.pastSkipTarget, "the element after the skip is in or after <main id=main>").toBe(true);
    });
  }

  for (const theme of THEMES) {
    test(`every element Tab reaches shows a focus ring, ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      for (const path of ["/", "/login", "/register"]) {
        await page.goto(path);
        await page.waitForLoadState("load");
        let reached = 0;
        for (let step = 0; step < 25; step += 1) {
          await page.keyboard.press("Tab");
          const focused = await focusedElement(page);
          if (!focused || focused.alreadySeen) break;
          reached += 1;
          const hasRing = (focused.outlineStyle !== "none" && focused.outlineWidth >= 2) || focused.boxShadow !== "none";
          expect.soft(hasRing, `${path}: ${focused.description} has a visible focus ring`).toBe(true);
        }
        expect(reached, `${path}: Tab reached interactive elements`).toBeGreaterThan(2);
      }
    });
  }
});
