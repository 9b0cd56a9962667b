import type { Metadata } from "next";
import Link from "next/link";
import { requirePrincipal } from "@/components/shell/session";
import { env } from "@/lib/env";
import { currentUser } from "@/lib/identity/users";
import { modulesFor, ROLE_LABELS, shellNavigation, type ModuleName } from "@/lib/ui/navigation";

export const metadata: Metadata = { title: "Dashboard" };

const MODULE_ACCENTS: Record<ModuleName, string> = {
  Parking: "border-t-parking",
  Rentals: "border-t-rentals",
  Garage: "border-t-garage",
};

const PAGE_DESCRIPTIONS: Record<string, string> = {
  "/admin/rentals": "Approve or decline rental requests, hand vehicles over and take them back.",
  "/admin/fleet": "Every vehicle by branch, with maintenance and retirement controls.",
  "/admin/branches": "Open, edit and close rental branches.",
  "/admin/users": "List, create and delete accounts of every role.",
  "/admin/permissions": "Choose what each role may read, create, update and delete.",
  "/profile": "Your name, phone, email and password.",
};

export default async function DashboardPage() {
  const principal = await requirePrincipal();
  const user = await currentUser(principal);
  const modules = modulesFor(principal.scopes);
  const pages = shellNavigation(principal.scopes, principal.role).filter((page) => page.href in PAGE_DESCRIPTIONS);

  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-semibold tracking-tight">Hello, {user.name}</h1>
        <p className="mt-2 text-ink-muted">
          Signed in as <span className="font-medium text-ink">{ROLE_LABELS[principal.role]}</span> · account{" "}
          <span className="font-mono text-sm">{user.id}</span>
        </p>
      </section>

      {principal.role === "CUSTOMER" && user.credits !== undefined && (
        <section aria-labelledby="credits-heading" className="max-w-sm rounded-card border border-line bg-surface-raised p-6 shadow-sm">
          <h2 id="credits-heading" className="text-sm font-medium uppercase tracking-widest text-ink-muted">
            Parking credits
          </h2>
          <p className="mt-2 text-4xl font-semibold" data-testid="credit-balance">
            {user.credits}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            A reservation costs {env().PARKING_RESERVATION_COST} credits; sharing your spot earns them.
          </p>
          {principal.scopes.has("READ:CREDITS") && (
            <Link href="/parking/credits" className="mt-3 inline-block text-sm font-medium text-brand underline-offset-4 hover:underline">
              Ledger and balance history
            </Link>
          )}
        </section>
      )}

      {modules.length > 0 && (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading" className="text-xl font-semibold">
            Your modules
          </h2>
          <ul className="mt-4 grid gap-6 md:grid-cols-3">
            {modules.map((module) => (
              <li key={module.name}>
                {module.href ? (
                  <Link
                    href={module.href}
                    className={`block h-full rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand ${MODULE_ACCENTS[module.name]}`}
                  >
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-lg font-semibold">{module.name}</h3>
                      <span aria-hidden="true" className="text-ink-muted">
                        →
                      </span>
                    </div>
                    <p className="mt-2 text-sm text-ink-muted">{module.summary}</p>
                  </Link>
                ) : (
                  <div className={`h-full rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm ${MODULE_ACCENTS[module.name]}`}>
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-lg font-semibold">{module.name}</h3>
                      <span className="rounded-full border border-line px-2 py-0.5 text-xs text-ink-muted">Coming soon</span>
                    </div>
                    <p className="mt-2 text-sm text-ink-muted">{module.summary}</p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="account-heading">
        <h2 id="account-heading" className="text-xl font-semibold">
          Account and administration
        </h2>
        <ul className="mt-4 grid gap-6 md:grid-cols-3">
          {pages.map((page) => (
            <li key={page.href}>
              <Link
                href={page.href}
                className="block h-full rounded-card border border-line bg-surface-raised p-6 shadow-sm transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand"
              >
                <span className="text-lg font-semibold">{page.label}</span>
                <span className="mt-2 block text-sm text-ink-muted">{PAGE_DESCRIPTIONS[page.href]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
