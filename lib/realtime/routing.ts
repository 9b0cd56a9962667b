import type { LoggedEvent } from "../events/types";
import { PUBLIC_ID_PATTERN, ROLE_NAMES } from "../identity/roles";
import { modules } from "../modules/registry";
import { roleChannel, userChannel } from "./channels";

/** After a backup restore: every signed-in browser reloads (browser side: `DATA_RESTORED` in lib/ui/live-events.ts). */
export const DATA_RESTORED_EVENT = "platform.data_restored";
/** Events every signed-in browser hears (each listens on its role's channel). */
const BROADCAST_EVENT_TYPES: readonly string[] = [DATA_RESTORED_EVENT];

/**
 * Who hears an event live. Admins hear everything (the event log's live tail);
 * a user hears their own `user_events`; the module owning the topic names the rest.
 */
export function channelsFor(event: LoggedEvent): string[] {
  const channels = new Set<string>([roleChannel("ADMIN")]);
  if (event.topic === "user_events" && PUBLIC_ID_PATTERN.test(event.key)) channels.add(userChannel(event.key));
  if (BROADCAST_EVENT_TYPES.includes(event.type)) for (const role of ROLE_NAMES) channels.add(roleChannel(role));
  const owner = modules().find((module) => (module.topics as readonly string[]).includes(event.topic));
  for (const channel of owner?.audience?.(event) ?? []) channels.add(channel);
  return [...channels];
}
