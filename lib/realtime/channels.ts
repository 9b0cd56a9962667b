import type { RoleName } from "../identity/roles";

/** Channel names: the only place the platform's are spelled (modules name theirs in their definition: `channels`). */
export const PRIVATE_CHANNEL_PREFIX = "private-";
export const USER_CHANNEL_PREFIX = "private-user-";
export const ROLE_CHANNEL_PREFIX = "private-role-";
export const userChannel = (publicId: string) => `${USER_CHANNEL_PREFIX}${publicId}`;
export const roleChannel = (role: RoleName) => `${ROLE_CHANNEL_PREFIX}${role.toLowerCase()}`;

/**
 * Every channel the app itself publishes to. Only the server speaks there: the channel
 * server refuses `client-*` events on them and the browser ignores anything but the
 * app's own events on them.
 */
export const SERVER_ONLY_CHANNEL_PREFIXES: readonly string[] = [PRIVATE_CHANNEL_PREFIX];

/**
 * The app's channels that do not name their listener: every private channel but a user's own
 * (role channels, module channels such as a board). The channel server grants them only to a
 * socket that has said whose it is (signed in, or subscribed to its user channel), so that
 * ending a user's live access (`terminate_connections`) finds every socket that hears them.
 */
export const IDENTIFIED_ONLY_CHANNEL_PREFIXES: readonly string[] = [PRIVATE_CHANNEL_PREFIX];

export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;
export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;
