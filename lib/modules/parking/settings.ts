import { z } from "zod";
import { readSettings } from "../../settings";

/** Parking's environment variables (README "Configuration"). */
export const PARKING_SETTINGS = z.object({
  PARKING_RESERVATION_COST: z.coerce.number().int().min(0).max(1000).default(3),
  PARKING_MIN_RESERVATION_MINUTES: z.coerce.number().int().min(1).default(15),
  PARKING_MAX_RESERVATION_HOURS: z.coerce.number().int().min(1).max(24 * 31).default(24),
  PARKING_DAILY_RESERVATION_LIMIT: z.coerce.number().int().min(1).default(10),
  PARKING_PAIR_DAILY_LIMIT: z.coerce.number().int().min(1).default(3),
  PARKING_MAX_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  PARKING_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
});

export function parkingSettings(): z.infer<typeof PARKING_SETTINGS> {
  return readSettings(PARKING_SETTINGS);
}
