import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit";
import { db } from "../db";
import { ForbiddenError, MESSAGES, UnauthorizedError } from "../errors";
import { lockAccounts } from "../identity/account-locks";
import { cacheRevocations, isRevoked, revokeTokens, type Revocation } from "./revocation";
import { InvalidTokenError, issueToken, verifyToken, type IssuedToken } from "./tokens";
import type { AuthenticatedUser } from "./credentials";
import type { Principal } from "./principal";

export interface TokenPair {
  access: IssuedToken;
  refresh: IssuedToken;
}

interface ClientInfo {
  clientIp?: string;
  userAgent?: string | null;
}

async function issuePair(user: Pick<AuthenticatedUser, "id" | "roleId">): Promise<TokenPair> {
  return { access: await issueToken("access", user.id, user.roleId), refresh: await issueToken("refresh", user.id, user.roleId) };
}

/** The stored row of a pair's refresh token; it also names the access token issued with it. */
function refreshTokenRow(pair: TokenPair, userId: string, familyId: string, client: ClientInfo) {
  return {
    jti: pair.refresh.claims.jti,
    familyId,
    userId,
    issuedAt: new Date(pair.refresh.claims.iat * 1000),
    expiresAt: pair.refresh.expiresAt,
    accessJti: pair.access.claims.jti,
    accessExpiresAt: pair.access.expiresAt,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    clientIp: client.clientIp ?? null,
  };
}

/** Login: a new access token and a refresh token that starts a new rotation family. */
export async function startTokenSession(user: AuthenticatedUser, client: ClientInfo): Promise<TokenPair> {
  const pair = await issuePair(user);
  await db.$transaction(async (tx) => {
    // An account deleted since its password was checked gets no session (and no foreign-key error).
    if (!(await lockAccounts(tx, [user.id], "key share")).has(user.id)) throw new UnauthorizedError(MESSAGES.badCredentials);
    await tx.refreshToken.create({ data: refreshTokenRow(pair, user.id, randomUUID(), client) });
  });
  return pair;
}

/**
 * Exchanges a refresh token for a new access token and rotates the refresh token.
 * Presenting a token that was already rotated means it was copied: the whole
 * family (every token descended from that login) is revoked.
 */
export async function refreshTokenSession(refreshToken: string | undefined, client: ClientInfo): Promise<TokenPair> {
  if (!refreshToken) throw new UnauthorizedError(MESSAGES.refreshTokenMissing);
  let claims;
  try {
    claims = await verifyToken(refreshToken, "refresh");
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorizedError(MESSAGES.invalidToken);
    throw error;
  }
  const stored = await db.refreshToken.findUnique({ where: { jti: claims.jti } });
  if (!stored || stored.userId !== claims.sub) throw new UnauthorizedError(MESSAGES.invalidToken);

  if (stored.revokedAt || (await isRevoked(claims.jti, stored.expiresAt))) {
    if (stored.replacedById) await revokeFamily(stored.familyId, claims.sub, client);
    else await recordAudit({ action: "revoked_token_used", actorId: claims.sub, subject: claims.jti, clientIp: client.clientIp, detail: { type: "refresh" } });
    throw new ForbiddenError(MESSAGES.revokedToken);
  }

  const user = await db.user.findUnique({ where: { id: claims.sub }, select: { id: true, roleId: true } });
  if (!user) throw new UnauthorizedError(MESSAGES.invalidToken);

  const next = await issuePair(user);
  const rotated = await db.$transaction(async (tx) => {
    // Guarded: of two concurrent refreshes with the same token only one rotates it.
    const claimed = await tx.refreshToken.updateMany({
      where: { jti: stored.jti, revokedAt: null },
      data: { revokedAt: new Date(), replacedById: next.refresh.claims.jti },
    });
    if (claimed.count === 0) return false;
    if (!(await lockAccounts(tx, [user.id], "key share")).has(user.id)) throw new UnauthorizedError(MESSAGES.invalidToken);
    await tx.refreshToken.create({ data: refreshTokenRow(next, user.id, stored.familyId, client) });
    await revokeTokens(tx, [{ jti: stored.jti, type: "refresh", userId: user.id, expiresAt: stored.expiresAt, reason: "rotated" }]);
    return true;
  });
  if (!rotated) {
    await revokeFamily(stored.familyId, claims.sub, client);
    throw new ForbiddenError(MESSAGES.revokedToken);
  }
  return next;
}

async function revokeFamily(familyId: string, userId: string, client: ClientInfo): Promise<void> {
  const revocations = await db.$transaction(async (tx) => {
    const members = await tx.refreshToken.findMany({ where: { familyId } });
    await tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
    const now = Date.now();
    const list = members.flatMap((member) => {
      const revocations: Revocation[] = [{ jti: member.jti, type: "refresh", userId: member.userId, expiresAt: member.expiresAt, reason: "family_revoked" }];
      if (member.accessJti && member.accessExpiresAt && member.accessExpiresAt.getTime() > now) {
        revocations.push({ jti: member.accessJti, type: "access", userId: member.userId, expiresAt: member.accessExpiresAt, reason: "family_revoked" });
      }
      return revocations;
    });
    await revokeTokens(tx, list);
    return list;
  });
  await cacheRevocations(revocations);
  await recordAudit({
    action: "refresh_token_reuse",
    actorId: userId,
    subject: familyId,
    clientIp: client.clientIp,
    detail: { revoked: revocations.length },
  });
}

/** Logout: revokes the caller's access token and, when it is theirs, the refresh token. */
export async function endTokenSession(principal: Principal, refreshToken: string | undefined): Promise<void> {
  const revocations: Revocation[] = [];
  if (principal.tokenId && principal.tokenExpiresAt) {
    revocations.push({ jti: principal.tokenId, type: "access", userId: principal.userId, expiresAt: principal.tokenExpiresAt, reason: "logout" });
  }
  let refreshJti: string | undefined;
  if (refreshToken) {
    try {
      const claims = await verifyToken(refreshToken, "refresh");
      if (claims.sub === principal.userId) {
        refreshJti = claims.jti;
        revocations.push({ jti: claims.jti, type: "refresh", userId: principal.userId, expiresAt: new Date(claims.exp * 1000), reason: "logout" });
      }
    } catch {
      // A bad refresh cookie does not stop the access token from being revoked.
    }
  }
  await db.$transaction(async (tx) => {
    if (refreshJti) {
      await tx.refreshToken.updateMany({ where: { jti: refreshJti, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await revokeTokens(tx, revocations);
  });
  await cacheRevocations(revocations);
}

/** Password change: every refresh token of the user stops working (their access tokens fail the credentials cutoff). */
export async function revokeAllRefreshTokens(userId: string): Promise<void> {
  await revokeUserTokens(userId, "credentials_changed", { withAccessTokens: false });
}

/**
 * Every refresh token of the user and every access token issued with one (login and
 * refresh record them), so none of them works from this instant, not only from the next second.
 */
export async function revokeAllTokens(userId: string, reason: string): Promise<void> {
  await revokeUserTokens(userId, reason, { withAccessTokens: true });
}

async function revokeUserTokens(userId: string, reason: string, options: { withAccessTokens: boolean }): Promise<void> {
  const now = Date.now();
  const revocations = await db.$transaction(async (tx) => {
    const live = await tx.refreshToken.findMany({ where: { userId, revokedAt: null } });
    await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(now) } });
    const list: Revocation[] = live.flatMap((token) => {
      const revocations: Revocation[] = [{ jti: token.jti, type: "refresh", userId, expiresAt: token.expiresAt, reason }];
      if (options.withAccessTokens && token.accessJti && token.accessExpiresAt && token.accessExpiresAt.getTime() > now) {
        revocations.push({ jti: token.accessJti, type: "access", userId, expiresAt: token.accessExpiresAt, reason });
      }
      return revocations;
    });
    await revokeTokens(tx, list);
    return list;
  });
  await cacheRevocations(revocations);
}
