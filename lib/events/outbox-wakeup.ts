import pg from "pg";
import { env } from "../env";
import { componentLogger } from "../observability/logger";

const log = componentLogger("events");

/** The channel a trigger on outbox_events notifies once per inserting statement (migration `outbox_notify`). */
export const OUTBOX_CHANNEL = "outbox_events";

export interface OutboxWakeup {
  /** Resolves once the first LISTEN is in place (or the first attempt failed: it keeps retrying). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Calls `wake` whenever a transaction that wrote outbox rows commits (PostgreSQL's NOTIFY, sent at the commit), on
 * its own connection outside the pool. After a lost connection it reconnects with backoff and calls `wake` once
 * listening again, for whatever committed meanwhile. Not for the embedded database: every connection shares PGlite's
 * one session, so a notification cannot be told apart from a reply on another connection.
 */
export function listenForOutbox(wake: () => void, databaseUrl: string = env().DATABASE_URL ?? ""): OutboxWakeup {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const reconnectLater = () => {
    if (stopped || retry) return;
    const delay = Math.min(10_000, 250 * 2 ** Math.min(failures, 6));
    failures += 1;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "wheelhouse-outbox-listener" });
    next.on("notification", (message) => {
      if (message.channel === OUTBOX_CHANNEL) wake();
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || stopped) return;
      lost = true;
      log.warn({ err: error }, "outbox listener lost its connection; reconnecting");
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      reconnectLater();
    };
    next.on("error", onLost);
    next.on("end", () => onLost());
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      failures = 0;
      wake(); // whatever committed while nobody listened
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
    } finally {
      markReady();
    }
  }

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
