import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { apiToken, DEMO_PASSWORD, mainOf, markPage, signIn, stillSamePage, waitLive } from "./support";

const OWNER = "resident@wheelhouse.local";

let sequence = 0;
function stamp(): string {
  return `${Date.now()}${sequence++}`;
}

/**
 * The reserver is a new resident per run, so the balance starts at exactly 50
 * whatever the demo seed did with the demo residents' credits.
 */
async function registerResident(request: APIRequestContext, name: string) {
  const unique = stamp();
  const resident = {
    name: `${name} ${unique.slice(-6)}`,
    email: `parking.${unique}@example.test`,
    phone: `+1${unique.slice(-12)}`,
    password: "correct horse battery",
  };
  const response = await request.post("/api/v1/customers/", { data: resident });
  expect(response.status()).toBe(201);
  return resident;
}

async function nameOf(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<string> {
  const token = await apiToken(request, username, password);
  const me = await request.get("/api/v1/users/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  return ((await me.json()) as { name: string }).name;
}


/** A `datetime-local` value `minutes` from now in the page's own time zone (the browser context's). */
async function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date(Date.now() + offset * 60_000);
    const pad = (value: number) => String(value).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, minutes);
}

/** Waits until the clock is early in a minute, so "this minute" still holds when the form is sent. */
async function earlyInMinute(page: Page) {
  const seconds = await page.evaluate(() => new Date().getSeconds());
  if (seconds > 45) await page.waitForTimeout((61 - seconds) * 1000);
}

const spotCard = (page: Page, label: string): Locator => mainOf(page).getByTestId("spot-card").filter({ hasText: label });

test.describe("parking", () => {
  test("a resident shares a spot, another sees it live, reserves it and both follow credits and status live", async ({ browser, request }) => {
    test.setTimeout(180_000);
    const unique = stamp().slice(-8);
    const label = `E2E-${unique}`;
    const zone = `E2E zone ${unique}`;
    const ownerName = await nameOf(request, OWNER);
    const reserver = await registerResident(request, "Rita Reserver");

    // Two people in two time zones: the times they type are their own local times.
    const ownerContext = await browser.newContext({ timezoneId: "America/New_York" });
    const reserverContext = await browser.newContext({ timezoneId: "Asia/Kolkata" });
    try {
      const owner = await ownerContext.newPage();
      const board = await reserverContext.newPage();
      await signIn(owner, OWNER);
      await signIn(board, reserver.email, reserver.password);

      // The reserver opens the board from the main navigation and keeps it open.
      await board.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Parking" }).click();
      await expect(board).toHaveURL(/\/parking$/);
      await expect(board.getByRole("heading", { level: 1, name: "Parking" })).toBeVisible();
      await waitLive(board);
      await markPage(board);

      // …and their credits in a second tab.
      const wallet = await reserverContext.newPage();
      await wallet.goto("/parking/credits");
      await expect(mainOf(wallet).getByTestId("credits-balance")).toHaveText("50");
      await expect(mainOf(wallet).getByTestId("credits-escrow")).toHaveText("0");
      await expect(mainOf(wallet).getByTestId("balance-chart")).toBeVisible();
      await waitLive(wallet);
      await markPage(wallet);

      // The owner registers a spot.
      await owner.goto("/parking/mine");
      await expect(owner.getByRole("heading", { level: 1, name: "My spots" })).toBeVisible();
      const register = owner.getByRole("region", { name: "Register a spot" });
      await register.getByLabel("Label").fill(label);
      await register.getByLabel("Zone").fill(zone);
      await register.getByLabel("Kind").selectOption("EV_CHARGER");
      await register.getByLabel("Description").fill("Next to the lift");
      await register.getByRole("button", { name: "Register spot" }).click();
      await expect(register.getByText(`Registered ${label} in ${zone}.`)).toBeVisible();
      const owned = mainOf(owner).getByTestId("owned-spot").filter({ hasText: label });
      await expect(owned).toHaveCount(1);

      // The spot appears on the reserver's open board, not offered yet.
      await expect(spotCard(board, label)).toHaveAttribute("data-status", "not-offered", { timeout: 10_000 });

      // The owner publishes a window from now (this minute) for three hours.
      await earlyInMinute(owner);
      const publish = owned.getByRole("form", { name: `Publish a window for ${label}` });
      await publish.getByLabel("From").fill(await localInput(owner, 0));
      await publish.getByLabel("To").fill(await localInput(owner, 180));
      await publish.getByRole("button", { name: "Publish window" }).click();
      await expect(publish.getByText("Window published")).toBeVisible();

      // Within moments the reserver's board shows it free now, in its zone, without a reload.
      const zoneSection = mainOf(board).getByTestId("zone").filter({ hasText: zone });
      await expect(zoneSection.getByTestId("board-free-now").getByTestId("spot-card").filter({ hasText: label })).toBeVisible({ timeout: 5_000 });
      expect(await stillSamePage(board)).toBe(true);

      // The owner watches their reservations page.
      const ledger = await ownerContext.newPage();
      await ledger.goto("/parking/reservations");
      await expect(ledger.getByRole("heading", { level: 1, name: "Reservations" })).toBeVisible();
      await waitLive(ledger);
      await markPage(ledger);

      // The reserver opens the spot: cost, who receives it, and their balance.
      await spotCard(board, label).getByRole("link").click();
      await expect(board).toHaveURL(/\/parking\/spots\/[0-9a-f-]{36}$/);
      await expect(board.getByRole("heading", { level: 1, name: label })).toBeVisible();
      await expect(mainOf(board).getByTestId("reserve-cost")).toHaveText("This will cost 3 credits");
      await expect(mainOf(board).getByTestId("reserve-owner")).toHaveText(ownerName);
      await expect(mainOf(board).getByTestId("reserve-balance")).toHaveText("50 credits");
      await expect(mainOf(board).getByTestId("offered-windows").getByRole("listitem")).toHaveCount(1);

      // An end before the start is refused next to the field, nothing is reserved.
      await mainOf(board).getByLabel("Start", { exact: true }).fill(await localInput(board, 60));
      await mainOf(board).getByLabel("End", { exact: true }).fill(await localInput(board, 30));
      await board.getByRole("button", { name: "Reserve" }).click();
      await expect(mainOf(board).getByText("Must be after startsAt")).toBeVisible();
      await expect(mainOf(board).getByLabel("End", { exact: true })).toHaveAttribute("aria-invalid", "true");

      // Reserve from 30 to 90 minutes from now (the reserver's local time).
      await mainOf(board).getByLabel("Start", { exact: true }).fill(await localInput(board, 30));
      await mainOf(board).getByLabel("End", { exact: true }).fill(await localInput(board, 90));
      await board.getByRole("button", { name: "Reserve" }).click();
      await expect(mainOf(board).getByText(`Reserved ${label}.`)).toBeVisible();
      await expect(mainOf(board).getByTestId("reservation-confirmation")).toBeVisible();
      await expect(mainOf(board).getByTestId("reserve-balance")).toHaveText("47 credits");
      await expect(mainOf(board).getByTestId("busy-periods").getByRole("listitem")).toHaveCount(1);

      // The reserver's credits tab follows live: 47 available, 3 in escrow.
      await expect(mainOf(wallet).getByTestId("credits-balance")).toHaveText("47", { timeout: 5_000 });
      await expect(mainOf(wallet).getByTestId("credits-escrow")).toHaveText("3");
      await expect(mainOf(wallet).getByTestId("ledger-row").filter({ hasText: "Held in escrow" })).toHaveCount(1);
      expect(await stillSamePage(wallet)).toBe(true);

      // The owner's reservations page shows it live.
      const row = mainOf(ledger).getByTestId("reservations-on-my-spots").getByTestId("reservation-row").filter({ hasText: label });
      await expect(row).toHaveCount(1, { timeout: 5_000 });
      await expect(row).toContainText(reserver.name);
      await expect(row.getByTestId("reservation-status")).toHaveText("Confirmed");
      expect(await stillSamePage(ledger)).toBe(true);

      // The owner cancels; the reserver gets the full cost back, live.
      await row.getByRole("button", { name: `Cancel reservation of ${label}` }).click();
      await row.getByRole("button", { name: "Cancel reservation", exact: true }).click();
      await expect(row.getByTestId("reservation-status")).toHaveText("Cancelled");

      await expect(mainOf(wallet).getByTestId("credits-balance")).toHaveText("50", { timeout: 5_000 });
      await expect(mainOf(wallet).getByTestId("credits-escrow")).toHaveText("0");
      await expect(mainOf(wallet).getByTestId("ledger-row").filter({ hasText: "Refunded" })).toHaveCount(1);
      expect(await stillSamePage(wallet)).toBe(true);

      // The reserver's spot page hears the cancellation too: the period is free again.
      await expect(mainOf(board).getByTestId("busy-periods")).toHaveCount(0, { timeout: 5_000 });
      await expect(mainOf(board).getByTestId("reserve-balance")).toHaveText("50 credits");
    } finally {
      await ownerContext.close();
      await reserverContext.close();
    }
  });

  test("a first visit of each parking page gets its content in the document itself, not a placeholder the content replaces later", async ({ page }) => {
    // React reveals content streamed after a Suspense fallback at least 300 ms after the first paint, even when it
    // came in the same response: the board's first paint was a skeleton.
    await signIn(page, OWNER);
    for (const [path, title] of [["/parking", "Parking"], ["/parking/mine", "My spots"], ["/parking/reservations", "Reservations"], ["/parking/credits", "Credits"]] as const) {
      const html = await (await page.goto(path))!.text();
      expect(/<div hidden id="S:\d+">/.test(html), `${path} streams content in after its first paint`).toBe(false);
      const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
      expect(main.includes(`>${title}</h1>`), `${path} has its heading in <main>`).toBe(true);
      await expect(mainOf(page).getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(mainOf(page).getByRole("status")).toHaveCount(0);
    }
  });

  test("the dashboard's Parking card opens the board; the owner's quick toggle frees a spot and takes it back", async ({ page }) => {
    const label = `E2E-T${stamp().slice(-7)}`;
    await signIn(page, OWNER);
    await page.getByRole("link", { name: /Parking.*Share your spot/ }).click();
    await expect(page).toHaveURL(/\/parking$/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Parking" })).toHaveAttribute("aria-current", "page");

    await page.getByRole("navigation", { name: "Parking" }).getByRole("link", { name: "My spots" }).click();
    await expect(page).toHaveURL(/\/parking\/mine$/);
    const register = page.getByRole("region", { name: "Register a spot" });
    await register.getByLabel("Label").fill(label);
    await register.getByLabel("Zone").fill("E2E toggles");
    await register.getByRole("button", { name: "Register spot" }).click();
    const owned = mainOf(page).getByTestId("owned-spot").filter({ hasText: label });
    await expect(owned).toHaveCount(1);

    // The same label twice is a conflict, shown in place.
    await register.getByLabel("Label").fill(label);
    await register.getByLabel("Zone").fill("E2E toggles");
    await register.getByRole("button", { name: "Register spot" }).click();
    await expect(register.getByText("You already have a spot with this label.")).toBeVisible();

    const toggle = owned.getByRole("form", { name: `Quick availability for ${label}` });
    await toggle.getByLabel("Free until").fill(await localInput(page, 120));
    await toggle.getByRole("button", { name: /^Free until .*\d/ }).click();
    await expect(toggle.getByText("Your spot is free now.")).toBeVisible();
    await expect(owned.locator('[data-status="free-now"]')).toBeVisible();

    await toggle.getByRole("button", { name: "Not available" }).click();
    await expect(toggle.getByText("Your spot is no longer offered.")).toBeVisible();
    await expect(owned.locator('[data-status="not-offered"]')).toBeVisible();

    await owned.getByRole("button", { name: `Delete ${label}` }).click();
    await owned.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(mainOf(page).getByTestId("owned-spot").filter({ hasText: label })).toHaveCount(0);
  });
});
