import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { GarageDashboardCharts } from "@/components/garage/dashboard-charts";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { PageHeading } from "@/components/ui/page";
import { garageDashboard } from "@/lib/modules/garage/services/dashboard";
import { formatMinor } from "@/lib/modules/garage/view-models/money";

export const metadata: Metadata = { title: "Garage dashboard" };

const PERIODS = [7, 14, 30, 90] as const;

export default async function GarageDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:UTILS")) forbidden();
  const requested = Number((await searchParams).days);
  const days = PERIODS.find((period) => period === requested) ?? 14;
  const figures = await garageDashboard(principal, { days });
  const invoiced = figures.days.reduce((sum, day) => sum + day.invoicedMinor, 0);
  const bookings = figures.days.reduce((sum, day) => sum + day.bookings, 0);
  return (
    <div className="space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Garage dashboard">The shop&apos;s last {days} days, updated as bookings, decisions and payments happen.</PageHeading>
      <nav aria-label="Period" className="flex flex-wrap gap-2 text-sm">
        {PERIODS.map((period) => (
          <a
            key={period}
            href={`?days=${period}`}
            aria-current={period === days ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-full border px-4 ${period === days ? "border-brand bg-brand text-brand-ink" : "border-line bg-surface-raised hover:border-brand"}`}
          >
            {period} days
          </a>
        ))}
      </nav>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Drop-offs", String(bookings)],
          ["Invoiced", formatMinor(invoiced, figures.currency)],
          ["Approval rate", figures.approvalRate === null ? "—" : `${Math.round(figures.approvalRate * 100)} %`],
          ["Mechanics", String(figures.mechanics.length)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-line bg-surface-raised p-3">
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="text-xl font-semibold" data-testid={`stat-${label!.toLowerCase().replace(/ /g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <GarageDashboardCharts figures={figures} />
    </div>
  );
}
