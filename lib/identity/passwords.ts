import { closePasswordPool, passwordPool, type PasswordPoolStats } from "./password-pool";

/** bcrypt cost; 12 keeps a login around a quarter second on commodity cores. */
export const PASSWORD_HASH_COST = 12;

/** bcrypt ignores every byte after the 72nd. */
export const MAX_PASSWORD_BYTES = 72;

/**
 * Hashes in a worker thread (see password-pool.ts), never on the main thread.
 * Rejects with a 503 ServiceUnavailableError when the hashing queue is full.
 */
export function hashPassword(plain: string, cost: number = PASSWORD_HASH_COST): Promise<string> {
  return passwordPool().run({ op: "hash", plain, cost });
}

/** Checks any bcrypt hash (`$2a$`, `$2b$`, `$2y$`) in a worker thread; 503 when the queue is full. */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return passwordPool().run({ op: "verify", plain, hash });
}

export function passwordHashingStats(): PasswordPoolStats {
  return passwordPool().stats();
}

/** Stops the worker threads; the next hash starts them again with the current configuration. */
export function resetPasswordHashing(): Promise<void> {
  return closePasswordPool();
}
