import { describe, expect, it } from "vitest";
import type { RoleName } from "@/lib/identity/roles";
import { defineModule } from "@/lib/modules/contract";
import { installTestModule, modules } from "@/lib/modules/registry";
import { defaultRoleScopes } from "@/lib/rbac/catalogue";
import type { Scope } from "@/lib/rbac/scopes";
import { currentHref, MAX_TABS, shellNavigation, sidebarNavigation, tabNavigation, type Sidebar } from "@/lib/ui/navigation";

/** A principal holding its role's default scopes (the seeded matrix). */
const principal = (role: RoleName) => ({ role, scopes: new Set<Scope>(defaultRoleScopes(role)) });

const hrefsOf = (sidebar: Sidebar) => [...sidebar.top, ...sidebar.groups.flatMap((group) => group.links), ...sidebar.account].map((link) => link.href);

describe("the staff sidebar", () => {
  it("groups an admin's pages: dashboard on top, a group per module in registry order titled by its card, People, System, and the profile last", () => {
    const sidebar = sidebarNavigation(principal("ADMIN"));
    expect(sidebar.top.map((link) => link.href)).toEqual(["/dashboard"]);
    expect(sidebar.groups.map((group) => group.title)).toEqual([...modules().map((module) => module.card.title), "People", "System"]);
    expect(sidebar.account.map((link) => link.href)).toEqual(["/profile"]);
    expect(sidebar.groups.find((group) => group.title === "People")?.links.map((link) => link.label)).toEqual(["Users", "Permissions"]);
    expect(sidebar.groups.find((group) => group.title === "System")?.links.map((link) => link.href)).toEqual(["/admin/events", "/admin/backups", "/admin/notification-logs", "/docs", "/redoc"]);
  });

  it("holds every staff page each module lists for admins, in the module's order (a page only another role works in, like My jobs, left out)", () => {
    const admin = principal("ADMIN");
    const sidebar = sidebarNavigation(admin);
    for (const definition of modules()) {
      const group = sidebar.groups.find((candidate) => candidate.title === definition.card.title);
      const forAdmins = (definition.navigation ?? []).filter((entry) => entry.visible?.(admin) ?? true);
      expect(group?.links.map((link) => link.href)).toEqual(forAdmins.map((entry) => entry.href));
    }
    expect(sidebarNavigation(principal("MECHANIC")).groups.flatMap((group) => group.links).map((link) => link.href)).toContain("/admin/garage/jobs");
    const garageStaffPages = hrefsOf(sidebar).filter((href) => href.startsWith("/admin/garage/"));
    expect(garageStaffPages).toEqual(
      expect.arrayContaining(["/admin/garage/bookings", "/admin/garage/support", "/admin/garage/catalogue", "/admin/garage/car-models", "/admin/garage/areas", "/admin/garage/gst", "/admin/garage/content"]),
    );
  });

  it.each<RoleName>(["ADMIN", "EMPLOYEE", "MECHANIC", "CUSTOMER"])("shows %s exactly the pages the flat navigation filters in by scope and visibility, plus no empty group", (role) => {
    const sidebar = sidebarNavigation(principal(role));
    expect(new Set(hrefsOf(sidebar))).toEqual(new Set(shellNavigation(principal(role)).map((item) => item.href)));
    expect(hrefsOf(sidebar)).toHaveLength(new Set(hrefsOf(sidebar)).size);
    for (const group of sidebar.groups) expect(group.links.length).toBeGreaterThan(0);
  });

  it("leaves out what a role may not open: an employee has no People group and no garage staff pages", () => {
    const hrefs = hrefsOf(sidebarNavigation(principal("EMPLOYEE")));
    expect(sidebarNavigation(principal("EMPLOYEE")).groups.map((group) => group.title)).not.toContain("People");
    expect(hrefs).toContain("/admin/rentals");
    expect(hrefs.filter((href) => href.startsWith("/admin/garage/"))).toEqual([]);
    expect(hrefs).not.toContain("/admin/users");
  });

  it("a mechanic's garage group has the workshop, not the catalogue editors", () => {
    const hrefs = hrefsOf(sidebarNavigation(principal("MECHANIC")));
    expect(hrefs).toContain("/admin/garage/bookings");
    expect(hrefs).not.toContain("/admin/garage/catalogue");
    expect(hrefs).not.toContain("/admin/rentals");
  });
});

describe("the customer's bottom tabs", () => {
  it("are the dashboard, each module's main page and the profile, each with an icon, and no staff page", () => {
    const tabs = tabNavigation(principal("CUSTOMER"));
    expect(tabs.map((tab) => tab.href)).toEqual(["/dashboard", ...modules().map((module) => module.card.href), "/profile"]);
    expect(tabs.length).toBeLessThanOrEqual(MAX_TABS);
    for (const tab of tabs) expect(tab.icon).toBeDefined();
    expect(tabs.map((tab) => tab.label)).toEqual(["Dashboard", ...modules().map((module) => module.card.title), "Profile"]);
  });

  it("keep to five with the profile last when a further module adds a tab", () => {
    installTestModule(
      defineModule({
        name: "tabfixture",
        card: { title: "Sixth", summary: "A sixth tab.", scope: "READ:USERS", href: "/sixth", accentClass: "border-t-brand", pitch: { summary: "x", points: [] } },
        resources: {},
        grants: {},
        topics: [],
        navigation: [{ href: "/sixth", label: "Sixth", icon: "home" }],
        live: { queryKeys: {} },
      }),
    );
    const tabs = tabNavigation(principal("CUSTOMER"));
    expect(tabs).toHaveLength(MAX_TABS);
    expect(tabs.at(-1)?.href).toBe("/profile");
    expect(tabs.map((tab) => tab.href)).not.toContain("/sixth");
    expect(sidebarNavigation(principal("ADMIN")).groups.map((group) => group.title)).toContain("Sixth");
  });
});

describe("the current page", () => {
  const links = [{ href: "/dashboard", label: "" }, { href: "/garage", label: "" }, { href: "/admin/garage/bookings", label: "" }, { href: "/admin/garage/car-models", label: "" }];
  it("is the link the path is at or under, the longest such link winning", () => {
    expect(currentHref(links, "/garage")).toBe("/garage");
    expect(currentHref(links, "/garage/services/abc")).toBe("/garage");
    expect(currentHref(links, "/admin/garage/car-models")).toBe("/admin/garage/car-models");
    expect(currentHref(links, "/garagex")).toBeUndefined();
    expect(currentHref(links, "/admin/garage/areas")).toBeUndefined();
  });
});
