/**
 * The live channel server as its own process (`tsx realtime/server.ts`, started by the launcher):
 * Pusher Channels protocol 7 over WebSocket plus the Pusher HTTP API, on PUSHER_PORT.
 */
import { env } from "../lib/env";
import { componentLogger } from "../lib/observability/logger";
import { runProcess } from "../lib/platform/process-lifecycle";
import { startChannelServer } from "./src/channel-server";
import { channelServerOptionsFromEnv } from "./src/config";

const log = (message: string): void => componentLogger("channel-server").info(message);

async function main(): Promise<{ stopping: string; stop: () => Promise<void> }> {
  const options = channelServerOptionsFromEnv(env());
  const server = await startChannelServer(options);
  log(
    `channel server (Pusher protocol 7) listening on ${options.host}:${server.port}, app id ${options.appId}, key ${options.key}, ` +
      `${options.redisUrl ? "shared through Redis" : "single instance"}, client events ${options.enableClientEvents ? "on" : "off"}`,
  );

  return { stopping: "closing connections (clients reconnect elsewhere)", stop: () => server.stop() };
}

runProcess("channel-server", main);
