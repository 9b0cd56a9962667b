"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

export interface SubNavItem {
  href: string;
  label: string;
  /** Current only on this very path (for a section's first page, whose path prefixes the others). */
  exact?: boolean;
}

/** A section's own tabs under the main navigation (scrolls sideways on a phone instead of wrapping). */
export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="relative -mx-6 mb-8 overflow-x-auto border-b border-line px-6">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const current = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 py-2 text-sm md:min-h-0 font-medium transition hover:text-ink ${
                  current ? "border-brand text-ink" : "border-transparent text-ink-muted"
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
