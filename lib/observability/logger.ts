import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { logLevelFrom } from "./log-level";
import { currentRequestContext } from "./request-context";

/**
 * Never written, whatever a call passes: credentials in headers, cookies and any field named like a
 * password, token or secret, at the top level or one or two levels down (`req.headers.authorization`).
 */
const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "access_token",
  "refresh_token",
  "accessToken",
  "refreshToken",
  "secret",
  "apiKey",
];
export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => {
    const key = field.includes("-") ? `["${field}"]` : `.${field}`;
    return [key.startsWith(".") ? field : key, `*${key}`, `*.*${key}`];
  }),
];

/** Credentials that travel in URLs (a Pusher HTTP API request's signature, tokens in a query string). */
const SECRET_QUERY_PARAMETER = /([?&](?:auth_signature|auth_key|body_md5|token|access_token|refresh_token|code|secret)=)[^&\s"'#]+/gi;

function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(SECRET_QUERY_PARAMETER, "$1[redacted]");
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item, depth + 1)]));
}

/** pino's error serializer, with signed URLs scrubbed from every string (errors of HTTP clients quote the URL). */
function errorSerializer(error: unknown): unknown {
  return scrubbed(error instanceof Error ? pino.stdSerializers.err(error) : error);
}

export interface LoggerSettings {
  level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; only when pino-pretty is installed (a dev dependency). */
  pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass a collecting stream. */
  destination?: DestinationStream;
}

function prettyStream(): DestinationStream | undefined {
  try {
    // Required at run time, in-process (no worker thread), so production images without dev dependencies never load it.
    const require = createRequire(import.meta.url);
    const pretty = require("pino-pretty") as (options: Record<string, unknown>) => DestinationStream;
    return pretty({ colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: logLevelFrom(settings.level ?? process.env.LOG_LEVEL),
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: errorSerializer },
    // Every line written while a request is being served carries its id and, once known, its user.
    mixin() {
      const context = currentRequestContext();
      if (!context) return {};
      return context.userId === undefined ? { requestId: context.requestId } : { requestId: context.requestId, userId: context.userId };
    },
  };
  const pretty = settings.pretty ?? process.env.NODE_ENV === "development";
  const destination = settings.destination ?? (pretty ? prettyStream() : undefined);
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as typeof globalThis & { wheelhouseLogger?: Logger };

/** The process's logger (one across Next's dev hot reloads). Name the part with a child: `logger().child({ component: "events" })`. */
export function logger(): Logger {
  globalForLogger.wheelhouseLogger ??= createLogger();
  return globalForLogger.wheelhouseLogger;
}

/** Tests capture lines by installing their own logger; `undefined` goes back to the default. */
export function replaceLogger(next: Logger | undefined): void {
  globalForLogger.wheelhouseLogger = next;
}

/** A component's logger, e.g. `componentLogger("events")`; resolved per call so a replaced logger takes effect. */
export function componentLogger(component: string): Pick<Logger, "error" | "warn" | "info" | "debug"> {
  return {
    error: (...args: Parameters<Logger["error"]>) => logger().child({ component }).error(...args),
    warn: (...args: Parameters<Logger["warn"]>) => logger().child({ component }).warn(...args),
    info: (...args: Parameters<Logger["info"]>) => logger().child({ component }).info(...args),
    debug: (...args: Parameters<Logger["debug"]>) => logger().child({ component }).debug(...args),
  };
}
