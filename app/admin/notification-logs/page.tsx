import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { AnnouncementForm } from "@/components/admin/announcement-form";
import { requirePrincipal } from "@/components/shell/session";
import { Badge } from "@/components/ui/badge";
import { linkClass, primaryButtonClass, selectClass } from "@/components/ui/buttons";
import { Card, FormMessage, inputClass } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { ValidationError } from "@/lib/errors";
import { ROLE_NAMES } from "@/lib/identity/roles";
import { audienceSizes } from "@/lib/notifications/announcements";
import { listNotificationLogs, NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES, type NotificationLogView } from "@/lib/notifications/logs";
import { ROLE_LABELS } from "@/lib/ui/navigation";
import { sendAnnouncementAction } from "./actions";

export const metadata: Metadata = { title: "Notification logs" };

const PAGE_SIZE = 50;
const FILTERS = ["channel", "status", "template", "recipient", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's days (`2026-12-01`) as the instants the API takes: from the day's start, to its end (UTC). */
function apiQuery(filters: Record<Filter, string>, page: number): Record<string, string> {
  const query: Record<string, string> = { limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) };
  for (const name of FILTERS) {
    const value = filters[name];
    if (!value) continue;
    if (name === "from" && DAY.test(value)) query.from = `${value}T00:00:00Z`;
    else if (name === "to" && DAY.test(value)) query.to = `${value}T23:59:59.999Z`;
    else query[name] = value;
  }
  return query;
}

const TONES = { SENT: "positive", FAILED: "danger", LOGGED: "quiet" } as const;

export default async function NotificationLogsPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:NOTIFICATION_LOGS")) forbidden();
  const params = await searchParams;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, first(params[name])])) as Record<Filter, string>;
  const page = Math.max(1, Number.parseInt(first(params.page), 10) || 1);

  let entries: NotificationLogView[] = [];
  let total = 0;
  let problem: string | undefined;
  try {
    ({ items: entries, total } = await listNotificationLogs(principal, apiQuery(filters, page)));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problem = error.fields.map((field) => `${String(field.loc.at(-1))}: ${field.msg}`).join("; ");
  }
  const sizes = await audienceSizes();
  const canAnnounce = principal.scopes.has("WRITE:NOTIFICATION_LOGS");
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filterHref = (only: Partial<Record<Filter, string>>) => `/admin/notification-logs?${new URLSearchParams(only).toString()}`;
  const pageHref = (target: number) => `/admin/notification-logs?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)), page: String(target) }).toString()}`;

  return (
    <div className="space-y-8">
      <PageHeading title="Notification logs">
        Every notification Wheelhouse sent, per person and channel: in-app, and by e-mail (through SMTP, or written to the server log when no
        SMTP server is configured).
      </PageHeading>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          <form method="get" className="grid grid-cols-2 gap-3 rounded-card border border-line bg-surface-raised p-4 shadow-sm sm:grid-cols-3" aria-label="Filter the notification logs">
            <div>
              <label htmlFor="logs-channel" className="block text-sm font-medium">Channel</label>
              <select id="logs-channel" name="channel" defaultValue={filters.channel} className={selectClass}>
                <option value="">Any</option>
                {NOTIFICATION_CHANNELS.map((channel) => <option key={channel} value={channel}>{channel === "IN_APP" ? "In-app" : "E-mail"}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="logs-status" className="block text-sm font-medium">Status</label>
              <select id="logs-status" name="status" defaultValue={filters.status} className={selectClass}>
                <option value="">Any</option>
                {NOTIFICATION_STATUSES.map((status) => <option key={status} value={status}>{status.toLowerCase()}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="logs-template" className="block text-sm font-medium">Type</label>
              <input id="logs-template" name="template" defaultValue={filters.template} placeholder="announcement.sent" className={inputClass} />
            </div>
            <div>
              <label htmlFor="logs-recipient" className="block text-sm font-medium">Recipient</label>
              <input id="logs-recipient" name="recipient" defaultValue={filters.recipient} placeholder="User id or e-mail" className={inputClass} />
            </div>
            <div>
              <label htmlFor="logs-from" className="block text-sm font-medium">From</label>
              <input id="logs-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
            </div>
            <div>
              <label htmlFor="logs-to" className="block text-sm font-medium">To</label>
              <input id="logs-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
            </div>
            <div className="col-span-full flex items-center gap-3">
              <button type="submit" className={primaryButtonClass}>Filter</button>
              <IntentLink href="/admin/notification-logs" className="text-sm text-ink-muted hover:text-brand">Clear</IntentLink>
            </div>
          </form>
          <FormMessage status={problem ? "error" : "idle"} message={problem} />

          <section aria-label="Notifications sent" className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
            {entries.length === 0 ? (
              <EmptyState>No notification matches.</EmptyState>
            ) : (
              <DataTable caption={`Notifications sent, page ${page} of ${lastPage}`} columns={["Sent", "Recipient", "Channel", "Type", "Status"]}>
                {entries.map((entry) => (
                  <tr key={entry.id} className="align-top" data-testid="notification-log-row">
                    <th scope="row" className={`${cellClass} whitespace-nowrap font-normal text-ink-muted`}>
                      {entry.createdAt.replace("T", " ").slice(0, 19)}
                    </th>
                    <td className={`${cellClass} font-mono text-xs`}>
                      <IntentLink href={filterHref({ recipient: entry.recipient })} className={linkClass} aria-label={`Only notifications to ${entry.recipient}`}>
                        {entry.recipient}
                      </IntentLink>
                      {entry.recipientId && entry.recipientId !== entry.recipient && <span className="block text-ink-muted">{entry.recipientId}</span>}
                    </td>
                    <td className={cellClass}>{entry.channel === "IN_APP" ? "In-app" : "E-mail"}</td>
                    <td className={`${cellClass} font-mono text-xs`}>
                      <IntentLink href={filterHref({ template: entry.template })} className={linkClass} aria-label={`Only ${entry.template} notifications`}>
                        {entry.template}
                      </IntentLink>
                    </td>
                    <td className={cellClass}>
                      <Badge label={entry.status.toLowerCase()} tone={TONES[entry.status]} />
                      {entry.error && <span className="mt-1 block max-w-64 text-xs text-ink-muted">{entry.error}</span>}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            <nav aria-label="Pages of notification logs" className="flex items-center justify-between gap-4 border-t border-line px-4 py-3 text-sm">
              <p className="text-ink-muted">{total} sent</p>
              <div className="flex gap-2">
                {page > 1 && <IntentLink href={pageHref(page - 1)} className="rounded-full border border-line px-3 py-1 hover:border-brand">Previous</IntentLink>}
                {page < lastPage && <IntentLink href={pageHref(page + 1)} className="rounded-full border border-line px-3 py-1 hover:border-brand">Next</IntentLink>}
              </div>
            </nav>
          </section>
        </div>

        {canAnnounce && (
          <Card>
            <h2 className="text-xl font-semibold">Send an announcement</h2>
            <p className="mt-1 text-sm text-ink-muted">Arrives live in each recipient&apos;s notifications, and by e-mail.</p>
            <AnnouncementForm
              action={sendAnnouncementAction}
              audiences={[
                { value: "ALL", label: `Everyone (${sizes.ALL})` },
                ...ROLE_NAMES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]} (${sizes[role]})` })),
              ]}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
