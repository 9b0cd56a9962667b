import { TransientConsumerError, type Consumer } from "../events/consumers";
import { allTopics } from "../events/topics";
import { liveCopy } from "./live-payload";
import type { LoggedEvent } from "../events/types";
import { publishAll, type Publication } from "./publisher";
import { channelsFor } from "./routing";

/** No answer, or a server-side error: the pusher SDK's RequestError carries the HTTP status when there was one. */
export function isTransientPublishFailure(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") return status >= 500 || status === 429;
  return error instanceof Error && /request failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|timeout|fetch failed/i.test(error.message);
}

/** Pusher's limit on one event's data is 10 KB; bigger payloads go out as a pointer to the log. */
const MAX_EVENT_BYTES = 9_000;

function publication(event: LoggedEvent): Publication | undefined {
  const channels = channelsFor(event);
  if (channels.length === 0) return undefined;
  const copy = liveCopy(event);
  const text = JSON.stringify(copy);
  return { channels, eventName: event.type, data: text.length <= MAX_EVENT_BYTES ? text : { ...copy, payload: null, truncated: true } };
}

async function publishEvents(events: readonly LoggedEvent[]): Promise<undefined> {
  try {
    await publishAll(events.map(publication).filter((candidate) => candidate !== undefined));
  } catch (error) {
    // The channel server being away or failing is not the event's fault: try again on the next run.
    // Anything else (a refused name, a 4xx) is, and goes the way of failing events.
    if (isTransientPublishFailure(error)) throw new TransientConsumerError(error instanceof Error ? error.message : String(error));
    throw error;
  }
  return undefined;
}

/**
 * Pushes every logged event to its live channels, a batch's events in as few requests as the protocol allows.
 * Delivery is at least once: clients de-duplicate by the event's `id`.
 */
export const liveChannelsConsumer: Consumer = {
  group: "live-channels",
  databaseFree: true,
  get topics() {
    return allTopics();
  },
  handle: (event) => publishEvents([event]),
  handleBatch: (events) => publishEvents(events),
};
