import { z } from "zod";

/** pino's levels; `silent` turns logging off. Validated with the rest of the configuration in lib/env.ts. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const logLevelSchema = z.enum(LOG_LEVELS).default("info");

/** The level from `LOG_LEVEL`; a value lib/env.ts would refuse falls back to `info` here, so logging itself never fails. */
export function logLevelFrom(value: string | undefined): LogLevel {
  const parsed = logLevelSchema.safeParse(value === "" ? undefined : value);
  return parsed.success ? parsed.data : "info";
}
