import { IntentLink } from "@/components/ui/intent-link";
import { SiteHeader } from "@/components/site-header";
import { modules } from "@/lib/modules/registry";

/**
 * The home page. Signed out it is the same for everyone, so `/` is prerendered at build time; a browser with a
 * session cookie is rewritten by the proxy to `/welcome-back`, which renders it for the signed-in person.
 */
export function HomeContent({ signedIn }: { signedIn: boolean }) {
  return (
    <>
      <SiteHeader signedIn={signedIn} />
      <main id="main" className="mx-auto max-w-page px-6 pb-20">
        <section className="py-16 sm:py-24">
          <p className="text-sm font-medium uppercase tracking-widest text-brand">Everyday vehicle life</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
            Park, rent and service your vehicle — one account, live updates.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-ink-muted">
            Wheelhouse is an open platform for the things drivers do every week: sharing parking spots with neighbours
            for credits, renting from a company&apos;s fleet, and getting the car serviced at the garage. Everything
            changes live, for everyone concerned.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <IntentLink
              href={signedIn ? "/dashboard" : "/login"}
              className="rounded-full bg-brand px-6 py-3 font-medium text-brand-ink transition hover:opacity-90"
            >
              {signedIn ? "Go to your dashboard" : "Sign in"}
            </IntentLink>
            {!signedIn && (
              <IntentLink
                href="/register"
                className="rounded-full border border-line bg-surface-raised px-6 py-3 font-medium transition hover:border-brand"
              >
                Create an account
              </IntentLink>
            )}
            <a
              href="#modules"
              className="rounded-full border border-line bg-surface-raised px-6 py-3 font-medium transition hover:border-brand"
            >
              What you can do
            </a>
          </div>
        </section>

        <section id="modules" aria-labelledby="modules-heading">
          <h2 id="modules-heading" className="sr-only">
            Modules
          </h2>
          <ul className="grid gap-6 md:grid-cols-3">
            {modules().map(({ name, card }) => (
              <li
                key={name}
                className={`rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm ${card.accentClass}`}
              >
                <h3 className="text-xl font-semibold">{card.title}</h3>
                <p className="mt-2 text-ink-muted">{card.pitch.summary}</p>
                <ul className="mt-4 space-y-2 text-sm">
                  {card.pitch.points.map((point) => (
                    <li key={point} className="flex gap-2">
                      <span aria-hidden="true" className="text-brand">
                        ✓
                      </span>
                      {point}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
