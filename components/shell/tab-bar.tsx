"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { currentHref } from "@/lib/ui/current-page";
import type { ShellLink } from "@/lib/ui/navigation";
import { NavIcon } from "./nav-icons";

/**
 * A customer's navigation on a phone: the tabs fixed to the bottom of the screen, hidden from `md` up where
 * the header's links show. While it shows, `--bottom-bar-height` (app/globals.css) is its height, and the
 * page is padded by it.
 */
export function TabBar({ tabs }: { tabs: ShellLink[] }) {
  const pathname = usePathname();
  const current = currentHref(tabs, pathname);
  return (
    <nav
      aria-label="Main"
      data-bottom-bar=""
      data-testid="tab-bar"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface-raised/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="grid h-16" style={{ gridTemplateColumns: `repeat(${tabs.length}, minmax(0, 1fr))` }}>
        {tabs.map((tab) => {
          const active = tab.href === current;
          return (
            <li key={tab.href} className="min-w-0">
              <IntentLink
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`flex h-full flex-col items-center justify-center gap-0.5 px-1 text-[0.6875rem] font-medium transition focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand ${
                  active ? "text-brand" : "text-ink-muted hover:text-ink"
                }`}
              >
                {tab.icon && <NavIcon name={tab.icon} />}
                <span className="max-w-full truncate">{tab.label}</span>
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
