"use server";

import { currentPrincipal } from "@/lib/auth/current";
import { HttpError, MESSAGES } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/notifications/service";

export type MarkReadResult = { ok: true; updated: number } | { ok: false; message: string };

/** Marks one's own notifications read: `{ all: true }` or `{ ids: [...] }` (validated by the service). */
export async function markNotificationsReadAction(input: { all: true } | { ids: string[] }): Promise<MarkReadResult> {
  const principal = await currentPrincipal();
  if (!principal) return { ok: false, message: `${MESSAGES.notAuthenticated} Sign in again.` };
  try {
    const { updated } = await markNotificationsRead(principal, input);
    return { ok: true, updated };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, message: error.message };
    throw error;
  }
}
