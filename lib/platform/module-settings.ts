import { modules } from "../modules/registry";
import { readSettings } from "../settings";

/** Validates every module's settings (at start, next to `env()`): throws ConfigError listing the problems. */
export function checkModuleSettings(source: Record<string, string | undefined> = process.env): void {
  for (const businessModule of modules()) if (businessModule.settings) readSettings(businessModule.settings, source);
}

/** Every variable the modules read (the documentation test checks .env.example and the README list them). */
export function moduleVariables(): string[] {
  return modules().flatMap((businessModule) => Object.keys(businessModule.settings?.shape ?? {}));
}
