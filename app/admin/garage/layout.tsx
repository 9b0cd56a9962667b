import type { ReactNode } from "react";
import { requirePrincipal } from "@/components/shell/session";
import { SubNav, type SubNavItem } from "@/components/ui/sub-nav";
import type { Scope } from "@/lib/rbac/scopes";

const PAGES: ReadonlyArray<SubNavItem & { scope: Scope }> = [
  { href: "/admin/garage/bookings", label: "Bookings", scope: "READ:BOOKINGS" },
  { href: "/admin/garage/support", label: "Support", scope: "UPDATE:QUERIES" },
  { href: "/admin/garage/catalogue", label: "Services & prices", scope: "WRITE:SERVICES" },
  { href: "/admin/garage/car-models", label: "Car models", scope: "WRITE:CARS" },
  { href: "/admin/garage/areas", label: "Areas", scope: "WRITE:AREAS" },
  { href: "/admin/garage/gst", label: "GST", scope: "UPDATE:GST" },
  { href: "/admin/garage/content", label: "Pages", scope: "UPDATE:CONTENT" },
];

/** The garage's staff pages, as tabs for whoever may use them. */
export default async function GarageAdminLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  const items = PAGES.filter((page) => principal.scopes.has(page.scope)).map(({ href, label }) => ({ href, label }));
  return (
    <>
      {items.length > 1 && <SubNav label="Garage administration" items={items} />}
      {children}
    </>
  );
}
