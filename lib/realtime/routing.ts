import type { LoggedEvent } from "../events/types";
import { PUBLIC_ID_PATTERN } from "../identity/roles";
import { modules } from "../modules/registry";
import { roleChannel, userChannel } from "./channels";

/**
 * Who hears an event live. Admins hear everything (the event log's live tail);
 * a user hears their own `user_events`; the module owning the topic names the rest.
 */
export function channelsFor(event: LoggedEvent): string[] {
  const channels = new Set<string>([roleChannel("ADMIN")]);
  if (event.topic === "user_events" && PUBLIC_ID_PATTERN.test(event.key)) channels.add(userChannel(event.key));
  const owner = modules().find((module) => (module.topics as readonly string[]).includes(event.topic));
  for (const channel of owner?.audience?.(event) ?? []) channels.add(channel);
  return [...channels];
}
