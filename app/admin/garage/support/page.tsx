import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { answerQueryAction } from "@/app/admin/garage/support/actions";
import { SupportQueryStatusBadge } from "@/components/garage/booking-status-badge";
import { SupportAnswerForm } from "@/components/garage/support-answer-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listQueries } from "@/lib/modules/garage/services/queries";
import { SUPPORT_QUERY_STATUS_LABELS, SUPPORT_QUERY_STATUSES, type SupportQueryStatusName } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Support inbox" };

const isStatus = (value: unknown): value is SupportQueryStatusName => SUPPORT_QUERY_STATUSES.some((status) => status === value);

export default async function SupportInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("UPDATE:QUERIES")) forbidden();
  const requested = (await searchParams).status;
  const status = isStatus(requested) ? requested : undefined;
  const { items, total } = await listQueries(principal, { ...(status ? { status } : {}), limit: 200 });

  return (
    <div className="space-y-6">
      <LiveRefresh topics={["query_events"]} />
      <PageHeading title="Support inbox">Customers&apos; questions, newest first. An answer reaches the customer at once.</PageHeading>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...SUPPORT_QUERY_STATUSES].map((value) => (
          <IntentLink
            key={value ?? "all"}
            href={value ? `/admin/garage/support?status=${value}` : "/admin/garage/support"}
            aria-current={value === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${value === status ? "border-brand bg-brand-soft" : "border-line hover:border-brand"}`}
          >
            {value ? SUPPORT_QUERY_STATUS_LABELS[value] : "All"}
          </IntentLink>
        ))}
      </nav>
      <p className="text-sm text-ink-muted">{total} {total === 1 ? "query" : "queries"}</p>
      {items.length === 0 ? (
        <EmptyState>Nothing here.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {items.map((query) => (
            <li key={query.id} data-testid="inbox-query" className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="font-semibold">{query.subject}</h2>
                  <p className="text-xs text-ink-muted">
                    {query.customerId} · {new Date(query.createdAt).toUTCString()}
                    {query.bookingId && " · about a booking"}
                  </p>
                </div>
                <SupportQueryStatusBadge status={query.status} />
              </div>
              <p className="mt-2 whitespace-pre-line text-sm">{query.message}</p>
              {query.answer && (
                <p className="mt-3 whitespace-pre-line rounded-lg border border-line bg-surface p-3 text-sm">
                  <span className="font-medium">Answer: </span>
                  {query.answer}
                </p>
              )}
              <SupportAnswerForm action={answerQueryAction} queryId={query.id} status={query.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
