import type { RoleName } from "../identity/roles";

/** Channel names: the only place they are spelled. */
export const PARKING_CHANNEL = "private-parking";
export const userChannel = (publicId: string) => `private-user-${publicId}`;
export const roleChannel = (role: RoleName) => `private-role-${role.toLowerCase()}`;

export const SOCKET_ID_PATTERN = /^\d+\.\d+$/;
export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;
