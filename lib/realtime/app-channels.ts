import { modules } from "../modules/registry";
import { ROLE_CHANNEL_PREFIX, USER_CHANNEL_PREFIX } from "./channels";

/** The modules' own channels (a board every viewer of a list hears), from their definitions. */
function moduleChannelNames(): string[] {
  return modules().flatMap((businessModule) => (businessModule.channels ?? []).map((channel) => channel.name));
}

/**
 * Every channel the app itself publishes to. Only the server speaks there: the channel
 * server refuses `client-*` events on them and the browser ignores anything but the
 * app's own events on them.
 */
export function serverOnlyChannelPrefixes(): string[] {
  return [ROLE_CHANNEL_PREFIX, USER_CHANNEL_PREFIX, ...moduleChannelNames()];
}

/**
 * The app's channels that do not name their listener (role channels, module channels).
 * The channel server grants them only to a socket that has said whose it is (signed in,
 * or subscribed to its user channel), so that ending a user's live access
 * (`terminate_connections`) finds every socket that hears them.
 */
export function identifiedOnlyChannelPrefixes(): string[] {
  return [ROLE_CHANNEL_PREFIX, ...moduleChannelNames()];
}
