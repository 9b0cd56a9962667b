import { afterEach, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/identity/roles";
import { call } from "../support/http";
import { createUser } from "../support/identity";
import { countStatements } from "../support/query-count";

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

const bearerRequest = (token: string) => new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${token}` } });

describe("authentication costs one statement and still sees every change at once", () => {
  it("a bearer token is checked (revocation, user, role's scopes) in one SQL statement", async () => {
    const customer = await createUser("CUSTOMER");
    const counter = countStatements();
    restore = counter.restore;
    await authenticate(bearerRequest(customer.token)); // the counting connection's setup happens once
    const before = counter.count();
    const principal = await authenticate(bearerRequest(customer.token));
    expect(counter.count() - before).toBe(1);
    expect(principal.userId).toBe(customer.id);
    expect(principal.scopes.has("READ:SPOTS")).toBe(true);
  });

  it("a permission taken from the role and a logout apply to the very next request", async () => {
    const mechanic = await createUser("MECHANIC");
    const scope = "READ:SERVICES";
    const permission = await db.permission.findUniqueOrThrow({ where: { scope } });
    expect((await authenticate(bearerRequest(mechanic.token))).scopes.has(scope)).toBe(true);
    await db.rolePermission.delete({ where: { roleId_permissionId: { roleId: ROLES.MECHANIC.id, permissionId: permission.id } } });
    try {
      expect((await authenticate(bearerRequest(mechanic.token))).scopes.has(scope)).toBe(false);
    } finally {
      await db.rolePermission.create({ data: { roleId: ROLES.MECHANIC.id, permissionId: permission.id } });
    }
    const loggedOut = await call(logout, { path: "/api/v1/auth/logout", method: "POST", token: mechanic.token, cookie: mechanic.refreshCookie });
    expect(loggedOut.status).toBe(200);
    await expect(authenticate(bearerRequest(mechanic.token))).rejects.toMatchObject({ status: 403 });
  });
});
