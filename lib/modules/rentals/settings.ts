import { z } from "zod";
import { readSettings } from "../../settings";

/** The rental module's environment variables (README "Configuration"). */
export const RENTAL_SETTINGS = z.object({
  RENTALS_MAX_OPEN_REQUESTS: z.coerce.number().int().min(1).max(1000).default(5),
});

export function rentalSettings(): z.infer<typeof RENTAL_SETTINGS> {
  return readSettings(RENTAL_SETTINGS);
}
