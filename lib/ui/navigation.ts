import type { Principal } from "../auth/principal";
import type { RoleName } from "../identity/roles";
import type { ModuleCard, NavigationEntry } from "../modules/contract";
import { modules } from "../modules/registry";
import type { Scope } from "../rbac/scopes";

export interface NavItem {
  href: string;
  label: string;
}

/** The platform's pages; the modules' come between the dashboard and these, in registry order. */
const PLATFORM_PAGES: readonly NavigationEntry[] = [
  { href: "/admin/users", label: "Users", scope: "WRITE:USERS", description: "List, create and delete accounts of every role." },
  { href: "/admin/permissions", label: "Permissions", scope: "READ:RBAC", description: "Choose what each role may read, create, update and delete." },
  { href: "/admin/events", label: "Events", scope: "READ:EVENTS" },
  { href: "/profile", label: "Profile", description: "Your name, phone, email and password." },
];

function visibleTo(principal: Pick<Principal, "role" | "scopes">) {
  return (page: NavigationEntry) =>
    (!page.scope || principal.scopes.has(page.scope as Scope)) && (!page.visible || page.visible(principal));
}

function shellPages(principal: Pick<Principal, "role" | "scopes">): NavigationEntry[] {
  const pages = [{ href: "/dashboard", label: "Dashboard" }, ...modules().flatMap((module) => module.navigation ?? []), ...PLATFORM_PAGES];
  return pages.filter(visibleTo(principal));
}

/** The shell's navigation: only the pages this principal's scopes (and, for staff pages, role) let them use. */
export function shellNavigation(principal: Pick<Principal, "role" | "scopes">): NavItem[] {
  return shellPages(principal).map(({ href, label }) => ({ href, label }));
}

/** Pages the dashboard describes (those with a description) that this principal may use. */
export function dashboardPages(principal: Pick<Principal, "role" | "scopes">): Array<NavItem & { description: string }> {
  return shellPages(principal).flatMap(({ href, label, description }) => (description ? [{ href, label, description }] : []));
}

/** The modules this principal's scopes open, each with its card. */
export function modulesFor(principal: Pick<Principal, "scopes">): Array<ModuleCard & { name: string }> {
  return modules()
    .filter((module) => principal.scopes.has(module.card.scope as Scope))
    .map((module) => ({ name: module.name, ...module.card }));
}

/** The footer's links: the modules' public pages, in registry order. */
export function footerLinks(): NavItem[] {
  return modules().flatMap((module) => module.footer ?? []);
}

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  MECHANIC: "Mechanic",
  CUSTOMER: "Customer",
  EMPLOYEE: "Employee",
};
