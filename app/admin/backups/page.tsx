import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, primaryButtonClass } from "@/components/ui/buttons";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { listBackups } from "@/lib/backups/service";
import { createBackupAction, deleteBackupAction, restoreBackupAction } from "./actions";

export const metadata: Metadata = { title: "Backups" };

const sizeLabel = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const instantLabel = (iso: string) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "unknown");

export default async function BackupsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BACKUP")) forbidden();
  const { items: backups } = await listBackups(principal);
  const canCreate = principal.scopes.has("WRITE:BACKUP");
  const canRestore = principal.scopes.has("UPDATE:BACKUP");
  const canDelete = principal.scopes.has("DELETE:BACKUP");

  return (
    <div className="space-y-8">
      <PageHeading title="Backups">
        Every table of identity, parking, rentals, garage and the event log, in one compressed file with its schema version and checksums.
        A restore replaces all data in one transaction; every signed-in browser reloads.
      </PageHeading>

      {canCreate && (
        <Card>
          <h2 className="text-xl font-semibold">Back up now</h2>
          <p className="mt-1 text-sm text-ink-muted">Reads every table from one snapshot; the app keeps running.</p>
          <div className="mt-4">
            <ActionButton action={createBackupAction} fields={{}} label="Create a backup" pendingLabel="Backing up…" className={primaryButtonClass} showSuccess align="start" testId="create-backup" />
          </div>
        </Card>
      )}

      <section aria-label="Backups" className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
        {backups.length === 0 ? (
          <EmptyState>No backups yet.</EmptyState>
        ) : (
          <DataTable caption="Backups, newest first" columns={["Taken", "By", "Schema version", "Rows", "Size", { label: "Actions", hidden: true }]}>
            {backups.map((backup) => (
              <tr key={backup.id} className="align-top" data-testid="backup-row">
                <th scope="row" className={`${cellClass} font-medium`}>
                  {instantLabel(backup.createdAt)}
                  <span className="block font-mono text-xs text-ink-muted">{backup.id}</span>
                </th>
                <td className={`${cellClass} font-mono text-xs`}>{backup.createdBy ?? "—"}</td>
                <td className={`${cellClass} font-mono text-xs`}>{backup.migration || "unreadable"}</td>
                <td className={cellClass}>{backup.totalRows}</td>
                <td className={cellClass}>{sizeLabel(backup.size)}</td>
                <td className={`${cellClass} space-y-2 text-right`}>
                  <a href={`/api/v1/backups/${backup.id}/file`} download={backup.fileName} className={`${linkClass} text-sm`}>
                    Download<span className="sr-only"> the backup of {instantLabel(backup.createdAt)}</span>
                  </a>
                  {canRestore && (
                    <ActionButton
                      action={restoreBackupAction}
                      fields={{ id: backup.id }}
                      label="Restore"
                      pendingLabel="Restoring…"
                      ariaLabel={`Restore the backup of ${instantLabel(backup.createdAt)}`}
                      confirm={{
                        question: `Replace all data with this backup's ${backup.totalRows} rows? Every account, reservation, rental, booking and event created or changed since ${instantLabel(backup.createdAt)} is lost, accounts made since then are signed out, and every signed-in user's page reloads.`,
                        yes: "Restore and lose later changes",
                      }}
                      showSuccess
                      testId="restore-backup"
                    />
                  )}
                  {canDelete && (
                    <ActionButton
                      action={deleteBackupAction}
                      fields={{ id: backup.id }}
                      label="Delete"
                      pendingLabel="Deleting…"
                      ariaLabel={`Delete the backup of ${instantLabel(backup.createdAt)}`}
                      confirm={{ question: "Delete this backup file?", yes: "Delete" }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
