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
  // The Pusher SDK's errors carry the signed request URL (auth_signature and friends).
  "err.url",
  "err.error.message",
];

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
