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

/** Pusher accepts at most 100 channels per trigger, and at most 10 events per batch. */
const CHANNELS_PER_TRIGGER = 100;
const EVENTS_PER_BATCH = 10;

export interface Publication {
  channels: readonly string[];
  eventName: string;
  data: unknown;
}

export async function publish(channels: readonly string[], eventName: string, data: unknown): Promise<void> {
  await publishAll([{ channels, eventName, data }]);
}

/**
 * Publishes several events in as few requests as the protocol allows: an event for more channels than a batch holds
 * goes out as one trigger per 100 channels; the rest as one (channel, event) pair each, ten to a `batch_events`
 * request. Pairs go out in the order given, so each channel sees its events in order.
 */
export async function publishAll(publications: readonly Publication[]): Promise<void> {
  let pending: Pusher.BatchEvent[] = [];
  const flush = async () => {
    if (pending.length === 1) await pusher().trigger(pending[0]!.channel, pending[0]!.name, pending[0]!.data);
    else if (pending.length > 1) await pusher().triggerBatch(pending);
    pending = [];
  };
  for (const { channels, eventName, data: value } of publications) {
    // Serialised once for all its channels (the SDK passes a string through as the event's JSON).
    const data = typeof value === "string" ? value : JSON.stringify(value);
    if (channels.length > EVENTS_PER_BATCH) {
      await flush();
      for (let start = 0; start < channels.length; start += CHANNELS_PER_TRIGGER) {
        await pusher().trigger(channels.slice(start, start + CHANNELS_PER_TRIGGER), eventName, data);
      }
      continue;
    }
    for (const channel of channels) {
      pending.push({ channel, name: eventName, data });
      if (pending.length === EVENTS_PER_BATCH) await flush();
    }
  }
  await flush();
}
