import { randomBytes, hkdfSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "./config-error";

/** Every purpose that needs its own key; each is derived from APP_SECRET unless set on its own. */
export const SECRET_PURPOSES = {
  accessToken: "ACCESS_TOKEN_SECRET",
  refreshToken: "REFRESH_TOKEN_SECRET",
  nextAuth: "NEXTAUTH_SECRET",
  internalApi: "INTERNAL_API_SECRET",
  channelServer: "PUSHER_SECRET",
} as const;

export type SecretPurpose = keyof typeof SECRET_PURPOSES;
export type DerivedSecrets = Record<SecretPurpose, string>;

const HKDF_SALT = "wheelhouse/v1";

/** Derived like the others, but only outside production on your own database (see `metricsToken` in lib/env.ts). */
export const METRICS_PURPOSE = "metrics";

/** HKDF-SHA256(master, salt, info = purpose) → 32 bytes, base64url. */
export function deriveSecret(masterSecret: string, purpose: SecretPurpose | typeof METRICS_PURPOSE): string {
  return Buffer.from(hkdfSync("sha256", masterSecret, HKDF_SALT, purpose, 32)).toString("base64url");
}

export function resolveSecrets(
  masterSecret: string | undefined,
  overrides: Partial<Record<SecretPurpose, string | undefined>>,
): DerivedSecrets | { missing: SecretPurpose[] } {
  const resolved: Partial<DerivedSecrets> = {};
  const missing: SecretPurpose[] = [];
  for (const purpose of Object.keys(SECRET_PURPOSES) as SecretPurpose[]) {
    const value = overrides[purpose] ?? (masterSecret ? deriveSecret(masterSecret, purpose) : undefined);
    if (value) resolved[purpose] = value;
    else missing.push(purpose);
  }
  return missing.length > 0 ? { missing } : (resolved as DerivedSecrets);
}

export const APP_SECRET_FILE = "app-secret";

/**
 * Reads the master secret kept under the data directory, creating it (mode 600)
 * on first use. Only for the embedded and non-production modes.
 */
export function loadOrCreateAppSecret(dataDir: string): string {
  const file = path.join(dataDir, APP_SECRET_FILE);
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
    // An empty file is a first start cut off before the secret was written: nothing was signed with it.
    if (existing.length > 0) {
      throw new ConfigError(
        `${file} holds a master secret shorter than 32 characters. Replacing it would sign everyone out, so ` +
          `Wheelhouse will not do it silently: put at least 32 characters in it, or delete it to have a new one generated.`,
      );
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
