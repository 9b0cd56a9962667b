"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/ui/navigation";

/** The parking pages' own tabs; the board is current only on /parking itself and on spot pages. */
export function ParkingNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "/parking" ? pathname === "/parking" || pathname.startsWith("/parking/spots/") : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Parking">
      <ul className="flex flex-wrap gap-1 border-b border-line">
        {items.map((item) => {
          const current = isCurrent(item.href);
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-brand ${
                  current ? "border-parking text-ink" : "border-transparent text-ink-muted hover:border-line hover:text-ink"
                }`}
              >
                {item.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
