import type { z } from "zod";
import { ConfigError } from "./config-error";

type EnvSource = Record<string, string | undefined>;

const cache = new Map<z.ZodObject, unknown>();

/**
 * A module's own settings (its environment variables), validated on first use like
 * `env()`; empty strings count as unset. Every module's schema is also checked when
 * the app starts (`checkModuleSettings`), so a bad value stops the start, not a request.
 */
export function readSettings<Schema extends z.ZodObject>(schema: Schema, source: EnvSource = process.env): z.infer<Schema> {
  if (source === process.env && cache.has(schema)) return cache.get(schema) as z.infer<Schema>;
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  if (source === process.env) cache.set(schema, parsed.data);
  return parsed.data;
}

/** For tests that change process.env between cases (`resetEnvCache` calls it). */
export function resetSettingsCache(): void {
  cache.clear();
}
