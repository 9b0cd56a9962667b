import Link from "next/link";
import { getPrincipal } from "@/components/shell/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";

export async function SiteHeader() {
  const signedIn = (await getPrincipal()) !== null;
  return (
    <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
      <div className="mx-auto flex max-w-page items-center justify-between gap-4 px-6 py-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-full border-4 border-brand" />
          Wheelhouse
        </Link>
        <nav aria-label="Main" className="flex items-center gap-3">
          <Link
            href={signedIn ? "/dashboard" : "/login"}
            className="rounded-full bg-brand px-4 py-2 text-sm font-medium text-brand-ink transition hover:opacity-90"
          >
            {signedIn ? "Dashboard" : "Sign in"}
          </Link>
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
