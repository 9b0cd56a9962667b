import { TransientConsumerError, type Consumer } from "../events/consumers";
import { allTopics } from "../events/topics";
import { liveCopy } from "./live-payload";
import { publish } from "./publisher";
import { channelsFor } from "./routing";

/** No answer, or a server-side error: the pusher SDK's RequestError carries the HTTP status when there was one. */
export function isTransientPublishFailure(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") return status >= 500 || status === 429;
  return error instanceof Error && /request failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|timeout|fetch failed/i.test(error.message);
}

/** Pusher's limit on one event's data is 10 KB; bigger payloads go out as a pointer to the log. */
const MAX_EVENT_BYTES = 9_000;

/**
 * Pushes every logged event to its live channels. Delivery is at least once:
 * clients de-duplicate by the event's `id`.
 */
export const liveChannelsConsumer: Consumer = {
  group: "live-channels",
  databaseFree: true,
  get topics() {
    return allTopics();
  },
  async handle(event) {
    const channels = channelsFor(event);
    if (channels.length === 0) return undefined;
    const copy = liveCopy(event);
    const data = JSON.stringify(copy).length <= MAX_EVENT_BYTES ? copy : { ...copy, payload: null, truncated: true };
    try {
      await publish(channels, event.type, data);
    } catch (error) {
      // The channel server being away or failing is not the event's fault: try again on the next run.
      // Anything else (a refused name, a 4xx) is, and goes the way of failing events.
      if (isTransientPublishFailure(error)) throw new TransientConsumerError(error instanceof Error ? error.message : String(error));
      throw error;
    }
    return undefined;
  },
};
