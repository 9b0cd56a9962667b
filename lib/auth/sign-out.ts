import { recordAudit } from "../audit";
import { db } from "../db";
import { env } from "../env";
import { endLiveAccess } from "../realtime/revocation";
import type { Principal } from "./principal";
import { credentialsChanged } from "./credential-cache";
import { cacheRevocations, revokeTokens, type Revocation } from "./revocation";
import { endTokenSession, revokeAllTokens } from "./token-sessions";

/**
 * Every sign-out goes through this file: `POST /api/v1/auth/logout`, next-auth's own
 * sign-out (`events.signOut`), and "sign out everywhere" (`POST /api/v1/auth/logout-all`,
 * the profile page). `signedOut` runs after each one has taken effect.
 */

export type SignOutScope =
  /** One credential set: this browser session and/or this access + refresh token. */
  | { kind: "this-session"; userId: string; sessionId?: string }
  /** Every browser session and every bearer token of the user. */
  | { kind: "everywhere"; userId: string };

/**
 * Runs once a sign-out is in force (the credentials are already refused): what else
 * must end with it. The user's live sockets are closed; tabs whose session is still
 * valid reconnect and have their channels authorized again, revoked ones are refused.
 */
async function signedOut(scope: SignOutScope, clientIp?: string): Promise<void> {
  await endLiveAccess(scope.userId);
  if (scope.kind === "everywhere") {
    await recordAudit({ action: "signed_out_everywhere", actorId: scope.userId, subject: scope.userId, clientIp });
  }
}

/**
 * Revokes one browser session by its id. The revocation is kept for a full session
 * lifetime from now: every copy of the cookie was issued before now, and a revoked
 * session is never renewed (the jwt callback refuses it), so none outlives the record.
 */
async function revokeBrowserSession(userId: string, sessionId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  const revocation: Revocation = {
    jti: sessionId,
    type: "session",
    userId: user?.id ?? null,
    expiresAt: new Date(Date.now() + env().REFRESH_TOKEN_EXPIRE_DAYS * 86_400_000),
    reason: "logout",
  };
  await db.$transaction((tx) => revokeTokens(tx, [revocation]));
  await cacheRevocations([revocation]);
}

/**
 * Logout of the calling credentials: the access token and (when it is theirs) the refresh
 * token of a bearer caller, the browser session of a cookie caller.
 */
export async function signOut(principal: Principal, refreshToken: string | undefined): Promise<void> {
  await endTokenSession(principal, refreshToken);
  if (principal.sessionId) await revokeBrowserSession(principal.userId, principal.sessionId);
  await signedOut({ kind: "this-session", userId: principal.userId, sessionId: principal.sessionId }, principal.clientIp);
}

/** next-auth's sign-out: it knows only the session token it is clearing (a cookie from before session ids has none). */
export async function signOutBrowserSession(userId: string, sessionId: string | undefined): Promise<void> {
  if (sessionId) await revokeBrowserSession(userId, sessionId);
  await signedOut({ kind: "this-session", userId, sessionId });
}

/**
 * Sign out everywhere: every browser session signed in before now is refused (the same
 * per-user cutoff a password change sets), and every refresh token and every access token
 * issued with one is revoked.
 */
export async function signOutEverywhere(principal: Principal): Promise<void> {
  await db.user.update({ where: { id: principal.userId }, data: { credentialsChangedAt: new Date() } });
  await credentialsChanged();
  await revokeAllTokens(principal.userId, "signed_out_everywhere");
  if (principal.tokenId && principal.tokenExpiresAt) {
    const own: Revocation = { jti: principal.tokenId, type: "access", userId: principal.userId, expiresAt: principal.tokenExpiresAt, reason: "signed_out_everywhere" };
    await db.$transaction((tx) => revokeTokens(tx, [own]));
    await cacheRevocations([own]);
  }
  await signedOut({ kind: "everywhere", userId: principal.userId }, principal.clientIp);
}
