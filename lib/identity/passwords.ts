import bcrypt from "bcryptjs";

/** bcrypt cost; 12 keeps a login around a quarter second on commodity cores. */
export const PASSWORD_HASH_COST = 12;

/** bcrypt ignores every byte after the 72nd. */
export const MAX_PASSWORD_BYTES = 72;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, PASSWORD_HASH_COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
