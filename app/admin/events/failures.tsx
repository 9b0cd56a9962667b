import type { listFailures } from "@/lib/events/log";
import { formatUtc } from "@/lib/ui/event-log";
import { RefreshButton } from "./refresh-button";
import { cellClass, DataTable } from "@/components/ui/table";

type FailureReport = Awaited<ReturnType<typeof listFailures>>;

const td = `${cellClass} align-top`;

function ErrorText({ text }: { text: string | null }) {
  if (!text) return <span className="text-ink-muted">—</span>;
  return (
    <pre className="max-h-40 max-w-md overflow-auto whitespace-pre-wrap break-words font-mono text-xs text-red-700 dark:text-red-400">
      {text}
    </pre>
  );
}

/** Outbox rows the drainer gave up on, and events consumers could not handle, with their errors. */
export function Failures({ failures }: { failures: FailureReport }) {
  const { pendingOutbox, parkedOutbox, consumerFailures } = failures;
  return (
    <section aria-labelledby="failures-heading" className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="failures-heading" className="text-2xl font-semibold tracking-tight">
            Failures
          </h2>
          <p className="mt-1 text-sm text-ink-muted" data-testid="pending-outbox">
            {pendingOutbox === 0 ? "The outbox is drained." : `${pendingOutbox} outbox ${pendingOutbox === 1 ? "row is" : "rows are"} waiting to be drained.`}
          </p>
        </div>
        <RefreshButton label="Refresh failures" />
      </div>

      <div className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
        <h3 className="border-b border-line px-4 py-3 text-sm font-semibold">Parked outbox rows</h3>
        {parkedOutbox.length === 0 ? (
          <p className="px-4 py-4 text-sm text-ink-muted">No parked outbox rows.</p>
        ) : (
          <DataTable caption="Parked outbox rows" columns={["ID", "Event", "Attempts", "Last error", "Parked"]}>
            {parkedOutbox.map((row) => (
              <tr key={row.id}>
                <td className={`${td} font-mono text-xs`}>{row.id}</td>
                <th scope="row" className={`${td} font-normal`}>
                  <span className="block font-mono text-xs">{row.type}</span>
                  <span className="block text-xs text-ink-muted">
                    {row.topic} · {row.key}
                  </span>
                </th>
                <td className={td}>{row.attempts}</td>
                <td className={td}>
                  <ErrorText text={row.lastError} />
                </td>
                <td className={`${td} whitespace-nowrap text-xs text-ink-muted`}>
                  {row.parkedAt ? <time dateTime={row.parkedAt}>{formatUtc(row.parkedAt)}</time> : "—"}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>

      <div className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
        <h3 className="border-b border-line px-4 py-3 text-sm font-semibold">Consumer failures</h3>
        {consumerFailures.length === 0 ? (
          <p className="px-4 py-4 text-sm text-ink-muted">No consumer failures.</p>
        ) : (
          <DataTable caption="Consumer failures" columns={["Consumer", "Event", "Attempts", "Error", "Failed"]}>
            {consumerFailures.map((row) => (
              <tr key={`${row.consumerGroup}|${row.topic}|${row.offset}`}>
                <th scope="row" className={`${td} font-mono text-xs font-normal`}>{row.consumerGroup}</th>
                <td className={`${td} text-xs`}>
                  {row.topic} <span className="text-ink-muted">at offset</span> {row.offset}
                </td>
                <td className={td}>{row.attempts}</td>
                <td className={td}>
                  <ErrorText text={row.error} />
                </td>
                <td className={`${td} whitespace-nowrap text-xs text-ink-muted`}>
                  <time dateTime={row.failedAt}>{formatUtc(row.failedAt)}</time>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </section>
  );
}
