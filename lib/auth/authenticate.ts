import { decode, type JWT } from "next-auth/jwt";
import { recordAudit } from "../audit";
import { db } from "../db";
import { env } from "../env";
import { ForbiddenError, MESSAGES, UnauthorizedError } from "../errors";
import { roleNameById } from "../identity/roles";
import { loadRoleScopes } from "../rbac/permissions";
import { clientAddress } from "./client-address";
import { assertOwnSiteRequest } from "./cross-site";
import type { Principal } from "./principal";
import { isRevoked } from "./revocation";
import { sessionCookieValue } from "./session-cookie";
import { InvalidTokenError, verifyToken } from "./tokens";

/**
 * Credentials issued before the last password change are refused. Session times are in
 * milliseconds; a JWT's `iat` only has whole seconds, so a bearer token from the very
 * second of the change is still accepted (a fresh login in that second must work).
 */
function credentialsCutoff(via: Principal["via"], changedAt: Date): Date {
  return via === "session" ? changedAt : new Date(Math.floor(changedAt.getTime() / 1000) * 1000);
}

/** Steps 4–5: the user behind the credential and their role's scopes, fresh from the database. */
async function loadPrincipal(
  userId: string,
  expectedRoleId: number,
  via: Principal["via"],
  extra: Pick<Principal, "tokenId" | "tokenExpiresAt" | "sessionId" | "clientIp">,
  issuedAt?: Date,
): Promise<Principal | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, roleId: true, name: true, credentialsChangedAt: true },
  });
  if (!user || user.roleId !== expectedRoleId) return null;
  if (issuedAt && issuedAt < credentialsCutoff(via, user.credentialsChangedAt)) return null;
  const role = roleNameById(user.roleId);
  if (!role) return null;
  return { userId: user.id, roleId: user.roleId, role, name: user.name, scopes: await loadRoleScopes(db, user.roleId), via, ...extra };
}

/** Steps 1–5 for `Authorization: Bearer <access token>`. */
async function bearerPrincipal(token: string, clientIp: string): Promise<Principal> {
  let claims;
  try {
    claims = await verifyToken(token, "access");
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorizedError(MESSAGES.invalidToken);
    throw error;
  }
  const expiresAt = new Date(claims.exp * 1000);
  if (await isRevoked(claims.jti, expiresAt)) {
    await recordAudit({ action: "revoked_token_used", actorId: claims.sub, subject: claims.jti, clientIp, detail: { type: "access" } });
    throw new ForbiddenError(MESSAGES.revokedToken);
  }
  const principal = await loadPrincipal(
    claims.sub,
    claims.role,
    "bearer",
    { tokenId: claims.jti, tokenExpiresAt: expiresAt, clientIp },
    new Date(claims.iat * 1000),
  );
  if (!principal) throw new UnauthorizedError(MESSAGES.invalidToken);
  return principal;
}

const SESSION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A decoded next-auth session token, if it is still a live session: it has a session id
 * that was not signed out, its user still has that role, and it was signed in after the
 * user's last password change or "sign out everywhere". Tokens without a `sid` predate
 * session revocation and are refused (those browsers sign in once more).
 */
export async function sessionTokenPrincipal(session: JWT, clientIp?: string): Promise<Principal | null> {
  if (!session.sub || typeof session.roleId !== "number") return null;
  if (typeof session.sid !== "string" || !SESSION_ID_PATTERN.test(session.sid)) return null;
  const expiresAt = typeof session.exp === "number" ? new Date(session.exp * 1000) : new Date(Date.now() + 86_400_000);
  if (await isRevoked(session.sid, expiresAt)) return null;
  const issuedAt = typeof session.authTime === "number" ? new Date(session.authTime) : new Date(0);
  return loadPrincipal(session.sub, session.roleId, "session", { sessionId: session.sid, clientIp }, issuedAt);
}

/** The browser door: next-auth's session cookie, resolved to the same principal type. */
export async function sessionPrincipal(cookieHeader: string | null, clientIp?: string): Promise<Principal | null> {
  const token = sessionCookieValue(cookieHeader);
  if (!token) return null;
  const session = await decode({ token, secret: env().secrets.nextAuth }).catch(() => null);
  return session ? sessionTokenPrincipal(session, clientIp) : null;
}

/**
 * Who is calling: a bearer token (validated by the spec's steps) or, without an
 * Authorization header, the browser session (state changes only from this app's own
 * pages, see `assertOwnSiteRequest`). Scope checks (step 6) happen in
 * the services, which know the resource and the row.
 */
export async function authenticate(request: Request): Promise<Principal> {
  const clientIp = clientAddress(request.headers);
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new UnauthorizedError(MESSAGES.invalidToken);
    return bearerPrincipal(match[1], clientIp);
  }
  const cookieHeader = request.headers.get("cookie");
  // The browser attaches this cookie by itself, to requests from any site: writes must come from our pages.
  if (sessionCookieValue(cookieHeader)) assertOwnSiteRequest(request);
  const principal = await sessionPrincipal(cookieHeader, clientIp);
  if (!principal) throw new UnauthorizedError(MESSAGES.notAuthenticated);
  return principal;
}

/**
 * For public endpoints: signed out is fine (null), but credentials that are presented
 * (a bearer token or a session cookie) must be valid, as everywhere else.
 */
export async function authenticateIfPresented(request: Request): Promise<Principal | null> {
  if (request.headers.get("authorization") === null && !sessionCookieValue(request.headers.get("cookie"))) return null;
  return authenticate(request);
}
