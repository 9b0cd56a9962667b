import { db, type Transaction } from "../db";
import { store } from "../kv";
import { credentialsChanged } from "./credential-cache";
import type { TokenType } from "./tokens";

const cacheKey = (jti: string) => `revoked:${jti}`;

function secondsLeft(expiresAt: Date): number {
  return Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
}

/**
 * Step 3: is this token id revoked? The database is the truth; a revoked id is
 * cached (Redis or memory) for the token's remaining life so repeated use of a
 * stolen token does not reach the database again.
 */
export async function isRevoked(jti: string, expiresAt: Date): Promise<boolean> {
  if ((await store().get(cacheKey(jti))) === "1") return true;
  const row = await db.revokedToken.findUnique({ where: { jti }, select: { jti: true } });
  if (row) await store().set(cacheKey(jti), "1", secondsLeft(expiresAt));
  return row !== null;
}

export interface Revocation {
  /** A token's `jti`, or a browser session's `sid` (type "session"). */
  jti: string;
  type: TokenType | "session";
  userId: string | null;
  expiresAt: Date;
  reason: string;
}

/** Records revocations inside the caller's transaction; call `cacheRevocations` after it commits. */
export async function revokeTokens(tx: Transaction, revocations: Revocation[]): Promise<void> {
  if (revocations.length === 0) return;
  await tx.revokedToken.createMany({
    data: revocations.map((revocation) => ({
      jti: revocation.jti,
      tokenType: revocation.type,
      userId: revocation.userId,
      expiresAt: revocation.expiresAt,
      reason: revocation.reason,
    })),
    skipDuplicates: true,
  });
}

export async function cacheRevocations(revocations: Revocation[]): Promise<void> {
  if (revocations.length > 0) await credentialsChanged();
  await Promise.all(
    revocations.map((revocation) => store().set(cacheKey(revocation.jti), "1", secondsLeft(revocation.expiresAt))),
  );
}
