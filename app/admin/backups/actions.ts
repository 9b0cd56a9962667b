"use server";

import { createBackup, deleteBackup, restoreBackup } from "@/lib/backups/service";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

export const createBackupAction = formAction({
  read: () => undefined,
  run: (principal) => createBackup(principal),
  done: (backup) => `Backed up ${backup.totalRows} rows (${backup.fileName}).`,
});

export const restoreBackupAction = formAction({
  read: (form) => formText(form, "id"),
  run: (principal, id) => restoreBackup(principal, id),
  done: (result) => `Restored ${result.totalRows} rows from ${result.id}.`,
  refreshes: "everything",
});

export const deleteBackupAction = formAction({
  read: (form) => formText(form, "id"),
  run: (principal, id) => deleteBackup(principal, id),
  done: () => "Backup deleted.",
});
