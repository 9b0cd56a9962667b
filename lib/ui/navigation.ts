import type { RoleName } from "../identity/roles";
import type { Scope } from "../rbac/scopes";
import { isRentalStaff } from "../modules/rentals/services/staff";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * Signed-in pages that exist, each with the scope that makes it useful.
 * `rentalStaff`: customers hold the scope only "(own)", so the page is for staff.
 */
const SHELL_PAGES: ReadonlyArray<NavItem & { scope?: Scope; rentalStaff?: boolean }> = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/parking", label: "Parking", scope: "READ:SPOTS" },
  { href: "/rentals", label: "Rentals", scope: "READ:VEHICLES" },
  { href: "/admin/rentals", label: "Requests", scope: "UPDATE:RENTALS", rentalStaff: true },
  { href: "/admin/fleet", label: "Fleet", scope: "UPDATE:VEHICLES" },
  { href: "/admin/branches", label: "Branches", scope: "WRITE:BRANCHES" },
  { href: "/admin/users", label: "Users", scope: "WRITE:USERS" },
  { href: "/admin/permissions", label: "Permissions", scope: "READ:RBAC" },
  { href: "/admin/events", label: "Events", scope: "READ:EVENTS" },
  { href: "/profile", label: "Profile" },
];

/** The shell's navigation: only the pages this principal's scopes (and, for staff pages, role) let them use. */
export function shellNavigation(scopes: ReadonlySet<Scope>, role?: RoleName): NavItem[] {
  return SHELL_PAGES.filter(
    (page) => (!page.scope || scopes.has(page.scope)) && (!page.rentalStaff || (role !== undefined && isRentalStaff({ role }))),
  ).map(({ href, label }) => ({ href, label }));
}

export type ModuleName = "Parking" | "Rentals" | "Garage";

/** The business modules and the scope that opens each; `href` once a module's pages are built. */
export const MODULES: ReadonlyArray<{ name: ModuleName; scope: Scope; summary: string; href?: string }> = [
  { name: "Parking", scope: "READ:SPOTS", summary: "Share your spot when you are away and reserve a neighbour's for credits.", href: "/parking" },
  { name: "Rentals", scope: "READ:VEHICLES", summary: "Browse the fleet across branches and follow requests from approval to return.", href: "/rentals" },
  { name: "Garage", scope: "READ:SERVICES", summary: "Service catalogue, bookings, mechanic assignment and progress updates." },
];

export function modulesFor(scopes: ReadonlySet<Scope>) {
  return MODULES.filter((module) => scopes.has(module.scope));
}

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  MECHANIC: "Mechanic",
  CUSTOMER: "Customer",
  EMPLOYEE: "Employee",
};
