"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { currentHref } from "@/lib/ui/current-page";
import type { ShellLink, Sidebar } from "@/lib/ui/navigation";
import { ChevronIcon, CloseIcon, MenuIcon, NavIcon } from "./nav-icons";
import { WheelhouseMark } from "./wheelhouse-mark";

/** From this width the sidebar stays open beside the page; below it, it is a drawer behind the menu button. */
const WIDE = "(min-width: 64rem)";

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

const linkClass = (current: boolean) =>
  `flex min-h-11 items-center gap-3 whitespace-nowrap rounded-lg px-3 text-sm font-medium transition lg:min-h-8 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${
    current ? "bg-brand-soft text-ink shadow-[inset_3px_0_0_var(--color-brand)]" : "text-ink-muted hover:bg-brand-soft/60 hover:text-ink"
  }`;

function SidebarLink({ link, current, withIcon = false }: { link: ShellLink; current: boolean; withIcon?: boolean }) {
  return (
    <li>
      <IntentLink href={link.href} aria-current={current ? "page" : undefined} className={linkClass(current)}>
        {withIcon && link.icon && <NavIcon name={link.icon} className="h-5 w-5 shrink-0" />}
        <span className="truncate">{link.label}</span>
      </IntentLink>
    </li>
  );
}

/**
 * Signed-in staff's frame: the sidebar grouped by business (always open on a wide screen, a drawer behind
 * the menu button on a narrow one), the header with the account controls, and the page.
 */
export function StaffFrame({ sidebar, controls, children }: { sidebar: Sidebar; controls: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const drawerId = useId();
  const [open, setOpen] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);

  const allLinks = [...sidebar.top, ...sidebar.groups.flatMap((group) => group.links), ...sidebar.account];
  const current = currentHref(allLinks, pathname);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) menuButton.current?.focus();
  }, []);

  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);

  // A drawer left open while the window widens would keep its dialog role beside the page.
  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const onChange = () => {
      if (wide.matches) setOpen(false);
    };
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, []);

  function onDrawerKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== "Tab" || !drawer.current) return;
    const focusable = Array.from(drawer.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  // Following a link closes the drawer (the layout stays mounted across client navigations).
  function onDrawerClick(event: MouseEvent<HTMLElement>) {
    if (open && event.target instanceof Element && event.target.closest("a")) close(false);
  }

  function toggleGroup(title: string) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(title)) next.delete(title);
      else next.add(title);
      return next;
    });
  }

  return (
    <div className="lg:flex">
      {open && <div aria-hidden="true" className="fixed inset-0 z-40 bg-slate-950/50 lg:hidden" onClick={() => close(true)} />}
      <aside
        id={drawerId}
        ref={drawer}
        role={open ? "dialog" : undefined}
        aria-modal={open ? true : undefined}
        aria-label={open ? "Navigation" : undefined}
        onKeyDown={onDrawerKeyDown}
        onClick={onDrawerClick}
        data-testid="staff-sidebar"
        data-open={open}
        className={`fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-line bg-surface-raised transition-transform motion-reduce:transition-none lg:sticky lg:top-0 lg:z-auto lg:h-dvh lg:w-64 lg:max-w-none lg:shrink-0 lg:translate-x-0 ${
          open ? "translate-x-0" : "max-lg:invisible max-lg:-translate-x-full"
        }`}
      >
        <div className="flex items-center justify-between gap-2 px-4 py-3 lg:py-4">
          <IntentLink href="/dashboard" className="flex min-h-11 items-center gap-2 text-lg font-semibold tracking-tight lg:min-h-0">
            <WheelhouseMark />
            Wheelhouse
          </IntentLink>
          <button
            ref={closeButton}
            type="button"
            onClick={() => close(true)}
            aria-label="Close menu"
            className="inline-flex h-11 w-11 items-center justify-center rounded-full text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-brand lg:hidden"
          >
            <CloseIcon />
          </button>
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-3 overflow-y-auto overscroll-contain px-3 pb-4">
          <ul className="space-y-0.5">
            {sidebar.top.map((link) => (
              <SidebarLink key={link.href} link={link} current={link.href === current} withIcon />
            ))}
          </ul>
          {sidebar.groups.map((group, index) => {
            const hasCurrent = group.links.some((link) => link.href === current);
            const expanded = hasCurrent || !collapsed.has(group.title);
            const listId = `${drawerId}-group-${index}`;
            return (
              <div key={group.title} data-testid="sidebar-group" data-current={hasCurrent || undefined}>
                <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={listId}
                    disabled={hasCurrent}
                    onClick={() => toggleGroup(group.title)}
                    className={`flex min-h-11 w-full items-center justify-between rounded-lg px-3 text-xs font-semibold uppercase tracking-wider transition lg:min-h-7 focus-visible:outline-2 focus-visible:outline-brand disabled:cursor-default ${
                      hasCurrent ? "text-ink" : "text-ink-muted hover:text-ink"
                    }`}
                  >
                    {group.title}
                    <ChevronIcon open={expanded} />
                </button>
                <ul id={listId} hidden={!expanded} className="mt-0.5 space-y-0.5">
                  {group.links.map((link) => (
                    <SidebarLink key={link.href} link={link} current={link.href === current} />
                  ))}
                </ul>
              </div>
            );
          })}
          <ul className="mt-auto space-y-0.5 border-t border-line pt-3" aria-label="Account">
            {sidebar.account.map((link) => (
              <SidebarLink key={link.href} link={link} current={link.href === current} withIcon />
            ))}
          </ul>
        </nav>
      </aside>

      <div className="min-w-0 flex-1">
        <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6 lg:py-4">
            <button
              ref={menuButton}
              type="button"
              onClick={() => setOpen(true)}
              aria-expanded={open}
              aria-controls={drawerId}
              aria-label="Open menu"
              data-testid="menu-button"
              className="inline-flex h-11 w-11 items-center justify-center rounded-full border border-line bg-surface-raised text-ink hover:border-brand focus-visible:outline-2 focus-visible:outline-brand lg:hidden"
            >
              <MenuIcon />
            </button>
            <IntentLink href="/dashboard" className="flex min-h-11 items-center gap-2 font-semibold tracking-tight lg:hidden">
              <WheelhouseMark />
              <span className="max-[400px]:sr-only">Wheelhouse</span>
            </IntentLink>
            <div className="ml-auto flex flex-wrap items-center justify-end gap-2 sm:gap-3">{controls}</div>
          </div>
        </header>
        <main id="main" className="mx-auto min-h-dvh max-w-page px-6 py-8 lg:py-10">{children}</main>
      </div>
    </div>
  );
}
