import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { markPage, mainOf, signIn, stillSamePage, waitLive } from "./support";

/** Backups and notification logs from the admin pages; the live parts need the channel server (see live.spec.ts). */
const CHANNEL_SERVER_RUNS =
  process.env.E2E_LIVE === "1" || readFileSync(path.join(import.meta.dirname, "..", "scripts", "launcher.ts"), "utf8").includes("realtime");

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("admin operations", () => {
  test("an admin backs up, and a restore makes a signed-in customer's page reload", async ({ page, browser }) => {
    await signIn(page, "admin@wheelhouse.local");
    await mainNav(page).getByRole("link", { name: "Backups" }).click();
    await expect(page).toHaveURL(/\/admin\/backups$/);
    await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();

    const rowsBefore = await page.getByTestId("backup-row").count();
    await page.getByRole("button", { name: "Create a backup" }).click();
    await expect(mainOf(page).getByText(/^Backed up \d+ rows/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("backup-row")).toHaveCount(rowsBefore + 1);
    const newest = page.getByTestId("backup-row").first();
    await expect(newest.getByRole("link", { name: /^Download/ })).toHaveAttribute("href", /^\/api\/v1\/backups\/[\dTZ-]+[0-9a-f]{6}\/file$/);

    const customer = await browser.newPage();
    await signIn(customer, "resident@wheelhouse.local");
    if (CHANNEL_SERVER_RUNS) {
      await waitLive(customer);
      await markPage(customer);
    }

    // A restore refreshes every signed-in page, and must leave the build's static routes alone: the service worker
    // regenerated at run time lists its precache under the wrong paths, so no browser could install it again.
    const serviceWorker = async () => (await page.request.get("/serwist/sw.js")).text();
    const workerBefore = await serviceWorker();
    expect(workerBefore).toContain('url:"/_next/static/');

    await newest.getByRole("button", { name: /^Restore the backup of/ }).click();
    await expect(newest.getByText(/is lost/)).toBeVisible();
    await newest.getByRole("button", { name: "Restore and lose later changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible({ timeout: 30_000 });
    if (CHANNEL_SERVER_RUNS) {
      await expect.poll(() => stillSamePage(customer).catch(() => false), { timeout: 20_000 }).toBe(false);
      // The poll ends as soon as the reload starts; navigating before the reloaded page is up interrupts it.
      await waitLive(customer);
      // One reload, not one per channel the restore reached.
      await markPage(customer);
      await customer.waitForTimeout(2_000);
      expect(await stillSamePage(customer), "reloaded a second time").toBe(true);
    }
    expect(await serviceWorker(), "the service worker after a restore").toBe(workerBefore);
    // The resident is in the backup: still signed in after the reload.
    await customer.goto("/dashboard");
    await expect(customer).toHaveURL(/\/dashboard$/);
    await customer.close();
  });

  test("an admin sends an announcement to customers, reads the logs and filters them", async ({ page }) => {
    await signIn(page, "admin@wheelhouse.local");
    await mainNav(page).getByRole("link", { name: "Notification logs" }).click();
    await expect(page).toHaveURL(/\/admin\/notification-logs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Notification logs" })).toBeVisible();

    const title = `Car park closed ${Date.now()}`;
    await page.getByLabel("Send to").selectOption("CUSTOMER");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Message").fill("The car park is closed on Sunday for cleaning.");
    await page.getByRole("button", { name: "Send announcement" }).click();
    await expect(mainOf(page).getByText(/^Announcement sent to \d+ (person|people)\.$/)).toBeVisible({ timeout: 20_000 });

    // The scheduler delivers within a second or so; the log then lists the in-app deliveries.
    await page.getByLabel("Type").fill("announcement.sent");
    await page.getByLabel("Channel").selectOption("IN_APP");
    await expect(async () => {
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page.getByTestId("notification-log-row").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page).toHaveURL(/template=announcement\.sent/);
    await expect(page.getByTestId("notification-log-row").first()).toContainText("sent");
  });
});
