import Pusher from "pusher";
import { env } from "../env";

const globalForPublisher = globalThis as typeof globalThis & { wheelhousePusher?: Pusher };

/** The official Pusher server SDK pointed at the channel server (bundled, Soketi or Pusher). */
export function pusher(): Pusher {
  if (!globalForPublisher.wheelhousePusher) {
    const config = env();
    globalForPublisher.wheelhousePusher = new Pusher({
      appId: config.PUSHER_APP_ID,
      key: config.PUSHER_KEY,
      secret: config.secrets.channelServer,
      host: config.PUSHER_HOST,
      port: String(config.PUSHER_PORT),
      useTLS: config.PUSHER_USE_TLS,
      timeout: 5_000,
    });
  }
  return globalForPublisher.wheelhousePusher;
}

/** Pusher accepts at most 100 channels per trigger. */
const CHANNELS_PER_TRIGGER = 100;

export async function publish(channels: readonly string[], eventName: string, data: unknown): Promise<void> {
  for (let start = 0; start < channels.length; start += CHANNELS_PER_TRIGGER) {
    await pusher().trigger(channels.slice(start, start + CHANNELS_PER_TRIGGER), eventName, data);
  }
}
