import { z } from "zod";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireScope } from "../rbac/permissions";
import { fieldError, instantSchema, pageQuery, parseQuery, safeText, type Page } from "../validation";

export const NOTIFICATION_CHANNELS = ["IN_APP", "EMAIL"] as const;
export const NOTIFICATION_STATUSES = ["SENT", "FAILED", "LOGGED"] as const;

export interface NotificationLogView {
  id: string;
  recipientId: string | null;
  recipient: string;
  channel: (typeof NOTIFICATION_CHANNELS)[number];
  template: string;
  status: (typeof NOTIFICATION_STATUSES)[number];
  error: string | null;
  eventId: string | null;
  createdAt: string;
}

export const notificationLogQuerySchema = z.object({
  channel: z.enum(NOTIFICATION_CHANNELS, `must be one of ${NOTIFICATION_CHANNELS.join(", ")}`).optional(),
  status: z.enum(NOTIFICATION_STATUSES, `must be one of ${NOTIFICATION_STATUSES.join(", ")}`).optional(),
  /** The notification type, exactly (`user.created`, `announcement.sent`, …). */
  template: safeText(100).optional(),
  /** A user id or an e-mail address, exactly (e-mail addresses are compared lower-cased). */
  recipient: safeText(254).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  ...pageQuery,
});

/** Every notification sent, newest first, filtered (READ:NOTIFICATION_LOGS). */
export async function listNotificationLogs(principal: Principal, query: unknown): Promise<Page<NotificationLogView>> {
  await requireScope(principal, "READ:NOTIFICATION_LOGS");
  const filters = parseQuery(notificationLogQuerySchema, query);
  if (filters.from && filters.to && filters.from > filters.to) throw fieldError(["query", "to"], "must not be before from");
  const recipient = filters.recipient?.includes("@") ? filters.recipient.toLowerCase() : filters.recipient;
  const where: Prisma.NotificationLogWhereInput = {
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.template ? { template: filters.template } : {}),
    ...(recipient ? { OR: [{ recipientId: recipient }, { recipient }] } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.notificationLog.findMany({ where, orderBy: { id: "desc" }, take: filters.limit, skip: filters.offset }),
    db.notificationLog.count({ where }),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id.toString(),
      recipientId: row.recipientId,
      recipient: row.recipient,
      channel: row.channel,
      template: row.template,
      status: row.status,
      error: row.error,
      eventId: row.eventId?.toString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
