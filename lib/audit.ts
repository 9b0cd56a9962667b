import { recordEvent } from "./events/outbox";
import { transaction } from "./events/transaction";
import type { Prisma } from "./generated/prisma/client";
import { PUBLIC_ID_PATTERN } from "./identity/roles";
import { componentLogger } from "./observability/logger";

const log = componentLogger("audit");


export type AuditAction =
  | "login_failed"
  | "login_rate_limited"
  | "registration_rate_limited"
  | "password_change_failed"
  | "password_change_rate_limited"
  | "revoked_token_used"
  | "refresh_token_reuse"
  | "access_denied"
  | "permissions_changed"
  | "user_created"
  | "user_deleted"
  | "password_changed"
  | "signed_out_everywhere"
  | "backup_created"
  | "backup_downloaded"
  | "backup_restored"
  | "backup_restore_refused"
  | "backup_deleted"
  | "announcement_sent";

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subject?: string | null;
  clientIp?: string | null;
  detail?: Prisma.InputJsonObject;
}

/**
 * Appends to the audit trail and, in the same transaction, to `user_events`
 * (type `security.<action>`, keyed by the user concerned). Denials are recorded
 * outside any request transaction (there is none to join); a failure to audit
 * is logged, never turned into a different answer for the caller.
 */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  try {
    await transaction(async (tx) => {
      const row = await tx.auditLog.create({
        data: {
          action: entry.action,
          actorId: entry.actorId ?? null,
          subject: entry.subject ?? null,
          clientIp: entry.clientIp ?? null,
          detail: entry.detail ?? {},
        },
      });
      const concerned = entry.subject && PUBLIC_ID_PATTERN.test(entry.subject) ? entry.subject : (entry.actorId ?? "anonymous");
      await recordEvent(tx, {
        topic: "user_events",
        key: concerned,
        type: `security.${entry.action}`,
        payload: { auditId: row.id.toString(), action: entry.action, actorId: row.actorId, subject: row.subject, clientIp: row.clientIp, detail: entry.detail ?? {}, at: row.at.toISOString() },
        actor: entry.actorId ?? null,
      });
    });
  } catch (error) {
    log.error({ err: error, action: entry.action }, "could not record");
  }
}
