import { IntentLink } from "@/components/ui/intent-link";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { WheelhouseMark } from "@/components/shell/wheelhouse-mark";

/** The public pages' header; the page says whether someone is signed in (the home page is the same for everyone signed out). */
export function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
      <div className="mx-auto flex max-w-page items-center justify-between gap-4 px-4 py-3 sm:px-6 sm:py-4">
        <IntentLink href="/" className="flex min-h-11 items-center gap-2 text-lg font-semibold tracking-tight sm:min-h-0">
          <WheelhouseMark />
          Wheelhouse
        </IntentLink>
        <nav aria-label="Main" className="flex items-center gap-3">
          <IntentLink
            href={signedIn ? "/dashboard" : "/login"}
            className="inline-flex min-h-11 items-center rounded-full bg-brand px-4 py-2 text-sm font-medium text-brand-ink transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand md:min-h-0"
          >
            {signedIn ? "Dashboard" : "Sign in"}
          </IntentLink>
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
