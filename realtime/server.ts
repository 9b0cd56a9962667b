/**
 * The live channel server as its own process (`tsx realtime/server.ts`, started by the launcher):
 * Pusher Channels protocol 7 over WebSocket plus the Pusher HTTP API, on PUSHER_PORT.
 */
import { ConfigError, env } from "../lib/env";
import { componentLogger } from "../lib/observability/logger";
import { startChannelServer } from "./src/channel-server";
import { channelServerOptionsFromEnv } from "./src/config";

const log = (message: string): void => componentLogger("channel-server").info(message);

async function main(): Promise<void> {
  const options = channelServerOptionsFromEnv(env());
  const server = await startChannelServer(options);
  log(
    `channel server (Pusher protocol 7) listening on ${options.host}:${server.port}, app id ${options.appId}, key ${options.key}, ` +
      `${options.redisUrl ? "shared through Redis" : "single instance"}, client events ${options.enableClientEvents ? "on" : "off"}`,
  );

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal} received: closing connections (clients reconnect elsewhere)`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`\n${error.message}\n\n`);
  else process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
  process.exit(1);
});
