import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support";

/** The interactive API reference on the running server: both viewers render the one document, and "Try it out" works. */
test.describe("API reference", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`/docs and /redoc render the OpenAPI document (${scheme})`, async ({ page }, testInfo) => {
      // Both viewers lay out the whole document (three modules' operations) in the browser before showing a title.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/docs");
      await expect(page.locator(".swagger-ui .info .title")).toContainText("Wheelhouse", { timeout: 45_000 });
      await expect(page.locator(".opblock-summary-path", { hasText: "/api/v1/users/me" }).first()).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`docs-${scheme}.png`), fullPage: false });

      await page.goto("/redoc");
      await expect(page.locator("h1").first()).toContainText("Wheelhouse", { timeout: 45_000 });
      await expect(page.getByText("/api/v1/spots", { exact: false }).first()).toBeAttached();
      await page.screenshot({ path: testInfo.outputPath(`redoc-${scheme}.png`), fullPage: false });
    });
  }

  test("Swagger UI's Try it out calls the running server with a bearer token from the login operation", async ({ page, request }) => {
    const login = await request.post("/api/v1/auth/login", { form: { username: "resident@wheelhouse.local", password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };

    await page.goto("/docs");
    await page.getByRole("button", { name: "Authorize" }).first().click();
    const dialog = page.locator(".modal-ux");
    const bearer = dialog.locator(".auth-container", { hasText: "bearerAuth" });
    await bearer.locator("input").fill(token);
    await bearer.getByRole("button", { name: "Apply credentials" }).click();
    await expect(bearer.getByRole("button", { name: "Remove authorization" })).toBeVisible();
    await dialog.locator("button.btn-done").first().click();

    const operation = page.locator(".opblock-get", { has: page.locator(".opblock-summary-path", { hasText: /^\/api\/v1\/users\/me$/ }) }).first();
    await operation.locator(".opblock-summary").click();
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.getByRole("button", { name: "Execute" }).click();
    await expect(operation.locator(".live-responses-table tbody .response-col_status").first()).toHaveText("200");
    await expect(operation.locator(".live-responses-table")).toContainText("resident@wheelhouse.local");
  });
});
