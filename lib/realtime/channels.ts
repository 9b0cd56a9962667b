import type { RoleName } from "../identity/roles";

/** Channel names: the only place the platform's are spelled (modules name theirs in their definition: `channels`). */
export const USER_CHANNEL_PREFIX = "private-user-";
export const ROLE_CHANNEL_PREFIX = "private-role-";
export const userChannel = (publicId: string) => `${USER_CHANNEL_PREFIX}${publicId}`;
export const roleChannel = (role: RoleName) => `${ROLE_CHANNEL_PREFIX}${role.toLowerCase()}`;

export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;
export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;
