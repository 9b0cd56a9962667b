import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { POST as logoutEverywhere } from "@/app/api/v1/auth/logout-all/route";
import { PUT as setPermissions, GET as getPermissions } from "@/app/api/v1/rbac/roles/[id]/permissions/route";
import { DELETE as deleteUser } from "@/app/api/v1/users/[id]/route";
import { POST as changePassword } from "@/app/api/v1/users/me/password/route";
import { PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { authenticate } from "@/lib/auth/authenticate";
import { credentialCacheBackend, credentialsChanged, MAX_AGE_MS } from "@/lib/auth/credential-cache";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/identity/roles";
import { sharedRedis } from "@/lib/kv";
import { call } from "../support/http";
import { createUser, PASSWORD, type TestUser } from "../support/identity";
import { countStatements } from "../support/query-count";

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

const bearerRequest = (token: string) => new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } });

const epoch = async () => (credentialCacheBackend() === "redis" ? sharedRedis()!.get("wheelhouse:credentials-epoch") : null);

/**
 * Authenticates `user` twice (the second is served by the cache when it is on) and counts the statements of each. On
 * Redis the epoch is shared with the test files running meanwhile, whose logouts start a new one: a pair of requests
 * with a new epoch between them is measured again.
 */
async function statementsPerRequest(user: TestUser): Promise<[number, number]> {
  const counter = countStatements({ includeAuthentication: true });
  restore = counter.restore;
  for (let attempt = 1; ; attempt++) {
    await credentialsChanged();
    const before = counter.count();
    const epochBefore = await epoch();
    const first = await authenticate(bearerRequest(user.token));
    const afterFirst = counter.count();
    const second = await authenticate(bearerRequest(user.token));
    expect(second).toEqual(first);
    if ((await epoch()) === epochBefore || attempt === 20) return [afterFirst - before, counter.count() - afterFirst];
  }
}

async function scopesOfRole(admin: TestUser, roleId: number): Promise<string[]> {
  const response = await call<{ scopes: string[] }>(getPermissions, { path: `/api/v1/rbac/roles/${roleId}/permissions`, params: { id: String(roleId) }, token: admin.token });
  expect(response.status).toBe(200);
  return response.body.scopes;
}

/**
 * A mechanic whose credential state is cached with READ:SERVICES, then that scope deleted from the role straight in
 * the database (no epoch); `check` runs, then the scope is given back and every cache told.
 */
async function withScopeTakenOutsideTheApp(check: (hasScope: () => Promise<boolean>) => Promise<void>): Promise<void> {
  const mechanic = await createUser("MECHANIC");
  const scope = "READ:SERVICES";
  const hasScope = async () => (await authenticate(bearerRequest(mechanic.token))).scopes.has(scope);
  const permission = await db.permission.findUniqueOrThrow({ where: { scope } });
  expect(await hasScope()).toBe(true);
  const key = { roleId_permissionId: { roleId: ROLES.MECHANIC.id, permissionId: permission.id } };
  await db.rolePermission.delete({ where: key });
  try {
    await check(hasScope);
  } finally {
    vi.restoreAllMocks();
    await db.rolePermission.create({ data: key.roleId_permissionId });
    await credentialsChanged();
  }
}

describe("authentication: one statement, then none while nothing changed", () => {
  it("reads a bearer token's state (revocation, user, role's scopes) in one SQL statement, and caches it", async () => {
    const customer = await createUser("CUSTOMER");
    const [first, second] = await statementsPerRequest(customer);
    expect(first).toBe(1);
    // The test runs use the embedded database (epoch in process memory) and PostgreSQL with Redis (epoch in Redis).
    expect(credentialCacheBackend()).not.toBe("off");
    expect(second).toBe(0);
  });

  it("a permission taken from a role through the API applies to that role's very next request", async () => {
    const [admin, mechanic] = await Promise.all([createUser("ADMIN"), createUser("MECHANIC")]);
    const scope = "READ:SERVICES";
    expect((await authenticate(bearerRequest(mechanic.token))).scopes.has(scope)).toBe(true);
    const before = await scopesOfRole(admin, ROLES.MECHANIC.id);
    const path = `/api/v1/rbac/roles/${ROLES.MECHANIC.id}/permissions`;
    const params = { id: String(ROLES.MECHANIC.id) };
    expect((await call(setPermissions, { method: "PUT", path, params, token: admin.token, json: { scopes: before.filter((s) => s !== scope) } })).status).toBe(200);
    try {
      expect((await authenticate(bearerRequest(mechanic.token))).scopes.has(scope)).toBe(false);
    } finally {
      expect((await call(setPermissions, { method: "PUT", path, params, token: admin.token, json: { scopes: before } })).status).toBe(200);
    }
    expect((await authenticate(bearerRequest(mechanic.token))).scopes.has(scope)).toBe(true);
  });

  it("a logout, a logout everywhere and a password change refuse the cached credential on the next request", async () => {
    const [first, second, third] = await Promise.all([createUser("MECHANIC"), createUser("CUSTOMER"), createUser("EMPLOYEE")]);
    for (const user of [first, second, third]) await authenticate(bearerRequest(user.token));

    const loggedOut = await call(logout, { path: "/api/v1/auth/logout", method: "POST", token: first.token, cookie: first.refreshCookie });
    expect(loggedOut.status).toBe(200);
    await expect(authenticate(bearerRequest(first.token))).rejects.toMatchObject({ status: 403 });

    expect((await call(logoutEverywhere, { path: "/api/v1/auth/logout-all", method: "POST", token: second.token })).status).toBe(200);
    await expect(authenticate(bearerRequest(second.token))).rejects.toMatchObject({ status: 403 });

    // A bearer token's `iat` has whole seconds: one from the very second of the change stays valid.
    await new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)));
    const changed = await call(changePassword, {
      path: "/api/v1/users/me/password",
      method: "POST",
      token: third.token,
      json: { currentPassword: PASSWORD, newPassword: "a-brand-new-passphrase" },
    });
    expect(changed.status).toBe(200);
    await expect(authenticate(bearerRequest(third.token))).rejects.toMatchObject({ status: 401 });
  });

  it("a renamed user's next request carries the new name; a deleted user's token stops working at once", async () => {
    const [admin, customer] = await Promise.all([createUser("ADMIN"), createUser("CUSTOMER")]);
    expect((await authenticate(bearerRequest(customer.token))).name).toBe(customer.name);
    expect((await call(updateMe, { method: "PATCH", path: "/api/v1/users/me", token: customer.token, json: { name: "Renamed Customer" } })).status).toBe(200);
    expect((await authenticate(bearerRequest(customer.token))).name).toBe("Renamed Customer");

    const deleted = await call(deleteUser, { method: "DELETE", path: `/api/v1/users/${customer.id}`, params: { id: customer.id }, token: admin.token });
    expect(deleted.status).toBe(204);
    await expect(authenticate(bearerRequest(customer.token))).rejects.toMatchObject({ status: 401 });
  });

  it.runIf(Boolean(process.env.REDIS_URL))("a change committed by another instance applies here once it sets the shared epoch in Redis", async () => {
    await withScopeTakenOutsideTheApp(async (hasScope) => {
      // Another instance: its commit (above), then its new epoch; this process's memory is untouched.
      await sharedRedis()!.set("wheelhouse:credentials-epoch", `another-instance-${Date.now()}`);
      expect(await hasScope()).toBe(false);
    });
  });

  it("an edit made outside the app (no epoch) applies once the cached entry is a minute old", async () => {
    await withScopeTakenOutsideTheApp(async (hasScope) => {
      // Served from the cache — unless a test file running meanwhile started a new epoch in the shared Redis.
      if (credentialCacheBackend() === "process") expect(await hasScope()).toBe(true);
      const now = Date.now();
      vi.spyOn(Date, "now").mockReturnValue(now + MAX_AGE_MS);
      expect(await hasScope()).toBe(false);
    });
  });
});
