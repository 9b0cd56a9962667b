import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { recordEvent } from "../events/outbox";
import { transaction } from "../events/transaction";
import { ROLE_NAMES, ROLES } from "../identity/roles";
import { requireScope } from "../rbac/permissions";
import { parseInput, safeText } from "../validation";
import type { NotificationDraft } from "./rules";

/** One event per this many recipients: each batch becomes its notifications in one consumer transaction. */
export const ANNOUNCEMENT_BATCH_SIZE = 400;
export const ANNOUNCEMENT_EVENT = "announcement.sent";

export const AUDIENCES = ["ALL", ...ROLE_NAMES] as const;

export const announcementSchema = z.strictObject({
  title: safeText(120),
  body: safeText(2000, { multiline: true }),
  /** A page of this app: a path such as `/dashboard`. */
  link: z
    .string()
    .max(300, "must be at most 300 characters")
    .regex(/^\/(?!\/)[\w\-./?=&%#]*$/, 'must be a path of this site such as "/dashboard"')
    .optional(),
  audience: z.enum(AUDIENCES, `must be one of ${AUDIENCES.join(", ")}`),
});
export type AnnouncementInput = z.infer<typeof announcementSchema>;

export interface AnnouncementResult {
  id: string;
  audience: (typeof AUDIENCES)[number];
  recipients: number;
  batches: number;
}

const batchPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  recipients: z.array(z.string()),
});

/**
 * Sends an announcement to a role or to everyone (the matrix's Notification Logs Create).
 * One transaction records one `announcement.sent` event per ANNOUNCEMENT_BATCH_SIZE recipients;
 * the notifications consumer turns each into that batch's in-app notifications (one insert),
 * their logs and e-mails, and tells each recipient's browsers live.
 */
export async function sendAnnouncement(principal: Principal, input: unknown): Promise<AnnouncementResult> {
  await requireScope(principal, "WRITE:NOTIFICATION_LOGS");
  const announcement = parseInput(announcementSchema, input);
  const id = randomUUID();
  const recipients = await transaction(async (tx) => {
    const users = await tx.user.findMany({
      where: announcement.audience === "ALL" ? {} : { roleId: ROLES[announcement.audience].id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const ids = users.map((user) => user.id);
    for (let start = 0; start < ids.length; start += ANNOUNCEMENT_BATCH_SIZE) {
      await recordEvent(tx, {
        topic: "user_events",
        key: id,
        type: ANNOUNCEMENT_EVENT,
        payload: {
          announcementId: id,
          audience: announcement.audience,
          title: announcement.title,
          body: announcement.body,
          link: announcement.link ?? null,
          recipients: ids.slice(start, start + ANNOUNCEMENT_BATCH_SIZE),
        },
        actor: principal.userId,
      });
    }
    return ids.length;
  });
  const batches = Math.ceil(recipients / ANNOUNCEMENT_BATCH_SIZE);
  await recordAudit({
    action: "announcement_sent",
    actorId: principal.userId,
    subject: id,
    clientIp: principal.clientIp,
    detail: { audience: announcement.audience, recipients, title: announcement.title },
  });
  return { id, audience: announcement.audience, recipients, batches };
}

/** One batch event's notifications. */
export function announcementDrafts(payload: unknown): NotificationDraft[] {
  const batch = batchPayloadSchema.safeParse(payload);
  if (!batch.success) return [];
  const { title, body, link } = batch.data;
  return batch.data.recipients.map((userId) => ({ userId, title, body, ...(link ? { link } : {}), email: true }));
}

/** How many users an audience reaches now (the announcement form's hint). */
export async function audienceSizes(): Promise<Record<(typeof AUDIENCES)[number], number>> {
  const counts = await db.user.groupBy({ by: ["roleId"], _count: { _all: true } });
  const sizes = Object.fromEntries(AUDIENCES.map((audience) => [audience, 0])) as Record<(typeof AUDIENCES)[number], number>;
  for (const row of counts) {
    const role = ROLE_NAMES.find((name) => ROLES[name].id === row.roleId);
    if (role) sizes[role] = row._count._all;
    sizes.ALL += row._count._all;
  }
  return sizes;
}
