import Link from "next/link";
import { getPrincipal } from "@/components/shell/session";
import { SiteHeader } from "@/components/site-header";

const modules = [
  {
    name: "Parking",
    accent: "border-t-parking",
    summary: "Residents share the spots they are not using and reserve each other's for a time window.",
    points: [
      "Publish when your spot is free, or flip it open right now",
      "Reserve for 3 credits — every resident starts with 50",
      "A live board of what is free now and later today",
    ],
  },
  {
    name: "Rentals",
    accent: "border-t-rentals",
    summary: "A rental company runs its fleet across branches: customers request, staff approve and hand over.",
    points: [
      "Browse the fleet by type, price, city and dates",
      "Requests, approvals, pick-up and return with a full history",
      "Customers and staff see every change as it happens",
    ],
  },
  {
    name: "Garage",
    accent: "border-t-garage",
    summary: "A service shop takes bookings, assigns mechanics and reports progress until the car is ready.",
    points: [
      "Service catalogue and price chart",
      "Bookings, inspections and progress updates",
      "Reviews once the work is done",
    ],
  },
];

export default async function HomePage() {
  const signedIn = (await getPrincipal()) !== null;
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-page px-6 pb-20">
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
            <Link
              href={signedIn ? "/dashboard" : "/login"}
              className="rounded-full bg-brand px-6 py-3 font-medium text-brand-ink transition hover:opacity-90"
            >
              {signedIn ? "Go to your dashboard" : "Sign in"}
            </Link>
            {!signedIn && (
              <Link
                href="/register"
                className="rounded-full border border-line bg-surface-raised px-6 py-3 font-medium transition hover:border-brand"
              >
                Create an account
              </Link>
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
            {modules.map((area) => (
              <li
                key={area.name}
                className={`rounded-card border border-t-4 border-line bg-surface-raised p-6 shadow-sm ${area.accent}`}
              >
                <h3 className="text-xl font-semibold">{area.name}</h3>
                <p className="mt-2 text-ink-muted">{area.summary}</p>
                <ul className="mt-4 space-y-2 text-sm">
                  {area.points.map((point) => (
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
