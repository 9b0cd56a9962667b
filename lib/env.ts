import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error";
import { resetSettingsCache } from "./settings";
import { PHONE_SETTINGS } from "./validation";
import { logLevelSchema } from "./observability/log-level";
import {
  deriveSecret,
  loadOrCreateAppSecret,
  METRICS_PURPOSE,
  resolveSecrets,
  SECRET_PURPOSES,
  type DerivedSecrets,
  type SecretPurpose,
} from "./secrets";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalSecret = z
  .string()
  .min(32, "must be at least 32 characters")
  .optional();

/** What hosted Pusher (20 characters) and Soketi issue; the 32-character rule applies to the bundled server (see parseEnv). */
const EXTERNAL_CHANNEL_SECRET_MIN = 16;
const CHANNEL_SECRET_MIN = 32;

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  EMBEDDED_DATABASE: booleanFlag.default(false),
  EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_PREPARED_STATEMENTS: booleanFlag.optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  DEMO_SEED: booleanFlag.optional(),
  APP_SECRET: optionalSecret,
  ACCESS_TOKEN_SECRET: optionalSecret,
  REFRESH_TOKEN_SECRET: optionalSecret,
  NEXTAUTH_SECRET: optionalSecret,
  INTERNAL_API_SECRET: optionalSecret,
  PUSHER_SECRET: z.string().min(EXTERNAL_CHANNEL_SECRET_MIN, `must be at least ${EXTERNAL_CHANNEL_SECRET_MIN} characters`).optional(),
  ACCESS_TOKEN_EXPIRE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  REFRESH_TOKEN_EXPIRE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  NEXTAUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional(),
  LOGIN_MAX_FAILURES_PER_USERNAME: z.coerce.number().int().min(1).default(5),
  LOGIN_USERNAME_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
  REGISTRATION_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  REGISTRATION_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
  PASSWORD_CHANGE_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  PASSWORD_CHANGE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  PASSWORD_HASH_MAX_QUEUE: z.coerce.number().int().min(0).max(100_000).default(100),
  PUSHER_APP_ID: z.string().min(1).default("wheelhouse"),
  PUSHER_CLUSTER: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, "must be a Pusher cluster name such as eu, us2, ap1")
    .optional(),
  PUSHER_KEY: z.string().min(1).default("wheelhouse-key"),
  PUSHER_HOST: z.string().min(1).default("127.0.0.1"),
  PUSHER_PORT: z.coerce.number().int().min(1).max(65535).default(6001),
  PUSHER_USE_TLS: booleanFlag.default(false),
  PUSHER_PUBLIC_HOST: z.string().min(1).optional(),
  PUSHER_PUBLIC_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUSHER_PUBLIC_TLS: booleanFlag.optional(),
  SCHEDULER_ENABLED: booleanFlag.default(true),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(1000),
  GRAPHQL_MAX_INTROSPECTION_COST: z.coerce.number().int().min(0).default(2_000_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).default(2000),
  GRAPHQL_MAX_DOCUMENT_BYTES: z.coerce.number().int().min(256).default(32_768),
  GRAPHQL_LIST_FACTOR: z.coerce.number().int().min(1).max(1000).default(10),
  LOG_LEVEL: logLevelSchema,
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Wheelhouse <no-reply@wheelhouse.local>"),
  BACKUP_DIR: z.string().min(1).optional(),
  ...PHONE_SETTINGS.shape,
});

/** Every variable lib/env.ts reads (the documentation test checks .env.example and the README list them all). */
export const ENV_VARIABLES = Object.keys(rawEnvSchema.shape);

export type AppEnv = Omit<
  z.infer<typeof rawEnvSchema>,
  "DEMO_SEED" | "DATABASE_POOL_SIZE" | "DATABASE_PREPARED_STATEMENTS" | "COOKIE_SECURE" | "PASSWORD_HASH_THREADS" | "METRICS_TOKEN" | "BACKUP_DIR" | SecretEnvName
> & {
  DATA_DIR: string;
  /** Where backups are written: BACKUP_DIR, else `<DATA_DIR>/backups` (absolute). */
  BACKUP_DIR: string;
  DEMO_SEED: boolean;
  /** Secure cookies: on in production on a real database; off for the local embedded demo (plain http). */
  COOKIE_SECURE: boolean;
  /**
   * The app's public origin (`https://host[:port]`, no path): NEXTAUTH_URL's origin, else
   * `http://localhost:$PORT`. Never taken from a request's Host header.
   */
  PUBLIC_ORIGIN: string;
  DATABASE_POOL_SIZE: number;
  /**
   * Name the statements sent on `pg` directly (prepared once per connection). Off on the embedded database: every
   * connection to it shares PGlite's one session, where a name one connection prepared exists for all of them.
   */
  DATABASE_PREPARED_STATEMENTS: boolean;
  /** Worker threads that hash passwords: the machine's cores unless set. */
  PASSWORD_HASH_THREADS: number;
  secrets: DerivedSecrets;
  /**
   * The bearer secret of `GET /api/metrics`: METRICS_TOKEN, else (embedded or outside production) derived
   * from the master secret; undefined in production on your own database without METRICS_TOKEN (404).
   */
  metricsToken: string | undefined;
};

type SecretEnvName = "APP_SECRET" | (typeof SECRET_PURPOSES)[SecretPurpose];

export { ConfigError };

export type EnvSource = Record<string, string | undefined>;

/**
 * Validates the configuration once. Throws ConfigError with every problem listed.
 * Empty strings count as unset, so `FOO=` in a .env file means "use the default".
 */
export function parseEnv(source: EnvSource = process.env): AppEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = rawEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const raw = parsed.data;
  const productionOnRealDatabase = raw.NODE_ENV === "production" && !raw.EMBEDDED_DATABASE;
  // A channel server the app names (PUSHER_HOST or a hosted cluster) issues its own secret, often short
  // (hosted Pusher: 20 characters); the bundled server on the default address gets a strong one.
  const externalChannelServer = cleaned.PUSHER_HOST !== undefined || cleaned.PUSHER_CLUSTER !== undefined;
  if (raw.PUSHER_SECRET !== undefined && raw.PUSHER_SECRET.length < CHANNEL_SECRET_MIN && !externalChannelServer) {
    throw new ConfigError(
      `Invalid configuration:\n  - PUSHER_SECRET: must be at least ${CHANNEL_SECRET_MIN} characters for the bundled channel server ` +
        `(${EXTERNAL_CHANNEL_SECRET_MIN} are enough with PUSHER_HOST or PUSHER_CLUSTER naming a Soketi or hosted Pusher that issued it)`,
    );
  }
  Object.assign(raw, hostedPusherDefaults(raw, cleaned));
  const dataDir = path.resolve(raw.DATA_DIR);
  const overrides: Partial<Record<SecretPurpose, string | undefined>> = {};
  for (const [purpose, variable] of Object.entries(SECRET_PURPOSES) as Array<[SecretPurpose, SecretEnvName]>) {
    overrides[purpose] = raw[variable];
  }

  let secrets = resolveSecrets(raw.APP_SECRET, overrides);
  let masterSecret = raw.APP_SECRET;
  if ("missing" in secrets) {
    if (productionOnRealDatabase) {
      const names = secrets.missing.map((purpose) => SECRET_PURPOSES[purpose]).join(", ");
      throw new ConfigError(
        `APP_SECRET is not set. In production on your own database Wheelhouse will not invent secrets: ` +
          `set APP_SECRET (at least 32 random characters, e.g. \`openssl rand -base64 48\`), ` +
          `or set each of ${names} yourself. See .env.example.`,
      );
    }
    masterSecret = loadOrCreateAppSecret(dataDir);
    secrets = resolveSecrets(masterSecret, overrides) as DerivedSecrets;
  }
  let metricsToken = raw.METRICS_TOKEN;
  if (metricsToken === undefined && !productionOnRealDatabase) {
    metricsToken = deriveSecret(masterSecret ?? loadOrCreateAppSecret(dataDir), METRICS_PURPOSE);
  }

  const {
    APP_SECRET,
    ACCESS_TOKEN_SECRET,
    REFRESH_TOKEN_SECRET,
    NEXTAUTH_SECRET,
    INTERNAL_API_SECRET,
    PUSHER_SECRET,
    METRICS_TOKEN,
    ...settings
  } = raw;
  return {
    ...settings,
    DATA_DIR: dataDir,
    // A run-time setting, not a file of the build: the ignore comment keeps Turbopack from tracing the whole project.
    BACKUP_DIR: path.resolve(/*turbopackIgnore: true*/ raw.BACKUP_DIR ?? path.join(dataDir, "backups")),
    DATABASE_POOL_SIZE: raw.DATABASE_POOL_SIZE ?? (raw.EMBEDDED_DATABASE ? 1 : 10),
    DATABASE_PREPARED_STATEMENTS: raw.DATABASE_PREPARED_STATEMENTS ?? !raw.EMBEDDED_DATABASE,
    PASSWORD_HASH_THREADS: raw.PASSWORD_HASH_THREADS ?? availableParallelism(),
    DEMO_SEED: raw.DEMO_SEED ?? raw.EMBEDDED_DATABASE,
    COOKIE_SECURE: raw.COOKIE_SECURE ?? (raw.NODE_ENV === "production" && !raw.EMBEDDED_DATABASE),
    PUBLIC_ORIGIN: new URL(raw.NEXTAUTH_URL ?? `http://localhost:${raw.PORT}`).origin,
    secrets,
    metricsToken,
  };
}

type ChannelServerAddress = Pick<
  z.infer<typeof rawEnvSchema>,
  "PUSHER_HOST" | "PUSHER_PORT" | "PUSHER_USE_TLS" | "PUSHER_PUBLIC_HOST" | "PUSHER_PUBLIC_PORT" | "PUSHER_PUBLIC_TLS"
>;

/**
 * With PUSHER_CLUSTER (hosted Pusher Channels), the addresses Pusher uses for that cluster —
 * `api-{cluster}.pusher.com` to publish, `ws-{cluster}.pusher.com` for browsers, TLS on 443 —
 * for every one of these variables not set explicitly.
 */
function hostedPusherDefaults(raw: z.infer<typeof rawEnvSchema>, given: EnvSource): Partial<ChannelServerAddress> {
  const cluster = raw.PUSHER_CLUSTER;
  if (cluster === undefined) return {};
  return {
    PUSHER_HOST: given.PUSHER_HOST === undefined ? `api-${cluster}.pusher.com` : raw.PUSHER_HOST,
    PUSHER_PORT: given.PUSHER_PORT === undefined ? 443 : raw.PUSHER_PORT,
    PUSHER_USE_TLS: given.PUSHER_USE_TLS === undefined ? true : raw.PUSHER_USE_TLS,
    PUSHER_PUBLIC_HOST: raw.PUSHER_PUBLIC_HOST ?? `ws-${cluster}.pusher.com`,
    PUSHER_PUBLIC_PORT: raw.PUSHER_PUBLIC_PORT ?? 443,
    PUSHER_PUBLIC_TLS: raw.PUSHER_PUBLIC_TLS ?? true,
  };
}

let cachedEnv: AppEnv | undefined;

/** The process's configuration, validated on first use. */
export function env(): AppEnv {
  cachedEnv ??= parseEnv();
  return cachedEnv;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  resetSettingsCache();
  cachedEnv = undefined;
}
