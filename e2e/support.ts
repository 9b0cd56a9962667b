import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "wheelhouse-demo";

/** Signs in through the login page and waits for the dashboard. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Phone or email").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in hashes the password (bcrypt) and renders the dashboard: slow on a loaded machine.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
}

let sequence = 0;
/** A new customer's details, unique per run and per call; `emailPrefix` tells the specs' accounts apart. */
export function newCustomer(name: string, emailPrefix: string) {
  const stamp = `${Date.now()}${sequence++}`;
  return {
    name: `${name} ${stamp.slice(-6)}`,
    email: `${emailPrefix}.${stamp}@example.test`,
    phone: `+1${stamp.slice(-12)}`,
    password: "correct horse battery",
  };
}

/** Fills in and sends the sign-up form (without waiting for the outcome: some specs expect a refusal). */
export async function submitRegistration(page: Page, customer: ReturnType<typeof newCustomer>): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Full name", { exact: true }).fill(customer.name);
  await page.getByLabel("Phone", { exact: true }).fill(customer.phone);
  await page.getByLabel("Email", { exact: true }).fill(customer.email);
  await page.getByLabel("Password", { exact: true }).fill(customer.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up through the sign-up page and waits for the dashboard. */
export async function register(page: Page, customer: ReturnType<typeof newCustomer>): Promise<void> {
  await submitRegistration(page, customer);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
}

/** The page's main landmark: content looked up inside it is not confused with the header's, the bell's or the tab bar's. */
export function mainOf(page: Page): Locator {
  return page.getByRole("main");
}

/** The scripts a page's document starts with: the build's chunks it loads as `<script async>`, not the legacy polyfills. */
export function startupScripts(document: string): string[] {
  return [...document.matchAll(/<script src="(\/_next\/static\/chunks\/[^"]+\.js)" async=""/g)].map((match) => match[1]!);
}

/** The global `markPage` sets in the page's JavaScript realm. */
export const PAGE_MARKER = "__wheelhouseMarker";

/** Marks the page's JavaScript realm; `stillSamePage` is false once the page was reloaded or left. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate((marker) => Reflect.set(window, marker, true), PAGE_MARKER);
}
export async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate((marker) => Reflect.get(window, marker) === true, PAGE_MARKER);
}

/** Waits until the page's live connection is up (the live indicator says so). */
export async function waitLive(page: Page, timeout = 20_000): Promise<void> {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live", { timeout });
}

/** An access token from the API's login, for setting things up beside the browser. */
export async function apiToken(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<string> {
  const login = await request.post("/api/v1/auth/login", { form: { username, password } });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { access_token: string }).access_token;
}
