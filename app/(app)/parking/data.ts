import type { Principal } from "@/lib/auth/principal";
import { ForbiddenError } from "@/lib/errors";
import { getCredits } from "@/lib/modules/parking/services/credits";
import { endOfLocalDay } from "@/lib/modules/parking/view-models/time";

/** Server-side helpers of the parking pages. */

/** The server's clock for a render: client components start from it, so hydration matches. */
export function serverClock(): { now: number; dayEnd: number } {
  const now = Date.now();
  return { now, dayEnd: endOfLocalDay(new Date(now)).getTime() };
}

/** The principal's credit balance, or null when they may not read credits. */
export async function balanceOf(principal: Principal): Promise<number | null> {
  if (!principal.scopes.has("READ:CREDITS")) return null;
  try {
    return (await getCredits(principal, { limit: 1 })).balance;
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

const DAY = 86_400_000;

/** The range the spot page's timeline covers: a day back (the reader's today may have begun) to 8 days ahead. */
export function timelineRange(now: number): { from: string; to: string } {
  return { from: new Date(now - DAY).toISOString(), to: new Date(now + 8 * DAY).toISOString() };
}
