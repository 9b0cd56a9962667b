import type { Page } from "@playwright/test";

/**
 * Every page of the app, by who opens it. The accessibility and layout specs walk this list;
 * a new page is added here once and both check it.
 */
export interface AppPage {
  /** A path, or for a page with an id in it the list page that links to one. */
  path: string;
  name: string;
  /** For a page with an id in its path: follow the first link from `path` whose href starts with this. */
  follow?: string;
  /** With `follow`: the link's href also ends with this (e.g. a booking's `/inspection`). */
  followSuffix?: string;
}

export type Audience = "visitor" | "CUSTOMER" | "ADMIN" | "EMPLOYEE" | "MECHANIC";

/** The demo account each signed-in audience uses (password `wheelhouse-demo`). */
export const DEMO_ACCOUNTS: Record<Exclude<Audience, "visitor">, string> = {
  CUSTOMER: "resident@wheelhouse.local",
  ADMIN: "admin@wheelhouse.local",
  EMPLOYEE: "employee@wheelhouse.local",
  MECHANIC: "mechanic@wheelhouse.local",
};

export const PUBLIC_PAGES: readonly AppPage[] = [
  { path: "/", name: "home" },
  { path: "/login", name: "sign-in" },
  { path: "/register", name: "sign-up" },
  { path: "/info/about", name: "garage-about" },
  { path: "/info/opening-hours", name: "garage-opening-hours" },
  { path: "/info/faq", name: "garage-faq" },
  { path: "/info/terms", name: "garage-terms" },
  { path: "/docs", name: "api-docs-swagger" },
  { path: "/redoc", name: "api-docs-redoc" },
  // What the service worker shows for an unvisited page while offline; also reachable directly.
  { path: "/offline", name: "offline" },
];

export const CUSTOMER_PAGES: readonly AppPage[] = [
  { path: "/dashboard", name: "dashboard" },
  { path: "/parking", name: "parking-board" },
  { path: "/parking", name: "parking-spot", follow: "/parking/spots/" },
  { path: "/parking/mine", name: "parking-my-spots" },
  { path: "/parking/reservations", name: "parking-reservations" },
  { path: "/parking/credits", name: "parking-credits" },
  { path: "/rentals", name: "rentals-catalogue" },
  { path: "/rentals", name: "rentals-vehicle", follow: "/rentals/vehicles/" },
  { path: "/rentals/mine", name: "rentals-mine" },
  { path: "/garage", name: "garage-catalogue" },
  { path: "/garage", name: "garage-service", follow: "/garage/services/" },
  { path: "/garage/cars", name: "garage-cars" },
  { path: "/garage/cart", name: "garage-cart" },
  { path: "/garage/checkout", name: "garage-checkout" },
  { path: "/garage/bookings", name: "garage-bookings" },
  { path: "/garage/bookings", name: "garage-booking", follow: "/garage/bookings/" },
  { path: "/garage/invoices", name: "garage-invoices" },
  { path: "/garage/invoices", name: "garage-invoice", follow: "/garage/invoices/" },
  { path: "/garage/support", name: "garage-support" },
  { path: "/profile", name: "profile" },
];

/** Staff pages by the role whose navigation leads to them (an admin sees every one). */
export const STAFF_PAGES: Record<"ADMIN" | "EMPLOYEE" | "MECHANIC", readonly AppPage[]> = {
  ADMIN: [
    { path: "/dashboard", name: "admin-dashboard" },
    { path: "/admin/users", name: "admin-users" },
    { path: "/admin/permissions", name: "admin-permissions" },
    { path: "/admin/events", name: "admin-events" },
    { path: "/admin/backups", name: "admin-backups" },
    { path: "/admin/notification-logs", name: "admin-notification-logs" },
    { path: "/admin/rentals", name: "admin-rental-requests" },
    { path: "/admin/fleet", name: "admin-fleet" },
    { path: "/admin/branches", name: "admin-branches" },
    { path: "/admin/garage/bookings", name: "admin-garage-workshop" },
    { path: "/admin/garage/dashboard", name: "admin-garage-dashboard" },
    { path: "/admin/garage/board", name: "admin-garage-board" },
    { path: "/admin/garage/planner", name: "admin-garage-planner" },
    { path: "/admin/garage/inspection-templates", name: "admin-garage-inspection-templates" },
    { path: "/admin/garage/invoices", name: "admin-garage-invoices" },
    { path: "/admin/garage/invoices", name: "admin-garage-invoice", follow: "/garage/invoices/" },
    { path: "/admin/garage/support", name: "admin-garage-support" },
    { path: "/admin/garage/catalogue", name: "admin-garage-catalogue" },
    { path: "/admin/garage/car-models", name: "admin-garage-car-models" },
    { path: "/admin/garage/areas", name: "admin-garage-areas" },
    { path: "/admin/garage/gst", name: "admin-garage-gst" },
    { path: "/admin/garage/content", name: "admin-garage-content" },
    // Needs a checked-in booking on the board (the demo data has bookings in every status today).
    { path: "/admin/garage/board", name: "admin-garage-inspection", follow: "/admin/garage/bookings/", followSuffix: "/inspection" },
  ],
  EMPLOYEE: [
    { path: "/dashboard", name: "employee-dashboard" },
    { path: "/admin/rentals", name: "employee-rental-requests" },
    { path: "/admin/fleet", name: "employee-fleet" },
    { path: "/admin/branches", name: "employee-branches" },
  ],
  MECHANIC: [
    { path: "/dashboard", name: "mechanic-dashboard" },
    { path: "/admin/garage/bookings", name: "mechanic-garage-workshop" },
    { path: "/admin/garage/board", name: "mechanic-garage-board" },
    { path: "/admin/garage/jobs", name: "mechanic-garage-jobs" },
    // Needs a checked-in booking on the board (the demo data has bookings in every status today).
    { path: "/admin/garage/board", name: "mechanic-garage-inspection", follow: "/admin/garage/bookings/", followSuffix: "/inspection" },
  ],
};

/**
 * `E2E_PAGES=<regular expression>` narrows the page walks (accessibility, layout) to the pages whose name matches,
 * e.g. `E2E_PAGES=garage` while working on the garage's pages. Unset: every page.
 */
export function selectedPages(pages: readonly AppPage[]): readonly AppPage[] {
  const filter = process.env.E2E_PAGES;
  if (!filter) return pages;
  const pattern = new RegExp(filter);
  return pages.filter((appPage) => pattern.test(appPage.name));
}

/** Opens a page of the list: its path, or the first page its `follow` prefix links to. Returns the path opened. */
export async function openAppPage(page: Page, appPage: AppPage): Promise<string> {
  await page.goto(appPage.path);
  if (!appPage.follow) return appPage.path;
  const suffix = appPage.followSuffix ? `[href$="${appPage.followSuffix}"]` : "";
  const link = page.locator(`main a[href^="${appPage.follow}"]${suffix}`).first();
  // A list without such a link fails here, with the message below, rather than at the test's timeout.
  const href = await link.getAttribute("href", { timeout: 15_000 }).catch(() => null);
  if (!href) throw new Error(`${appPage.path} links to no ${appPage.follow}…${appPage.followSuffix ?? ""} page`);
  await page.goto(href);
  return href;
}
