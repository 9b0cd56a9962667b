import { z } from "zod";
import { ConfigError, type AppEnv, type EnvSource } from "../../lib/env";
import type { ChannelServerOptions } from "./channel-server";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** Variables only the channel server reads (the shared PUSHER_* ones are validated by lib/env.ts). */
const channelServerEnvSchema = z.object({
  REALTIME_BIND_HOST: z.string().min(1).default("0.0.0.0"),
  REALTIME_CLIENT_EVENTS: booleanFlag.default(false),
  REALTIME_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(10_000),
  REALTIME_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  REALTIME_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(10),
  REALTIME_ACTIVITY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
});

export const CHANNEL_SERVER_ENV_VARIABLES = Object.keys(channelServerEnvSchema.shape);

/**
 * The channel server's options: app id, key, port and REDIS_URL from the app's validated
 * configuration, the secret from PUSHER_SECRET or derived from APP_SECRET, the rest from
 * REALTIME_*. Empty values count as unset; throws ConfigError listing every problem.
 */
export function channelServerOptionsFromEnv(appEnv: AppEnv, source: EnvSource = process.env): ChannelServerOptions {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = channelServerEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid channel server configuration:\n${problems.join("\n")}`);
  }
  const config = parsed.data;
  return {
    appId: appEnv.PUSHER_APP_ID,
    key: appEnv.PUSHER_KEY,
    secret: appEnv.secrets.channelServer,
    port: appEnv.PUSHER_PORT,
    host: config.REALTIME_BIND_HOST,
    redisUrl: appEnv.REDIS_URL,
    enableClientEvents: config.REALTIME_CLIENT_EVENTS,
    maxConnections: config.REALTIME_MAX_CONNECTIONS,
    maxConnectionsPerAddress: config.REALTIME_MAX_CONNECTIONS_PER_ADDRESS,
    maxConnectionsPerUser: config.REALTIME_MAX_CONNECTIONS_PER_USER,
    trustedProxyHops: appEnv.TRUSTED_PROXY_HOPS,
    activityTimeoutSeconds: config.REALTIME_ACTIVITY_TIMEOUT_SECONDS,
  };
}
