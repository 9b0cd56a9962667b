"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { currentHref, type NavItem } from "@/lib/ui/current-page";

/** A customer's navigation in the header, from `md` up (the tab bar takes over below). */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = currentHref(items, pathname);
  return (
    <nav aria-label="Main" className="max-md:hidden">
      <ul className="flex flex-wrap items-center gap-1">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`rounded-full px-3 py-1.5 text-sm font-medium transition hover:bg-brand-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-brand ${
                  active ? "bg-brand-soft text-ink" : "text-ink-muted"
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
