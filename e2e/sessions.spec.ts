import { expect, test } from "@playwright/test";
import { newCustomer, register, signIn } from "./support";

const spotInput = { label: "E2E-1", zone: "North", kind: "COMPACT" };

test.describe("browser sessions", () => {
  test("signing out revokes the session: the old cookie, put back, no longer signs anyone in", async ({ page, context }) => {
    const customer = newCustomer("Sam Session", "sessions");
    await register(page, customer);
    const sessionCookies = (await context.cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(sessionCookies).toHaveLength(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await context.addCookies(sessionCookies);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    const status = await page.evaluate(async () => (await fetch("/api/v1/users/me")).status);
    expect(status).toBe(401);
  });

  test("the app's own pages can write with the cookie; another origin's form cannot", async ({ page }) => {
    const customer = newCustomer("Cleo Crosssite", "sessions");
    await register(page, customer);
    const sameOrigin = await page.evaluate(async (input) => {
      const response = await fetch("/api/v1/spots", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
      return response.status;
    }, spotInput);
    expect(sameOrigin).toBe(201);
    const plainText = await page.evaluate(async (input) => {
      const response = await fetch("/api/v1/spots", { method: "POST", body: JSON.stringify({ ...input, label: "E2E-2" }) });
      return response.status;
    }, spotInput);
    expect(plainText).toBe(415);
  });

  test("Sign out everywhere on the profile page ends this session and the one in another browser", async ({ page, browser }) => {
    test.setTimeout(90_000); // two browsers, three sign-ins
    const customer = newCustomer("Eve Everywhere", "sessions");
    await register(page, customer);

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, customer.email, customer.password);
    await expect(other.getByTestId("signed-in-user")).toContainText(customer.name);

    await page.goto("/profile");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login\?notice=signed-out-everywhere$/);
    await expect(page.getByText("Signed out everywhere — sign in again")).toBeVisible();

    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    await otherContext.close();

    await signIn(page, customer.email, customer.password);
    await expect(page.getByTestId("signed-in-user")).toContainText(customer.name);
  });
});
