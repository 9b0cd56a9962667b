import { z } from "zod";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { parseInput } from "../validation";

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  type: string;
  read: boolean;
  createdAt: string;
}

/** One's own notifications, newest first, with the unread count. */
export async function listNotifications(principal: Principal, limit = 20): Promise<{ unread: number; notifications: NotificationView[] }> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where: { userId: principal.userId }, orderBy: { id: "desc" }, take: limit }),
    db.notification.count({ where: { userId: principal.userId, readAt: null } }),
  ]);
  return {
    unread,
    notifications: rows.map((row) => ({
      id: row.id.toString(),
      title: row.title,
      body: row.body,
      link: row.link,
      type: row.type,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

export const markReadSchema = z
  .object(
    {
      all: z.literal(true, 'must be true ("all": true marks every notification read)').optional(),
      ids: z
        .array(z.string().regex(/^\d{1,18}$/, "must be a notification id such as \"12\""))
        .min(1)
        .max(200)
        .optional(),
    },
    'expected {"ids": ["12", …]} or {"all": true}',
  )
  .refine((body) => (body.all === undefined) !== (body.ids === undefined), 'send either {"ids": ["12", …]} or {"all": true}');

/** Marks one's own notifications read; other people's ids are simply not matched. */
export async function markNotificationsRead(principal: Principal, input: unknown): Promise<{ updated: number }> {
  const request = parseInput(markReadSchema, input);
  const { count } = await db.notification.updateMany({
    where: {
      userId: principal.userId,
      readAt: null,
      ...(request.ids ? { id: { in: request.ids.map((id) => BigInt(id)) } } : {}),
    },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
