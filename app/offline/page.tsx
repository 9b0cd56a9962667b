import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { RetryButton } from "@/components/pwa/retry-button";
import { linkClass } from "@/components/ui/buttons";
import { PageHeading } from "@/components/ui/page";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { WheelhouseMark } from "@/components/shell/wheelhouse-mark";

export const metadata: Metadata = { title: "Offline", robots: { index: false } };

// The service worker precaches this page once per build and shows it to anyone, signed in or not:
// it must not depend on a session.
export const dynamic = "force-static";

/** Shown by the service worker for a page that was never opened on this device, while the network is down. */
export default function OfflinePage() {
  return (
    <>
      <header className="border-b border-line bg-surface-raised/80">
        <div className="mx-auto flex max-w-page items-center justify-between gap-4 px-6 py-4">
          <p className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <WheelhouseMark />
            Wheelhouse
          </p>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-page space-y-8 px-6 py-10" data-testid="offline-page">
        <PageHeading title="You're offline">
          This page has not been opened on this device yet, and there is no connection to load it now.
        </PageHeading>
        <section aria-labelledby="offline-works" className="max-w-prose space-y-3">
          <h2 id="offline-works" className="text-lg font-semibold">
            What works while offline
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-ink-muted">
            <li>Pages you opened before on this device open from the saved copy of your last visit, read-only.</li>
            <li>
              Reserving, renting, booking and every other change need the connection; so do live updates, which resume
              by themselves when you are back online.
            </li>
            <li>Signing out removes the saved pages from this device.</li>
          </ul>
        </section>
        <div className="flex flex-wrap items-center gap-4">
          <RetryButton />
          <IntentLink href="/dashboard" className={linkClass}>
            Go to your dashboard
          </IntentLink>
        </div>
      </main>
    </>
  );
}
