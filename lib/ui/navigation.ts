import type { Principal } from "../auth/principal";
import type { RoleName } from "../identity/roles";
import type { ModuleCard, NavigationEntry, NavigationIcon } from "../modules/contract";
import { modules } from "../modules/registry";
import type { Scope } from "../rbac/scopes";
import type { NavItem } from "./current-page";

export type { NavItem } from "./current-page";
export { currentHref } from "./current-page";

/** A link of the sidebar or the tab bar. */
export interface ShellLink extends NavItem {
  icon?: NavigationIcon;
}

/** A titled group of the staff sidebar: a module (titled with its card's title) or a platform group. */
export interface NavGroup {
  title: string;
  links: ShellLink[];
}

/** The staff sidebar: the dashboard on top, the groups, then the account's own pages at the bottom. */
export interface Sidebar {
  top: ShellLink[];
  groups: NavGroup[];
  account: ShellLink[];
}

/** Where a platform page sits in the sidebar: a group of its own, or the top and bottom slots. */
type PlatformPlace = { group: string } | { slot: "top" | "account" };
type PlatformPage = NavigationEntry & { place: PlatformPlace };

const isStaff = (principal: Pick<Principal, "role">) => principal.role !== "CUSTOMER";

const DASHBOARD: PlatformPage = { href: "/dashboard", label: "Dashboard", icon: "home", place: { slot: "top" } };

/** The platform's pages; the modules' come between the dashboard and these, in registry order. */
const PLATFORM_PAGES: readonly PlatformPage[] = [
  { href: "/admin/users", label: "Users", scope: "WRITE:USERS", description: "List, create and delete accounts of every role.", place: { group: "People" } },
  {
    href: "/admin/permissions",
    label: "Permissions",
    scope: "READ:RBAC",
    description: "Choose what each role may read, create, update and delete.",
    place: { group: "People" },
  },
  { href: "/admin/events", label: "Events", scope: "READ:EVENTS", place: { group: "System" } },
  {
    href: "/admin/backups",
    label: "Backups",
    scope: "READ:BACKUP",
    description: "Back up all data, download, restore or delete a backup.",
    place: { group: "System" },
  },
  {
    href: "/admin/notification-logs",
    label: "Notification logs",
    scope: "READ:NOTIFICATION_LOGS",
    description: "Every in-app and e-mail notification sent; send an announcement.",
    place: { group: "System" },
  },
  { href: "/docs", label: "API docs", visible: isStaff, place: { group: "System" } },
  { href: "/redoc", label: "API reference", visible: isStaff, place: { group: "System" } },
  { href: "/profile", label: "Profile", icon: "person", description: "Your name, phone, email and password.", place: { slot: "account" } },
];

/** The most tabs a phone's bottom bar holds. */
export const MAX_TABS = 5;

function visibleTo(principal: Pick<Principal, "role" | "scopes">) {
  return (page: NavigationEntry) =>
    (!page.scope || principal.scopes.has(page.scope as Scope)) && (!page.visible || page.visible(principal));
}

function shellPages(principal: Pick<Principal, "role" | "scopes">): NavigationEntry[] {
  const pages = [DASHBOARD, ...modules().flatMap((module) => module.navigation ?? []), ...PLATFORM_PAGES];
  return pages.filter(visibleTo(principal));
}

const toLink = ({ href, label, icon }: NavigationEntry): ShellLink => (icon ? { href, label, icon } : { href, label });

/**
 * The staff sidebar: the same pages as `shellNavigation` (same scope and visibility filter), grouped —
 * one group per module in registry order, titled with its card's title, then the platform's groups.
 * Groups with no page this principal may open are left out.
 */
export function sidebarNavigation(principal: Pick<Principal, "role" | "scopes">): Sidebar {
  const visible = visibleTo(principal);
  const moduleGroups = modules().map((module) => ({ title: module.card.title, links: (module.navigation ?? []).filter(visible).map(toLink) }));
  const platformGroups: NavGroup[] = [];
  for (const page of PLATFORM_PAGES.filter(visible)) {
    if (!("group" in page.place)) continue;
    const title = page.place.group;
    const group = platformGroups.find((candidate) => candidate.title === title);
    if (group) group.links.push(toLink(page));
    else platformGroups.push({ title, links: [toLink(page)] });
  }
  const inSlot = (slot: "top" | "account") =>
    [DASHBOARD, ...PLATFORM_PAGES].filter((page) => "slot" in page.place && page.place.slot === slot).filter(visible).map(toLink);
  return {
    top: inSlot("top"),
    groups: [...moduleGroups, ...platformGroups].filter((group) => group.links.length > 0),
    account: inSlot("account"),
  };
}

/**
 * The phone's bottom tabs: the shell's pages that carry an icon (the dashboard, each module's main page,
 * the profile), at most `MAX_TABS`; when there are more, the last (the profile) keeps its place.
 */
export function tabNavigation(principal: Pick<Principal, "role" | "scopes">): ShellLink[] {
  const tabs = shellPages(principal)
    .filter((page) => page.icon)
    .map(toLink);
  return tabs.length <= MAX_TABS ? tabs : [...tabs.slice(0, MAX_TABS - 1), ...tabs.slice(-1)];
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
