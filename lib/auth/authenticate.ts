import { decode, type JWT } from "next-auth/jwt";
import { recordAudit } from "../audit";
import { directQuery } from "../db";
import { env } from "../env";
import { ForbiddenError, MESSAGES, UnauthorizedError } from "../errors";
import { roleNameById } from "../identity/roles";
import { noteAuthenticatedUser } from "../observability/request-context";
import { isScope } from "../rbac/catalogue";
import { clientAddress } from "./client-address";
import { cachedCredentialState } from "./credential-cache";
import { assertOwnSiteRequest } from "./cross-site";
import type { Principal } from "./principal";
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

interface CredentialState {
  revoked: boolean;
  user_id: string | null;
  role_id: number | null;
  name: string | null;
  credentials_changed_at: Date | null;
  scopes: string[] | null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Steps 3–5 in one statement: is the credential's id revoked, and the user behind it with their role's scopes.
 */
async function readCredentialState(userId: string, credentialId: string): Promise<CredentialState> {
  // Ids come from verified tokens, but only a well-formed uuid can be compared with the uuid column.
  const revokableId = UUID_PATTERN.test(credentialId) ? credentialId : null;
  // The statement behind every authenticated request: straight through `pg` (see `directQuery`).
  const rows = await directQuery<CredentialState>(
    `SELECT
      EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = CAST($1 AS uuid)) AS revoked,
      u.id AS user_id, u.role_id, u.name, u.credentials_changed_at,
      ARRAY(
        SELECT p.scope FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id WHERE rp.role_id = u.role_id
      ) AS scopes
    FROM (SELECT 1) AS one LEFT JOIN users u ON u.id = $2`,
    [revokableId, userId],
  );
  return rows[0]!;
}

/** `readCredentialState`, or this process's copy of it while no credential has changed (`credential-cache.ts`). */
function credentialState(userId: string, credentialId: string): Promise<CredentialState> {
  return cachedCredentialState(
    userId,
    credentialId,
    () => readCredentialState(userId, credentialId),
    (state) => !state.revoked && state.user_id !== null,
  );
}

/** Step 4–5 on the row `credentialState` read: the principal, or null when the credential no longer fits the user. */
function principalFrom(
  state: CredentialState,
  expectedRoleId: number,
  via: Principal["via"],
  extra: Pick<Principal, "tokenId" | "tokenExpiresAt" | "sessionId" | "clientIp">,
  issuedAt?: Date,
): Principal | null {
  if (!state.user_id || state.role_id !== expectedRoleId || !state.name || !state.credentials_changed_at) return null;
  if (issuedAt && issuedAt < credentialsCutoff(via, state.credentials_changed_at)) return null;
  const role = roleNameById(state.role_id);
  if (!role) return null;
  const scopes = new Set((state.scopes ?? []).filter(isScope));
  return { userId: state.user_id, roleId: state.role_id, role, name: state.name, scopes, via, ...extra };
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
  const state = await credentialState(claims.sub, claims.jti);
  if (state.revoked) {
    await recordAudit({ action: "revoked_token_used", actorId: claims.sub, subject: claims.jti, clientIp, detail: { type: "access" } });
    throw new ForbiddenError(MESSAGES.revokedToken);
  }
  const principal = principalFrom(
    state,
    claims.role,
    "bearer",
    { tokenId: claims.jti, tokenExpiresAt: expiresAt, clientIp },
    new Date(claims.iat * 1000),
  );
  if (!principal) throw new UnauthorizedError(MESSAGES.invalidToken);
  return principal;
}

/**
 * A decoded next-auth session token, if it is still a live session: it has a session id
 * that was not signed out, its user still has that role, and it was signed in after the
 * user's last password change or "sign out everywhere". Tokens without a `sid` predate
 * session revocation and are refused (those browsers sign in once more).
 */
export async function sessionTokenPrincipal(session: JWT, clientIp?: string): Promise<Principal | null> {
  if (!session.sub || typeof session.roleId !== "number") return null;
  if (typeof session.sid !== "string" || !UUID_PATTERN.test(session.sid)) return null;
  const state = await credentialState(session.sub, session.sid);
  if (state.revoked) return null;
  const issuedAt = typeof session.authTime === "number" ? new Date(session.authTime) : new Date(0);
  return principalFrom(state, session.roleId, "session", { sessionId: session.sid, clientIp }, issuedAt);
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
    const principal = await bearerPrincipal(match[1], clientIp);
    noteAuthenticatedUser(principal.userId);
    return principal;
  }
  const cookieHeader = request.headers.get("cookie");
  // The browser attaches this cookie by itself, to requests from any site: writes must come from our pages.
  if (sessionCookieValue(cookieHeader)) assertOwnSiteRequest(request);
  const principal = await sessionPrincipal(cookieHeader, clientIp);
  if (!principal) throw new UnauthorizedError(MESSAGES.notAuthenticated);
  noteAuthenticatedUser(principal.userId);
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
