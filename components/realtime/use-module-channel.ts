"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { deliveryId, parseLiveMessage, queryKeysForMessage, RecentIds } from "@/lib/ui/live-events";
import type { LiveClient } from "./connection";
import { SUBSCRIBED, useLiveConnection, useLiveVocabulary } from "./live-context";

/** Views holding each module channel, per connection: a channel is left when the last one unmounts. */
const holders = new WeakMap<LiveClient, Map<string, number>>();

/**
 * While mounted, listens to a module's channel (e.g. a board showing
 * every item's new state) on the tab's connection. Messages are de-duplicated, invalidate their
 * TanStack queries and go out on the live bus like those of the user's and role's
 * channels; each (re)subscription catches up (`catchUp`), since changes made
 * meanwhile were not heard.
 */
export function useModuleChannel(channelName: string, kind: string): void {
  const { client, publish, catchUp } = useLiveConnection();
  const vocabulary = useLiveVocabulary();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!client) return;
    const seen = new RecentIds(2_000);
    const counts = holders.get(client) ?? new Map<string, number>();
    holders.set(client, counts);
    counts.set(channelName, (counts.get(channelName) ?? 0) + 1);
    const channel = client.subscribe(channelName);

    const listener = (eventName: string, data: unknown) => {
      if (eventName === SUBSCRIBED) return catchUp();
      const message = parseLiveMessage(eventName, data, kind, vocabulary);
      if (!message || !seen.firstSeen(deliveryId(message))) return;
      for (const queryKey of queryKeysForMessage(message, vocabulary)) void queryClient.invalidateQueries({ queryKey });
      publish(message);
    };
    const stopListening = channel.listen(listener);
    // Another view kept the subscription alive: catch up on the moment without a listener.
    if (channel.subscribed) catchUp();

    return () => {
      stopListening();
      const remaining = (counts.get(channelName) ?? 1) - 1;
      counts.set(channelName, remaining);
      if (remaining === 0) client.unsubscribe(channelName);
    };
  }, [client, publish, catchUp, queryClient, vocabulary, channelName, kind]);
}
