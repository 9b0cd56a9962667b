import { randomInt } from "node:crypto";
import { POST as loginRoute } from "@/app/api/v1/auth/login/route";
import { POST as registerRoute } from "@/app/api/v1/customers/route";
import { startTokenSession } from "@/lib/auth/token-sessions";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/identity/passwords";
import { allocatePublicId } from "@/lib/identity/public-id";
import { ROLES, type RoleName } from "@/lib/identity/roles";
import { call } from "./http";

export const PASSWORD = "correct-horse-battery";

let counter = 0;
export function uniqueContact() {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${counter}${randomInt(1000)}`;
  return { email: `user-${suffix}@example.test`, phone: `+1${String(randomInt(10 ** 9, 10 ** 10))}` };
}

export interface TestUser {
  id: string;
  role: RoleName;
  name: string;
  email: string;
  phone: string;
  token: string;
  refreshCookie: string;
}

let cachedHash: Promise<string> | undefined;

/**
 * Creates a user of any role directly (bcrypt once per run) and starts a token
 * session for them with the same service POST /auth/login uses after checking
 * the password (the login route itself is exercised in auth-flow tests).
 */
export async function createUser(role: RoleName, name = `Test ${role.toLowerCase()}`): Promise<TestUser> {
  cachedHash ??= hashPassword(PASSWORD);
  const passwordHash = await cachedHash;
  const contact = uniqueContact();
  const id = await db.$transaction(async (tx) => {
    const publicId = await allocatePublicId(tx, role);
    await tx.user.create({
      data: { id: publicId, name, ...contact, passwordHash, roleId: ROLES[role].id, credits: role === "CUSTOMER" ? 50 : 0 },
    });
    return publicId;
  });
  const { access, refresh } = await startTokenSession({ id, roleId: ROLES[role].id, name }, { clientIp: "127.0.0.1" });
  return { id, role, name, ...contact, token: access.token, refreshCookie: `refresh_token=${refresh.token}` };
}

export async function login(username: string, password: string) {
  const response = await call<{ access_token: string }>(loginRoute, {
    path: "/api/v1/auth/login",
    form: { username, password },
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.access_token, refreshCookie: `refresh_token=${response.cookies.refresh_token}` };
}

export async function registerCustomer(overrides: Record<string, unknown> = {}) {
  const contact = uniqueContact();
  return call<Record<string, unknown>>(registerRoute, {
    path: "/api/v1/customers/",
    json: { name: "Reg Istered", ...contact, password: PASSWORD, ...overrides },
  });
}

/** The rows a denied or invalid request must leave untouched (the audit trail and its `security.*` events are meant to grow). */
export async function databaseSnapshot() {
  const [users, rolePermissions, refreshTokens, outbox] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.rolePermission.findMany({ orderBy: [{ roleId: "asc" }, { permissionId: "asc" }], select: { roleId: true, permissionId: true } }),
    db.refreshToken.findMany({ orderBy: { jti: "asc" }, select: { jti: true, revokedAt: true } }),
    db.outboxEvent.count({ where: { NOT: { type: { startsWith: "security." } } } }),
  ]);
  return { users, rolePermissions, refreshTokens, outbox };
}
