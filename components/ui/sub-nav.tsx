"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

export interface SubNavItem {
  href: string;
  label: string;
  /** Current only on this very path (for a section's first page, whose path prefixes the others)… */
  exact?: boolean;
  /** …and on pages under these prefixes (e.g. the item pages of a board that is the first tab). */
  alsoCurrentUnder?: readonly string[];
}

function isCurrent(item: SubNavItem, pathname: string): boolean {
  if (pathname === item.href) return true;
  if (item.alsoCurrentUnder?.some((prefix) => pathname.startsWith(prefix))) return true;
  return !item.exact && pathname.startsWith(`${item.href}/`);
}

/**
 * A section's own tabs under the main navigation (scrolls sideways on a phone instead of wrapping). `accent` is the
 * current tab's underline: the section's module colour where it has one.
 */
export function SubNav({ label, items, accent = "border-brand" }: { label: string; items: readonly SubNavItem[]; accent?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="relative -mx-6 mb-8 overflow-x-auto border-b border-line px-6">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const current = isCurrent(item, pathname);
          return (
            <li key={item.href}>
              <IntentLink
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 py-2 text-sm md:min-h-0 font-medium transition hover:text-ink focus-visible:outline-2 focus-visible:outline-brand ${
                  current ? `${accent} text-ink` : "border-transparent text-ink-muted hover:border-line"
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
