import type { Scope } from "../../../rbac/scopes";
import type { NavItem } from "../../../ui/navigation";

/** The parking pages and the scope each needs. */
const PARKING_PAGES: ReadonlyArray<NavItem & { scope: Scope }> = [
  { href: "/parking", label: "Board", scope: "READ:SPOTS" },
  { href: "/parking/mine", label: "My spots", scope: "WRITE:SPOTS" },
  { href: "/parking/reservations", label: "Reservations", scope: "READ:RESERVATIONS" },
  { href: "/parking/credits", label: "Credits", scope: "READ:CREDITS" },
];

/** The parking tabs this principal's scopes open. */
export function parkingNavigation(scopes: ReadonlySet<Scope>): NavItem[] {
  return PARKING_PAGES.filter((page) => scopes.has(page.scope)).map(({ href, label }) => ({ href, label }));
}
