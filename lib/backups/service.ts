import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { recordAudit } from "../audit";
import { credentialsChanged } from "../auth/credential-cache";
import type { Principal } from "../auth/principal";
import { db, type Transaction } from "../db";
import { env } from "../env";
import { ConflictError, HttpError, NotFoundError } from "../errors";
import { recordEvent } from "../events/outbox";
import { kickEventPipeline } from "../events/scheduler";
import { modules } from "../modules/registry";
import { componentLogger } from "../observability/logger";
import { endLiveAccess } from "../realtime/revocation";
import { DATA_RESTORED_EVENT } from "../realtime/routing";
import { requireScope } from "../rbac/permissions";
import { fieldError, pathId, type Page } from "../validation";
import { CorruptBackupError, decodeBackup, encodeBackup, parseManifest, type BackupManifest } from "./archive";
import { applicationTables, currentMigration, readEverything, replaceEverything } from "./database";

const log = componentLogger("backups");

/** Backup ids: creation time to the millisecond, then 6 random hex digits (`20261202T171400123Z-1a2b3c`). */
export const BACKUP_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{6}$/;
const FILE_PREFIX = "wheelhouse-";
const FILE_SUFFIX = ".backup.gz";
const NOT_FOUND = "Backup not found.";
const RESTORE_TRANSACTION = { timeout: 600_000, maxWait: 60_000 };


export interface BackupView {
  id: string;
  fileName: string;
  /** Bytes of the compressed file. */
  size: number;
  createdAt: string;
  createdBy: string | null;
  migration: string;
  /** Rows per table. */
  counts: Record<string, number>;
  totalRows: number;
}

const fileNameOf = (id: string) => `${FILE_PREFIX}${id}${FILE_SUFFIX}`;
const filePath = (id: string) => path.join(env().BACKUP_DIR, fileNameOf(id));

function newBackupId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

function viewOf(manifest: BackupManifest, size: number): BackupView {
  const counts = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
  return {
    id: manifest.id,
    fileName: fileNameOf(manifest.id),
    size,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    migration: manifest.migration,
    counts,
    totalRows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
  };
}

/** The manifest line of a file, without unpacking the rest; null when it is not a readable backup. */
async function readManifestLine(file: string): Promise<BackupManifest | null> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) return parseManifest(line);
    return null;
  } catch {
    return null;
  } finally {
    lines.close();
  }
}

async function backupIds(): Promise<string[]> {
  const names = await readdir(env().BACKUP_DIR).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX))
    .map((name) => name.slice(FILE_PREFIX.length, -FILE_SUFFIX.length))
    .filter((id) => BACKUP_ID_PATTERN.test(id));
}

async function findBackup(id: string): Promise<BackupView> {
  const file = filePath(id);
  const size = await stat(file).then((info) => info.size, () => null);
  if (size === null) throw new NotFoundError(NOT_FOUND);
  const manifest = await readManifestLine(file);
  // A file that lost its manifest is listed by id so it can still be deleted.
  return manifest ? viewOf(manifest, size) : { id, fileName: fileNameOf(id), size, createdAt: "", createdBy: null, migration: "", counts: {}, totalRows: 0 };
}

/** Every backup in BACKUP_DIR, newest first. */
export async function listBackups(principal: Principal): Promise<Page<BackupView>> {
  await requireScope(principal, "READ:BACKUP");
  const ids = (await backupIds()).sort().reverse();
  const items = await Promise.all(ids.map((id) => findBackup(id).catch(() => null)));
  const found = items.filter((item): item is BackupView => item !== null);
  return { items: found, total: found.length };
}

export async function getBackup(principal: Principal, rawId: unknown): Promise<BackupView> {
  await requireScope(principal, "READ:BACKUP");
  return findBackup(pathId(rawId, NOT_FOUND, BACKUP_ID_PATTERN));
}

/** Every table's rows from one snapshot, as one gzip file under BACKUP_DIR (written aside, then renamed into place). */
export async function createBackup(principal: Principal): Promise<BackupView> {
  await requireScope(principal, "WRITE:BACKUP");
  const now = new Date();
  const id = newBackupId(now);
  const snapshot = await readEverything();
  const { manifest, file } = encodeBackup(
    { id, createdAt: now.toISOString(), createdBy: principal.userId, migration: snapshot.migration, sequences: snapshot.sequences },
    snapshot.tables,
  );
  await mkdir(env().BACKUP_DIR, { recursive: true });
  const partial = `${filePath(id)}.partial`;
  await writeFile(partial, file, { mode: 0o600 });
  await rename(partial, filePath(id));
  const view = viewOf(manifest, file.length);
  await recordAudit({
    action: "backup_created",
    actorId: principal.userId,
    subject: id,
    clientIp: principal.clientIp,
    detail: { migration: manifest.migration, totalRows: view.totalRows, size: view.size },
  });
  log.info({ backupId: id, rows: view.totalRows, bytes: view.size, actor: principal.userId }, "backup created");
  return view;
}

/** The file itself, for download. */
export async function backupFile(principal: Principal, rawId: unknown): Promise<{ fileName: string; content: Buffer }> {
  await requireScope(principal, "READ:BACKUP");
  const id = pathId(rawId, NOT_FOUND, BACKUP_ID_PATTERN);
  const content = await readFile(filePath(id)).catch(() => null);
  if (!content) throw new NotFoundError(NOT_FOUND);
  await recordAudit({ action: "backup_downloaded", actorId: principal.userId, subject: id, clientIp: principal.clientIp });
  return { fileName: fileNameOf(id), content };
}

export async function deleteBackup(principal: Principal, rawId: unknown): Promise<void> {
  await requireScope(principal, "DELETE:BACKUP");
  const id = pathId(rawId, NOT_FOUND, BACKUP_ID_PATTERN);
  const removed = await unlink(filePath(id)).then(() => true, () => false);
  if (!removed) throw new NotFoundError(NOT_FOUND);
  await recordAudit({ action: "backup_deleted", actorId: principal.userId, subject: id, clientIp: principal.clientIp });
  log.info({ backupId: id, actor: principal.userId }, "backup deleted");
}

export interface RestoreResult {
  id: string;
  migration: string;
  totalRows: number;
  /** Users whose sign-ins the restore ended (absent from the backup, or their password differs from it). */
  signedOut: number;
}

/**
 * Security state that outlives a restore: what was revoked or changed after the backup
 * must not come back to life with the old rows.
 *  - every revoked token id stays revoked (revoked_tokens, refresh_tokens.revoked_at);
 *  - a user's credentials cut-off never moves back (a password change or "sign out everywhere"
 *    made after the backup still ends what it ended), and a user whose password hash differs
 *    from the backup's is signed out (their current sign-ins were made with the other password);
 *  - a user who is not in the backup is gone, so their tokens fail at "load user".
 * Returns the users whose sign-ins ended.
 */
async function keepSecurityState(tx: Transaction, work: () => Promise<void>): Promise<string[]> {
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE restore_kept_revocations ON COMMIT DROP AS SELECT jti, token_type, user_id, reason, revoked_at, expires_at FROM revoked_tokens`);
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE restore_kept_refresh ON COMMIT DROP AS SELECT jti, revoked_at FROM refresh_tokens WHERE revoked_at IS NOT NULL`);
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE restore_kept_users ON COMMIT DROP AS SELECT id, password_hash, credentials_changed_at FROM users`);
  await work();
  await tx.$executeRawUnsafe(`
    INSERT INTO revoked_tokens (jti, token_type, user_id, reason, revoked_at, expires_at)
    SELECT k.jti, k.token_type, u.id, k.reason, k.revoked_at, k.expires_at
    FROM restore_kept_revocations k LEFT JOIN users u ON u.id = k.user_id
    ON CONFLICT (jti) DO NOTHING`);
  await tx.$executeRawUnsafe(`
    UPDATE refresh_tokens r SET revoked_at = k.revoked_at FROM restore_kept_refresh k
    WHERE r.jti = k.jti AND r.revoked_at IS NULL`);
  const changed = await tx.$queryRawUnsafe<Array<{ id: string }>>(`
    UPDATE users u SET credentials_changed_at = now() FROM restore_kept_users k
    WHERE u.id = k.id AND u.password_hash <> k.password_hash RETURNING u.id`);
  await tx.$executeRawUnsafe(`
    UPDATE users u SET credentials_changed_at = k.credentials_changed_at FROM restore_kept_users k
    WHERE u.id = k.id AND u.password_hash = k.password_hash AND u.credentials_changed_at < k.credentials_changed_at`);
  const gone = await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT k.id FROM restore_kept_users k WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = k.id)`);
  return [...changed, ...gone].map((row) => row.id);
}

/**
 * Replaces all application data with a backup's, in one transaction. Refused (409) when
 * the backup belongs to another schema version, (422) when the file fails its checksums.
 * After the commit: module caches are dropped, the live access of users signed out by it
 * ends, and every signed-in browser is told to reload (`platform.data_restored`).
 */
export async function restoreBackup(principal: Principal, rawId: unknown): Promise<RestoreResult> {
  await requireScope(principal, "UPDATE:BACKUP");
  const id = pathId(rawId, NOT_FOUND, BACKUP_ID_PATTERN);
  const content = await readFile(filePath(id)).catch(() => null);
  if (!content) throw new NotFoundError(NOT_FOUND);

  const refuse = async (status: 409 | 422, reason: string) => {
    await recordAudit({ action: "backup_restore_refused", actorId: principal.userId, subject: id, clientIp: principal.clientIp, detail: { reason } });
    return status === 409 ? new ConflictError(reason) : fieldError(["path", "id"], reason);
  };
  let backup: ReturnType<typeof decodeBackup>;
  try {
    backup = decodeBackup(content);
  } catch (error) {
    if (error instanceof CorruptBackupError) throw await refuse(422, `The backup file is corrupt or was altered: ${error.message}.`);
    throw error;
  }
  const { manifest, tables } = backup;
  const migration = await currentMigration();
  if (manifest.migration !== migration) {
    throw await refuse(409, `The backup was taken at schema version ${manifest.migration}; the database is at ${migration}. Restore it into a database at that version.`);
  }

  // Longer than `transaction()`'s 30 s: a restore rewrites every table.
  const signedOut = await db.$transaction(async (tx) => {
    // One restore at a time, whatever the instance.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('wheelhouse:backup-restore'))`);
    const present = await applicationTables(tx);
    const wanted = tables.map((table) => table.name);
    if (present.length !== wanted.length || present.some((name) => !wanted.includes(name))) {
      throw new ConflictError("The backup's tables are not this database's tables.");
    }
    const ended = await keepSecurityState(tx, () => replaceEverything(tx, tables, manifest.sequences));
    await recordEvent(tx, {
      topic: "user_events",
      key: principal.userId,
      type: DATA_RESTORED_EVENT,
      payload: { backupId: id, migration, restoredAt: new Date().toISOString() },
      actor: principal.userId,
    });
    return ended;
  }, RESTORE_TRANSACTION).catch(async (error: unknown) => {
    if (error instanceof HttpError) throw error;
    // The file passed its checksums and versions match, so a database refusal means it does not fit this database.
    log.error({ backupId: id, err: error }, "backup restore failed");
    throw await refuse(422, "The backup could not be loaded into this database; nothing was changed.");
  });

  await credentialsChanged();
  kickEventPipeline();
  for (const businessModule of modules()) await businessModule.dataReplaced?.();
  await Promise.all(signedOut.map((userId) => endLiveAccess(userId)));
  const totalRows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  await recordAudit({
    action: "backup_restored",
    actorId: principal.userId,
    subject: id,
    clientIp: principal.clientIp,
    detail: { migration, totalRows, signedOut: signedOut.length },
  });
  log.info({ backupId: id, rows: totalRows, signedOut: signedOut.length, actor: principal.userId }, "backup restored");
  return { id, migration, totalRows, signedOut: signedOut.length };
}
