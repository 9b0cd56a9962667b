import { z } from "zod";
import { readSettings } from "../../settings";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The garage's environment variables (README "Configuration"). */
export const GARAGE_SETTINGS = z
  .object({
    /** Work bays: a drop-off slot takes at most this many bookings. */
    GARAGE_BAYS: z.coerce.number().int().min(1).max(100).default(3),
    GARAGE_SLOT_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
    GARAGE_OPENS_AT: clockTime.default("08:00"),
    GARAGE_CLOSES_AT: clockTime.default("18:00"),
    /** ISO weekdays the shop opens (1 = Monday … 7 = Sunday), comma-separated. */
    GARAGE_OPEN_DAYS: z
      .string()
      .regex(/^[1-7](,[1-7])*$/, "must be ISO weekdays 1-7, comma-separated")
      .default("1,2,3,4,5,6")
      .transform((value) => [...new Set(value.split(",").map(Number))]),
    /** The shop's clock: opening hours and slot dates are read in it. */
    GARAGE_TIME_ZONE: z.string().refine(isTimeZone, "must be an IANA time zone").default("UTC"),
    /** ISO 4217; every amount is in its minor units. */
    GARAGE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code").default("INR"),
    /** How many days ahead a drop-off may be booked. */
    GARAGE_BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(366).default(60),
    GARAGE_MAX_CART_LINES: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((settings) => settings.GARAGE_OPENS_AT < settings.GARAGE_CLOSES_AT, {
    message: "GARAGE_OPENS_AT must be before GARAGE_CLOSES_AT",
    path: ["GARAGE_CLOSES_AT"],
  });

export function garageSettings(): z.infer<typeof GARAGE_SETTINGS> {
  return readSettings(GARAGE_SETTINGS);
}
