import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LiveIndicator } from "@/components/realtime/live-indicator";
import { LiveProvider } from "@/components/realtime/live-provider";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import type { Principal } from "@/lib/auth/principal";
import { listNotifications } from "@/lib/notifications/service";
import { roleChannel, userChannel } from "@/lib/realtime/channels";
import { liveVocabulary } from "@/lib/realtime/vocabulary";
import { ROLE_LABELS, shellNavigation, sidebarNavigation, tabNavigation } from "@/lib/ui/navigation";
import { NavLinks } from "./nav-links";
import { getLiveCursor, requirePrincipal } from "./session";
import { SignOutButton } from "./sign-out-button";
import { StaffFrame } from "./staff-frame";
import { TabBar } from "./tab-bar";
import { WheelhouseMark } from "./wheelhouse-mark";

/** The header's right-hand side: live status, who is signed in, the bell, sign-out and the theme. */
function AccountControls({ principal, notifications }: { principal: Principal; notifications: Awaited<ReturnType<typeof listNotifications>> | undefined }) {
  return (
    <>
      <LiveIndicator />
      <p className="flex items-center gap-2 text-sm" data-testid="signed-in-user">
        <span className="hidden font-medium sm:inline">{principal.name}</span>
        <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-medium text-ink max-sm:sr-only">{ROLE_LABELS[principal.role]}</span>
      </p>
      <NotificationBell initial={notifications} />
      <SignOutButton />
      <ThemeToggle />
    </>
  );
}

/**
 * Frame of every signed-in page, with live updates, toasts and the notification bell: staff get the
 * sidebar grouped by business, customers the header links (and the bottom tabs on a phone).
 */
export async function AppShell({ children }: { children: ReactNode }) {
  const principal = await requirePrincipal();
  // The bell's first paint; without it the browser loads the list itself.
  const notifications = await listNotifications(principal).catch((error: unknown) => {
    console.error("[shell] notifications could not be loaded", error);
    return undefined;
  });
  const liveCursor = await getLiveCursor(principal.userId);
  const controls = <AccountControls principal={principal} notifications={notifications} />;

  return (
    <LiveProvider userId={principal.userId} userChannel={userChannel(principal.userId)} roleChannel={roleChannel(principal.role)} vocabulary={liveVocabulary()} cursor={liveCursor}>
      {principal.role === "CUSTOMER" ? (
        <>
          <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
            <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6 md:py-4">
              <IntentLink href="/dashboard" className="flex min-h-11 items-center gap-2 text-lg font-semibold tracking-tight md:min-h-0">
                <WheelhouseMark />
                <span className="max-[400px]:sr-only">Wheelhouse</span>
              </IntentLink>
              <NavLinks items={shellNavigation(principal)} />
              <div className="ml-auto flex flex-wrap items-center justify-end gap-2 sm:gap-3">{controls}</div>
            </div>
          </header>
          <main id="main" className="mx-auto min-h-dvh max-w-page px-6 py-8 md:py-10">{children}</main>
          <TabBar tabs={tabNavigation(principal)} />
        </>
      ) : (
        <StaffFrame sidebar={sidebarNavigation(principal)} controls={controls}>
          {children}
        </StaffFrame>
      )}
    </LiveProvider>
  );
}
