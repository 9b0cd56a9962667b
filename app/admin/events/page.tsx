import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePrincipal } from "@/components/shell/session";
import { ForbiddenError } from "@/lib/errors";
import { listFailures, readEvents } from "@/lib/events/log";
import { allTopics } from "@/lib/events/topics";
import { eventLogQuery } from "@/lib/ui/event-log";
import { parseEventLogFilters } from "@/lib/ui/event-log-filters";
import { EventLog } from "./event-log";
import { Failures } from "./failures";

export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:EVENTS")) forbidden();

  const filters = parseEventLogFilters(await searchParams);
  const [page, failures] = await Promise.all([
    readEvents(principal, eventLogQuery(filters, filters.after, PAGE_SIZE)),
    listFailures(principal),
  ]).catch((error: unknown) => {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });

  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Events</h1>
        <p className="mt-2 text-ink-muted">
          Every state change on Wheelhouse, in order, per topic. Turn on the live tail to watch new events arrive.
        </p>
      </div>
      <EventLog
        key={`${filters.topic}|${filters.type}|${filters.key}|${filters.after}`}
        topics={allTopics()}
        filters={filters}
        initial={{ events: page.events, nextAfter: page.nextAfter, lastOffset: page.lastOffset }}
        pageSize={PAGE_SIZE}
      />
      <Failures failures={failures} />
    </div>
  );
}
