"use client";

import { useQueryClient } from "@tanstack/react-query";
import type PusherClient from "pusher-js";
import { useEffect } from "react";
import { PARKING_CHANNEL } from "@/lib/realtime/channels";
import { deliveryId, PARKING_KEY, parseLiveMessage, queryKeysForMessage, RecentIds } from "@/lib/ui/live-events";
import { useLiveConnection } from "./live-context";

const SUBSCRIBED = "pusher:subscription_succeeded";

/** Views holding the parking channel, per connection: it is left when the last one unmounts. */
const holders = new WeakMap<PusherClient, number>();

/**
 * While mounted, listens to the parking board's channel (`private-parking`: every
 * spot's new state) on the tab's connection. Messages are de-duplicated, invalidate
 * their TanStack queries and go out on the live bus like those of the user's and
 * role's channels; each (re)subscription invalidates the parking queries and
 * announces `resync`, since changes made meanwhile were not heard.
 */
export function useParkingChannel(): void {
  const { client, publish } = useLiveConnection();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!client) return;
    const seen = new RecentIds(2_000);
    holders.set(client, (holders.get(client) ?? 0) + 1);
    const channel = client.subscribe(PARKING_CHANNEL);

    const resync = () => {
      void queryClient.invalidateQueries({ queryKey: PARKING_KEY });
      publish({ kind: "resync" });
    };
    const listener = (eventName: string, data: unknown) => {
      if (eventName === SUBSCRIBED) return resync();
      const message = parseLiveMessage(eventName, data, "parking");
      if (!message || !seen.firstSeen(deliveryId(message))) return;
      for (const queryKey of queryKeysForMessage(message)) void queryClient.invalidateQueries({ queryKey });
      publish(message);
    };
    channel.bind_global(listener);
    // Another view kept the subscription alive: catch up on the moment without a listener.
    if (channel.subscribed) resync();

    return () => {
      channel.unbind_global(listener);
      const remaining = (holders.get(client) ?? 1) - 1;
      holders.set(client, remaining);
      if (remaining === 0) client.unsubscribe(PARKING_CHANNEL);
    };
  }, [client, publish, queryClient]);
}
