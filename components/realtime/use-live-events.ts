"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { fetchNotifications, newestNotification } from "@/components/notifications/api";
import { showToast } from "@/components/ui/toast";
import {
  deliveryId,
  describeUserEvent,
  NOTIFICATIONS_KEY,
  parseLiveMessage,
  queryKeysForMessage,
  RecentIds,
  requiresReload,
  type LiveChannelKind,
  type LiveEvent,
  type LiveMessage,
} from "@/lib/ui/live-events";
import { UserEventToasts } from "@/lib/ui/toast-coalescer";
import { SUBSCRIBED, useLiveConnection, useLiveVocabulary } from "./live-context";

export interface LiveChannels {
  /** `private-user-{publicId}`: events about the user themself and their notifications. */
  userChannel: string;
  /** `private-role-{role}`: what the user's role hears (admins: every event). */
  roleChannel: string;
}

/**
 * Subscribes to the user's own channel and their role's channel on the tab's
 * connection. Every message is handled once per channel (delivery is at least
 * once): the TanStack queries it changes are invalidated, live views hear it, and
 * messages addressed to the user become a toast.
 *
 * Whenever a subscription (re)starts — first load, and after every reconnect,
 * when pusher-js subscribes again — the connection catches up (`catchUp`): events
 * published before the subscription were not heard.
 */
export function useLiveEvents({ userChannel, roleChannel }: LiveChannels): void {
  const { client, publish, catchUp } = useLiveConnection();
  const vocabulary = useLiveVocabulary();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!client) return;
    const seen = new RecentIds(2_000);
    const eventToasts = new UserEventToasts<LiveEvent>((event) => {
      showToast({ ...describeUserEvent(event, vocabulary), href: null });
    });

    const notificationToast = async (type: string) => {
      try {
        const list = await queryClient.fetchQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: fetchNotifications, staleTime: 0 });
        const newest = newestNotification(list, type);
        if (newest) showToast({ title: newest.title, body: newest.body, href: newest.link });
      } catch {
        // The bell shows the notification once the list loads; a toast is a courtesy.
      }
    };

    const handle = (message: LiveMessage) => {
      if (!seen.firstSeen(deliveryId(message))) return;
      if (requiresReload(message)) return window.location.reload();
      for (const queryKey of queryKeysForMessage(message, vocabulary)) void queryClient.invalidateQueries({ queryKey });
      publish(message);
      if (message.kind === "notification") {
        eventToasts.notificationArrived(message.eventId);
        void notificationToast(message.type);
      } else if (message.channel === "user") {
        eventToasts.eventArrived(message.event);
      }
    };

    const channels: ReadonlyArray<readonly [string, LiveChannelKind]> = [
      [userChannel, "user"],
      [roleChannel, "role"],
    ];
    const subscriptions = channels.map(([name, kind]) => {
      // Subscribing again to a channel the connection already has returns it: no second subscription.
      const channel = client.subscribe(name);
      const listener = (eventName: string, data: unknown) => {
        if (eventName === SUBSCRIBED) return catchUp();
        const message = parseLiveMessage(eventName, data, kind, vocabulary);
        if (message) handle(message);
      };
      const stopListening = channel.listen(listener);
      // Already subscribed (the connection outlived a layout change): catch up on the moment without a listener.
      if (channel.subscribed) catchUp();
      return stopListening;
    });

    return () => {
      for (const unsubscribe of subscriptions) unsubscribe();
      eventToasts.dispose();
    };
  }, [client, userChannel, roleChannel, queryClient, publish, catchUp, vocabulary]);
}
