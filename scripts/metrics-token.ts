/**
 * Prints the bearer token of `GET /api/metrics` for this configuration (the same environment and
 * `.data/` the app uses): METRICS_TOKEN, or the one derived from the master secret.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, env } from "../lib/env";

// As the launcher sees it: .env, production unless said otherwise, the embedded database without DATABASE_URL.
const envFile = path.resolve(import.meta.dirname, "..", ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
if (!process.env.DATABASE_URL) process.env.EMBEDDED_DATABASE = "true";

try {
  const token = env().metricsToken;
  if (token === undefined) {
    process.stderr.write("No metrics token: in production on your own database, set METRICS_TOKEN to enable /api/metrics.\n");
    process.exit(1);
  }
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
