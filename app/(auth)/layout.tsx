import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { WheelhouseMark } from "@/components/shell/wheelhouse-mark";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-line bg-surface-raised/80 backdrop-blur">
        <div className="mx-auto flex max-w-page items-center justify-between gap-4 px-6 py-4">
          <IntentLink href="/" className="flex min-h-11 items-center gap-2 text-lg font-semibold tracking-tight sm:min-h-0">
            <WheelhouseMark />
            Wheelhouse
          </IntentLink>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-page justify-center px-6 py-12 sm:py-20">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </>
  );
}
