import type { ReactNode } from "react";
import { requirePrincipal } from "@/components/shell/session";
import { SubNav, type SubNavItem } from "@/components/ui/sub-nav";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

/** The customer's garage: the catalogue, and for customers their cars, cart, bookings and support desk. */
export default async function GarageLayout({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  const customer = actsOnOwnRowsOnly(principal);
  const items: SubNavItem[] = [
    { href: "/garage", label: "Services", exact: true },
    ...(customer && principal.scopes.has("READ:CUSTOMER_CARS") ? [{ href: "/garage/cars", label: "My cars" }] : []),
    ...(customer && principal.scopes.has("READ:CART") ? [{ href: "/garage/cart", label: "Cart" }] : []),
    ...(customer && principal.scopes.has("READ:BOOKINGS") ? [{ href: "/garage/bookings", label: "My bookings" }] : []),
    ...(customer && principal.scopes.has("READ:BOOKINGS") ? [{ href: "/garage/invoices", label: "Invoices" }] : []),
    ...(customer && principal.scopes.has("READ:QUERIES") ? [{ href: "/garage/support", label: "Support" }] : []),
  ];
  return (
    <>
      {items.length > 1 && <SubNav label="Garage" items={items} />}
      {children}
    </>
  );
}
