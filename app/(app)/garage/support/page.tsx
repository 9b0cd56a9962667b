import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { openQueryAction } from "@/app/(app)/garage/support/actions";
import { SupportQueryStatusBadge } from "@/components/garage/booking-status-badge";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { SupportQueryForm } from "@/components/garage/support-query-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listMyBookings } from "@/lib/modules/garage/services/bookings";
import { listQueries } from "@/lib/modules/garage/services/queries";
import { garageSettings } from "@/lib/modules/garage/settings";

export const metadata: Metadata = { title: "Garage support" };

export default async function SupportPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:QUERIES")) forbidden();
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const [{ items: queries }, bookings] = await Promise.all([
    listQueries(principal, { limit: 100 }),
    principal.scopes.has("READ:BOOKINGS") ? listMyBookings(principal, { limit: 50 }) : Promise.resolve({ items: [], total: 0 }),
  ]);
  const bookingLabels = bookings.items.map((booking) => ({ id: booking.id, label: `${formatShopTime(booking.slotStart, timeZone)} · ${booking.carPlate}` }));

  return (
    <div className="space-y-8">
      <LiveRefresh topics={["query_events"]} />
      <PageHeading title="Support">Ask the garage anything. Answers appear here as soon as they are written.</PageHeading>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <section aria-labelledby="my-queries" className="space-y-4">
          <h2 id="my-queries" className="text-xl font-semibold">
            My questions
          </h2>
          {queries.length === 0 ? (
            <EmptyState>No questions yet.</EmptyState>
          ) : (
            <ul className="space-y-4">
              {queries.map((query) => (
                <li key={query.id} data-testid="my-query" className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <h3 className="font-semibold">{query.subject}</h3>
                    <SupportQueryStatusBadge status={query.status} />
                  </div>
                  <p className="mt-2 whitespace-pre-line text-sm">{query.message}</p>
                  {query.answer && (
                    <div className="mt-4 rounded-lg border border-line bg-surface p-3 text-sm" data-testid="query-answer">
                      <p className="text-xs uppercase tracking-wider text-ink-muted">The garage answered</p>
                      <p className="mt-1 whitespace-pre-line">{query.answer}</p>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        {principal.scopes.has("WRITE:QUERIES") && principal.role === "CUSTOMER" && (
          <section aria-labelledby="new-query">
            <Card>
              <h2 id="new-query" className="mb-4 text-xl font-semibold">
                Ask a question
              </h2>
              <SupportQueryForm action={openQueryAction} bookings={bookingLabels} />
            </Card>
          </section>
        )}
      </div>
    </div>
  );
}
