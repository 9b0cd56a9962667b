import { expect, test, type Page } from "@playwright/test";
import { submitRegistration } from "./support";

const DEMO_PASSWORD = "wheelhouse-demo";

let sequence = 0;
/** A new customer's details, unique per run and per call. */
function newCustomer(name = "Casey Customer") {
  const stamp = `${Date.now()}${sequence++}`;
  return {
    name,
    email: `casey.${stamp}@example.test`,
    phone: `+1${stamp.slice(-12)}`,
    password: "correct horse battery",
  };
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Phone or email").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("registration and customer navigation", () => {
  test("a visitor registers, lands on the dashboard, sees only customer pages and signs out", async ({ page }) => {
    const customer = newCustomer();
    await page.goto("/");
    await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/register$/);
    await submitRegistration(page, customer);

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${customer.name}`);
    await expect(page.getByTestId("signed-in-user")).toContainText(customer.name);
    await expect(page.getByTestId("signed-in-user")).toContainText("Customer");
    await expect(page.getByTestId("credit-balance")).toHaveText("50");
    for (const moduleName of ["Parking", "Rentals", "Garage"]) {
      await expect(page.getByRole("heading", { level: 3, name: moduleName })).toBeVisible();
    }

    const nav = mainNav(page);
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Permissions" })).toHaveCount(0);

    await page.goto("/");
    await expect(page.getByRole("banner").getByRole("link", { name: "Dashboard" })).toHaveAttribute("href", "/dashboard");
    await page.getByRole("banner").getByRole("link", { name: "Dashboard" }).click();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  });

  test("registration shows field errors next to the fields and a taken email as a conflict", async ({ page }) => {
    const customer = newCustomer();
    await submitRegistration(page, { ...customer, phone: "12", password: "short" });
    await expect(page.getByText("Must be at least 8 characters")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Must be a phone number of 7 to 15 digits")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue(customer.name);
    await expect(page).toHaveURL(/\/register$/);

    await submitRegistration(page, { ...customer, email: "resident@wheelhouse.local" });
    await expect(page.getByText("A user with this email already exists.")).toBeVisible();
    await expect(page).toHaveURL(/\/register$/);
  });

  test("a customer is refused the admin pages with a 403", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, "resident@wheelhouse.local");
    await expect(page).toHaveURL(/\/dashboard$/);
    for (const path of ["/admin/users", "/admin/permissions"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    }
  });
});

test.describe("signing in", () => {
  test("a wrong password shows an error and stays on /login", async ({ page }) => {
    await page.goto("/login");
    await signIn(page, "resident2@wheelhouse.local", "not-the-password");
    await expect(page.getByText("Incorrect phone/email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("Phone or email")).toHaveValue("resident2@wheelhouse.local");
  });

  test("repeated failures are rate limited and the server's message is shown", async ({ page }) => {
    const username = newCustomer().email;
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, username, `wrong-${attempt}`);
      await expect(page.getByText("Incorrect phone/email or password.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await signIn(page, username, "wrong-6");
    await expect(page.getByText("Too many failed login attempts. Try again later.")).toBeVisible();
  });

  test("signed-out visitors of a signed-in page sign in and come back to it", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprofile$/);
    await signIn(page, "+15550000005");
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByLabel("Email")).toHaveValue("resident2@wheelhouse.local");
  });

  test("an off-site callbackUrl is ignored", async ({ page }) => {
    await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await signIn(page, "mechanic@wheelhouse.local");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test.describe("profile", () => {
  test("a customer edits their name and changes their password, which signs them out", async ({ page }) => {
    const customer = newCustomer("Pat Profile");
    await submitRegistration(page, customer);
    await expect(page).toHaveURL(/\/dashboard$/);

    await mainNav(page).getByRole("link", { name: "Profile" }).click();
    await expect(page.getByLabel("Email")).toHaveValue(customer.email);
    await page.getByLabel("Full name").fill("Pat Renamed");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Profile saved.")).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText("Pat Renamed");

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new secret");
    await page.getByLabel("Repeat new password").fill("a brand new secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Is incorrect")).toBeVisible();

    await page.getByLabel("Current password").fill(customer.password);
    await page.getByLabel("New password", { exact: true }).fill("a brand new secret");
    await page.getByLabel("Repeat new password").fill("a brand new secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/login\?notice=password-changed$/);
    await expect(page.getByText("Password changed — sign in again")).toBeVisible();

    await signIn(page, customer.email, customer.password);
    await expect(page.getByText("Incorrect phone/email or password.")).toBeVisible();
    await signIn(page, customer.email, "a brand new secret");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Pat Renamed");
  });
});

test.describe("administration", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/login");
    await signIn(page, "admin@wheelhouse.local");
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("an admin sees Users and Permissions; the permissions grid renders and guards the ADMIN role", async ({ page }) => {
    const nav = mainNav(page);
    await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
    await nav.getByRole("link", { name: "Permissions" }).click();
    await expect(page).toHaveURL(/\/admin\/permissions$/);

    const grid = page.getByRole("table");
    for (const role of ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"]) {
      await expect(grid.getByRole("columnheader", { name: new RegExp(`^${role}`) })).toBeVisible();
    }
    await expect(grid.getByRole("rowheader", { name: /Parking spots/ })).toBeVisible();
    await expect(grid.getByRole("checkbox", { name: "CUSTOMER READ:SPOTS" })).toBeChecked();
    await expect(grid.getByRole("checkbox", { name: "MECHANIC READ:SPOTS" })).not.toBeChecked();
    // CONTENT has only READ and UPDATE: no cell for the other two actions.
    await expect(grid.getByRole("checkbox", { name: "ADMIN WRITE:CONTENT" })).toHaveCount(0);

    await grid.getByRole("checkbox", { name: "ADMIN UPDATE:RBAC" }).uncheck();
    await page.getByRole("button", { name: "Save ADMIN permissions" }).click();
    await expect(page.getByText("The ADMIN role must keep UPDATE:RBAC.")).toBeVisible();

    await page.reload();
    await expect(grid.getByRole("checkbox", { name: "ADMIN UPDATE:RBAC" })).toBeChecked();
  });

  test("an admin creates a mechanic and deletes them again", async ({ page }) => {
    const person = newCustomer("Morgan Mechanic");
    await mainNav(page).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("rowheader", { name: "Ada Admin" })).toBeVisible();

    // Exact labels: other specs create people whose names contain "Phone" or "Email", and their Delete buttons say so.
    await page.getByLabel("Role", { exact: true }).selectOption("MECHANIC");
    await page.getByLabel("Full name", { exact: true }).fill(person.name);
    await page.getByLabel("Phone", { exact: true }).fill(person.phone);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByLabel("Initial password", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(/Created mechanic Morgan Mechanic \(MEC\d{6}\)\./)).toBeVisible();

    const row = page.getByRole("row", { name: new RegExp(person.name) });
    await expect(row).toContainText("Mechanic");
    await row.getByRole("button", { name: `Delete ${person.name}` }).click();
    await row.getByRole("button", { name: `Confirm deleting ${person.name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(person.name) })).toHaveCount(0);
  });
});
