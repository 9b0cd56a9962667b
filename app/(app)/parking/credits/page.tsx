import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { BalanceChart } from "@/components/parking/balance-chart";
import { LocalTime } from "@/components/parking/local-time";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { parkingTopics } from "@/lib/modules/parking/view-models/live";
import { linkClass } from "@/components/ui/buttons";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { currentUser } from "@/lib/identity/users";
import { getCredits } from "@/lib/modules/parking/services/credits";
import { balanceSeries, CREDIT_KIND_LABELS } from "@/lib/modules/parking/view-models/credits";
import { serverClock } from "../data";
import { parkingSettings } from "@/lib/modules/parking/settings";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "Credits" };

/** Ledger entries per page of the table; the chart reads up to the API's maximum. */
const PAGE_SIZE = 50;
const CHART_ENTRIES = 200;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function beforeParam(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{1,18}$/.test(value) ? value : undefined;
}

export default async function CreditsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:CREDITS")) forbidden();
  const before = beforeParam((await searchParams).before);
  const [recent, older, user] = await Promise.all([
    forPage(getCredits(principal, { limit: CHART_ENTRIES })),
    before ? forPage(getCredits(principal, { limit: PAGE_SIZE, before })) : Promise.resolve(null),
    currentUser(principal),
  ]);
  const clock = serverClock();
  const points = balanceSeries({
    transactions: recent.transactions,
    balance: recent.balance,
    createdAt: user.createdAt,
    complete: recent.nextBefore === null,
    now: clock.now,
  });
  const page = older ?? {
    transactions: recent.transactions.slice(0, PAGE_SIZE),
    nextBefore: recent.transactions.length > PAGE_SIZE ? recent.transactions[PAGE_SIZE - 1]!.id : recent.nextBefore,
  };
  const cost = parkingSettings().PARKING_RESERVATION_COST;

  return (
    <div className="space-y-8">
      <LiveRefresh topics={parkingTopics(["credits"])} />
      <PageHeading title="Credits">
        Every resident starts with 50 credits. A reservation costs {cost}: it is held in escrow when you reserve, paid to the
        spot&apos;s owner when the reservation starts, and refunded in full if it is cancelled before.
      </PageHeading>

      <div className="grid gap-6 sm:grid-cols-2">
        <Card>
          <h2 className="text-sm font-medium uppercase tracking-widest text-ink-muted">Balance</h2>
          <p className="mt-2 text-4xl font-semibold tabular-nums" data-testid="credits-balance">
            {recent.balance}
          </p>
          <p className="mt-1 text-sm text-ink-muted">Available to spend.</p>
        </Card>
        <Card>
          <h2 className="text-sm font-medium uppercase tracking-widest text-ink-muted">In escrow</h2>
          <p className="mt-2 text-4xl font-semibold tabular-nums" data-testid="credits-escrow">
            {recent.escrow}
          </p>
          <p className="mt-1 text-sm text-ink-muted">
            Held for your{" "}
            <IntentLink href="/parking/reservations" className={linkClass}>
              upcoming reservations
            </IntentLink>
            .
          </p>
        </Card>
      </div>

      <Card>
        <h2 className="text-xl font-semibold">Balance over time</h2>
        <div className="mt-4">
          <BalanceChart points={points} />
        </div>
      </Card>

      <section aria-labelledby="ledger-heading" className="space-y-4">
        <h2 id="ledger-heading" className="text-xl font-semibold">
          Ledger
        </h2>
        {page.transactions.length > 0 ? (
          <div className="relative overflow-x-auto rounded-card border border-line bg-surface-raised shadow-sm">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Credit ledger, newest first</caption>
              <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">When</th>
                  <th scope="col" className="px-4 py-3 font-medium">What</th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">Amount</th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">Balance after</th>
                  <th scope="col" className="px-4 py-3 font-medium">Reservation</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {page.transactions.map((entry) => (
                  <tr key={entry.id} data-testid="ledger-row" data-kind={entry.kind}>
                    <td className="px-4 py-3">
                      <LocalTime iso={entry.createdAt} />
                    </td>
                    <th scope="row" className="px-4 py-3 font-medium">
                      {CREDIT_KIND_LABELS[entry.kind]}
                    </th>
                    <td
                      className={`px-4 py-3 text-right font-medium tabular-nums ${
                        entry.amount < 0 ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"
                      }`}
                    >
                      {entry.amount > 0 ? `+${entry.amount}` : `−${Math.abs(entry.amount)}`}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{entry.balanceAfter}</td>
                    <td className="px-4 py-3">
                      {entry.reservationId ? (
                        <IntentLink href={`/parking/reservations#reservation-${entry.reservationId}`} className={linkClass}>
                          View
                        </IntentLink>
                      ) : (
                        <span className="text-ink-muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>No credit movements yet. Reserve a spot, or share yours to earn credits.</EmptyState>
        )}
        <nav aria-label="Pages of the ledger" className="flex gap-2 text-sm">
          {before && (
            <IntentLink href="/parking/credits" className="rounded-full border border-line px-3 py-1 hover:border-brand">
              Newest
            </IntentLink>
          )}
          {page.nextBefore && (
            <IntentLink href={`/parking/credits?before=${page.nextBefore}`} className="rounded-full border border-line px-3 py-1 hover:border-brand">
              Older entries
            </IntentLink>
          )}
        </nav>
      </section>
    </div>
  );
}
