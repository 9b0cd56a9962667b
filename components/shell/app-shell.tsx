import Link from "next/link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LiveIndicator } from "@/components/realtime/live-indicator";
import { LiveProvider } from "@/components/realtime/live-provider";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { listNotifications } from "@/lib/notifications/service";
import { roleChannel, userChannel } from "@/lib/realtime/channels";
import { liveVocabulary } from "@/lib/realtime/vocabulary";
import { ROLE_LABELS, shellNavigation } from "@/lib/ui/navigation";
import { NavLinks } from "./nav-links";
import { requirePrincipal } from "./session";
import { SignOutButton } from "./sign-out-button";

/** Header and page frame of every signed-in page, with live updates, toasts and the notification bell. */
export async function AppShell({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  // The bell's first paint; without it the browser loads the list itself.
  const notifications = await listNotifications(principal).catch((error: unknown) => {
    console.error("[shell] notifications could not be loaded", error);
    return undefined;
  });

  return (
    <LiveProvider userId={principal.userId} userChannel={userChannel(principal.userId)} roleChannel={roleChannel(principal.role)} vocabulary={liveVocabulary()}>
      <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
        <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-8 gap-y-3 px-6 py-4">
          <Link href="/dashboard" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <span aria-hidden="true" className="inline-block h-6 w-6 rounded-full border-4 border-brand" />
            Wheelhouse
          </Link>
          <NavLinks items={shellNavigation(principal)} />
          <div className="ml-auto flex flex-wrap items-center justify-end gap-3">
            <LiveIndicator />
            <p className="flex items-center gap-2 text-sm" data-testid="signed-in-user">
              <span className="hidden font-medium sm:inline">{principal.name}</span>
              <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-medium text-ink">
                {ROLE_LABELS[principal.role]}
              </span>
            </p>
            <NotificationBell initial={notifications} />
            <SignOutButton />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-page px-6 py-10">{children}</main>
    </LiveProvider>
  );
}
