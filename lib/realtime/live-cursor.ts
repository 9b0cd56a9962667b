import { db } from "../db";
import type { LiveCursor } from "../ui/live-cursor";

export type { LiveCursor };

/** One statement: the topic offsets and the user's newest notification id. */
export async function readLiveCursor(userId: string): Promise<LiveCursor> {
  const rows = await db.$queryRaw<Array<{ topic: string | null; position: bigint | null }>>`
    SELECT topic, last_offset AS position FROM topic_offsets
    UNION ALL
    SELECT NULL, max(id) FROM notifications WHERE user_id = ${userId}`;
  const offsets: Record<string, string> = {};
  let notification = "0";
  for (const row of rows) {
    if (row.topic === null) notification = String(row.position ?? 0n);
    else offsets[row.topic] = String(row.position ?? 0n);
  }
  return { offsets, notification };
}
