import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { requirePrincipal } from "@/components/shell/session";
import { currentUser } from "@/lib/identity/users";
import { dashboardPages, modulesFor, ROLE_LABELS } from "@/lib/ui/navigation";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const principal = await requirePrincipal();
  const user = await currentUser(principal);
  const modules = modulesFor(principal);
  const pages = dashboardPages(principal);
  const highlights = (await Promise.all(modules.map((module) => module.highlight?.(principal) ?? null))).filter((highlight) => highlight !== null);

  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-semibold tracking-tight">Hello, {user.name}</h1>
        <p className="mt-2 text-ink-muted">
          Signed in as <span className="font-medium text-ink">{ROLE_LABELS[principal.role]}</span> · account{" "}
          <span className="font-mono text-sm">{user.id}</span>
        </p>
      </section>

      {highlights.map((highlight) => (
        <section key={highlight.testId} aria-labelledby={`${highlight.testId}-heading`} className="max-w-sm rounded-card border border-line bg-surface-raised p-6 shadow-sm">
          <h2 id={`${highlight.testId}-heading`} className="text-sm font-medium uppercase tracking-widest text-ink-muted">
            {highlight.title}
          </h2>
          <p className="mt-2 text-4xl font-semibold" data-testid={highlight.testId}>
            {highlight.value}
          </p>
          <p className="mt-1 text-sm text-ink-muted">{highlight.note}</p>
          {highlight.link && (
            <IntentLink href={highlight.link.href} className="mt-3 inline-block text-sm font-medium text-brand underline-offset-4 hover:underline">
              {highlight.link.label}
            </IntentLink>
          )}
        </section>
      ))}

      {modules.length > 0 && (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading" className="text-xl font-semibold">
            Your modules
          </h2>
          <ul className="mt-4 grid gap-6 md:grid-cols-3">
            {modules.map((module) => (
              <li key={module.name}>
                {module.href ? (
                  <IntentLink
                    href={module.href}
                    className={`block h-full rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand ${module.accentClass}`}
                  >
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-lg font-semibold">{module.title}</h3>
                      <span aria-hidden="true" className="text-ink-muted">
                        →
                      </span>
                    </div>
                    <p className="mt-2 text-sm text-ink-muted">{module.summary}</p>
                  </IntentLink>
                ) : (
                  <div className={`h-full rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm ${module.accentClass}`}>
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-lg font-semibold">{module.title}</h3>
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
              <IntentLink
                href={page.href}
                className="block h-full rounded-card border border-line bg-surface-raised p-6 shadow-sm transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand"
              >
                <span className="text-lg font-semibold">{page.label}</span>
                <span className="mt-2 block text-sm text-ink-muted">{page.description}</span>
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
