import { expect, test } from "@playwright/test";
import { mainOf, markPage, newCustomer, register, signIn, stillSamePage, waitLive } from "./support";

test.describe("garage", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a customer adds a car, puts two services in the cart and books a slot; the admin's list shows it without reloading", async ({ browser }, testInfo) => {
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, "admin@wheelhouse.local");
    await admin.goto("/admin/garage/bookings");
    await expect(admin.getByRole("heading", { level: 1, name: "Bookings" })).toBeVisible();
    await waitLive(admin, 15_000);
    await markPage(admin);

    const customer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const account = newCustomer("Gita Garage", "garage");
    await register(customer, account);

    // My cars: the model picker and the plate.
    await customer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Garage" }).click();
    await expect(mainOf(customer).getByRole("heading", { level: 1, name: "Garage services" })).toBeVisible();
    await expect(customer.getByTestId("add-car-hint")).toBeVisible();
    await customer.getByRole("navigation", { name: "Garage" }).getByRole("link", { name: "My cars" }).click();
    const plate = `TN 09 ${account.phone.slice(-6)}`;
    const model = await customer.locator("option", { hasText: "Honda City" }).first().getAttribute("value");
    await customer.getByLabel("Model").selectOption(model ?? "");
    await customer.getByLabel("Number plate").fill(plate.toLowerCase());
    await customer.getByRole("button", { name: "Add car" }).click();
    await expect(customer.getByTestId("my-car").filter({ hasText: plate })).toContainText("Honda City");

    // The catalogue prices services for that car; two go into the cart.
    await customer.getByRole("navigation", { name: "Garage" }).getByRole("link", { name: "Services" }).click();
    await expect(customer.getByTestId("service-count")).toContainText(`prices for Honda City (${plate})`);
    for (const service of ["Engine oil change", "Wheel alignment"]) {
      const card = customer.getByTestId("service-card").filter({ hasText: service });
      await card.getByRole("button", { name: `Add to cart: ${service}` }).click();
      await expect(card).toContainText(`${service} for ${plate} is in your cart.`);
    }

    await customer.getByRole("navigation", { name: "Garage" }).getByRole("link", { name: "Cart" }).click();
    await expect(customer.getByTestId("cart-line")).toHaveCount(2);
    await customer.getByRole("link", { name: "Checkout" }).click();

    // Checkout: the price breakdown with GST and the free slots for 90 minutes of work.
    await expect(mainOf(customer).getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
    await expect(customer.getByTestId("checkout-totals")).toContainText("90 min");
    await expect(customer.getByTestId("checkout-totals")).toContainText("GST");
    await customer.getByLabel("Day", { exact: true }).fill(nextWeekday());
    await customer.getByRole("button", { name: "Show slots" }).click();
    await expect(customer.getByTestId("slot-button").first()).toBeVisible();
    await customer.screenshot({ path: testInfo.outputPath("checkout-phone.png"), fullPage: true });
    await customer.getByTestId("slot-button").first().click();
    await customer.getByRole("button", { name: "Book" }).click();

    await expect(customer).toHaveURL(/\/garage\/bookings$/);
    const booking = customer.getByTestId("my-booking").filter({ hasText: plate });
    await expect(booking.getByTestId("booking-status")).toHaveText("Booked");

    // The admin's list got it live, without a reload.
    const row = admin.getByTestId("admin-booking").filter({ hasText: plate });
    await expect(row).toContainText("Honda City", { timeout: 15_000 });
    await expect(row.getByTestId("booking-status")).toHaveText("Booked");
    expect(await stillSamePage(admin)).toBe(true);
    await admin.screenshot({ path: testInfo.outputPath("admin-bookings.png"), fullPage: true });
  });

  test("the shop's pages are public, linked from every footer, and never run HTML an editor wrote", async ({ page, request }) => {
    const login = await request.post("/api/v1/auth/login", { form: { username: "admin@wheelhouse.local", password: "wheelhouse-demo" } });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const edit = await request.patch("/api/v1/content/faq", {
      headers: { authorization: `Bearer ${token}` },
      data: { body: "# Questions\n\n**Can I wait?** Yes.\n\n<script>window.__injected = true</script>\n\n<img src=x onerror=\"window.__injected = true\">\n\n[Call us](javascript:window.__injected=true)" },
    });
    expect(edit.status()).toBe(200);

    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "FAQ" }).click();
    await expect(page).toHaveURL(/\/info\/faq$/);
    await expect(mainOf(page).getByRole("heading", { name: "Questions", exact: true })).toBeVisible();
    await expect(mainOf(page).getByText("Can I wait?")).toBeVisible();
    await expect(mainOf(page).locator("img, script")).toHaveCount(0);
    await expect(mainOf(page).getByRole("link", { name: "Call us" })).not.toHaveAttribute("href", /javascript/);
    expect(await page.evaluate(() => Reflect.get(window, "__injected"))).toBeUndefined();
  });
});

/** A Tuesday at least a week ahead (`YYYY-MM-DD`): the shop opens Monday to Saturday. */
function nextWeekday(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
