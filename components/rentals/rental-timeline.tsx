import type { RentalHistoryEntry } from "@/lib/modules/rentals/views";

const WHAT_HAPPENED: Record<RentalHistoryEntry["status"], string> = {
  PENDING: "Requested",
  APPROVED: "Approved",
  REJECTED: "Declined",
  ACTIVE: "Picked up",
  COMPLETED: "Returned",
  CANCELLED: "Cancelled",
};

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who moved the rental to which status, and when (UTC), oldest first. */
export function RentalTimeline({ history }: { history: RentalHistoryEntry[] }) {
  return (
    <ol className="relative space-y-3 border-l border-line pl-5" aria-label="Status history">
      {history.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="relative">
          <span
            aria-hidden="true"
            className={`absolute -left-[1.6rem] top-1 inline-block h-2.5 w-2.5 rounded-full ring-4 ring-surface-raised ${
              index === history.length - 1 ? "bg-rentals" : "bg-line"
            }`}
          />
          <p className="text-sm">
            <span className="font-medium">{WHAT_HAPPENED[entry.status]}</span>
            <span className="text-ink-muted"> by {entry.actorName}</span>
          </p>
          <p className="text-xs text-ink-muted">
            <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))} UTC</time>
          </p>
          {entry.note && <p className="mt-1 text-sm text-ink-muted">“{entry.note}”</p>}
        </li>
      ))}
    </ol>
  );
}
