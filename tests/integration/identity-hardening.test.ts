import { describe, expect, it } from "vitest";
import * as adminItem from "@/app/api/v1/admins/[id]/route";
import * as admins from "@/app/api/v1/admins/route";
import { POST as login } from "@/app/api/v1/auth/login/route";
import * as customerItem from "@/app/api/v1/customers/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as employeeItem from "@/app/api/v1/employees/[id]/route";
import * as employees from "@/app/api/v1/employees/route";
import * as mechanicItem from "@/app/api/v1/mechanics/[id]/route";
import * as mechanics from "@/app/api/v1/mechanics/route";
import * as rolePermissions from "@/app/api/v1/rbac/roles/[id]/permissions/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as users from "@/app/api/v1/users/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { POST as changePassword } from "@/app/api/v1/users/me/password/route";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { RoleName } from "@/lib/identity/roles";
import { defaultRoleScopes } from "@/lib/rbac/catalogue";
import { getRolePermissions, setRolePermissions } from "@/lib/rbac/roles-admin";
import { call, randomIp } from "../support/http";
import { createUser, databaseSnapshot, PASSWORD, uniqueContact } from "../support/identity";
import { HOUR, inFuture, MINUTE, offeredSpot, parkingSnapshot, reserveCall } from "../support/parking";
import { newBranch, newRental, newVehicle, rentalSnapshot } from "../support/rentals";

const loginAs = (username: string, password: string, clientIp = randomIp()) =>
  call<{ access_token: string }>(login, { path: "/api/v1/auth/login", clientIp, form: { username, password } });

async function withRoleScopes<T>(roleId: number, scopes: readonly string[], work: () => Promise<T>): Promise<T> {
  const admin = await createUser("ADMIN");
  const role = (["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"] as const)[roleId - 1]!;
  const set = await call(rolePermissions.PUT, { method: "PUT", params: { id: String(roleId) }, token: admin.token, json: { scopes } });
  expect(set.status).toBe(200);
  try {
    return await work();
  } finally {
    await call(rolePermissions.PUT, { method: "PUT", params: { id: String(roleId) }, token: admin.token, json: { scopes: [...defaultRoleScopes(role)] } });
  }
}

describe("login rate limits hold under concurrency and per account", () => {
  it("lets no more than five wrong guesses through, however many arrive at once", async () => {
    const target = await createUser("CUSTOMER");
    const results = await Promise.all(Array.from({ length: 12 }, (_, attempt) => loginAs(target.email, `guess-${attempt}`)));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "login_failed", subject: target.email } })).toBeLessThanOrEqual(5);
  });

  it("counts the phone number and the email of one account together", async () => {
    const target = await createUser("CUSTOMER");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const username = attempt % 2 === 0 ? target.phone : target.email;
      expect((await loginAs(username, `guess-${attempt}`)).status).toBe(401);
    }
    const viaPhone = await loginAs(target.phone, PASSWORD);
    expect(viaPhone.status).toBe(429);
    expect(Number(viaPhone.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("still lets a right password in after failures below the limit, and refunds successful logins", async () => {
    const user = await createUser("CUSTOMER");
    const address = randomIp();
    for (let attempt = 1; attempt <= 4; attempt++) expect((await loginAs(user.email, `guess-${attempt}`, address)).status).toBe(401);
    expect((await loginAs(user.email, PASSWORD, address)).status).toBe(200);
    for (let attempt = 1; attempt <= 10; attempt++) expect((await loginAs(user.phone, PASSWORD, address)).status).toBe(200);
  });

  it("refuses a password longer than bcrypt reads even when its first 72 bytes match", async () => {
    const contact = uniqueContact();
    const password = "p".repeat(72);
    const registered = await call(customers.POST, { json: { name: "Long Pass", ...contact, password } });
    expect(registered.status).toBe(201);
    expect((await loginAs(contact.email, password)).status).toBe(200);
    const longer = await loginAs(contact.email, `${password}-and-then-some`);
    expect(longer.status).toBe(401);
    expect(longer.body).toEqual({ detail: "Incorrect username or password." });
  });
});

describe("a password change", () => {
  it("also ends the access tokens issued before it", async () => {
    const user = await createUser("CUSTOMER");
    const otherDevice = await loginAs(user.email, PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const changed = await call(changePassword, {
      path: "/api/v1/users/me/password",
      token: user.token,
      json: { currentPassword: PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(changed.status).toBe(200);
    for (const token of [user.token, otherDevice.body.access_token]) {
      const response = await call(me, { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: "Invalid token." });
    }
    const fresh = await loginAs(user.email, "a-brand-new-password");
    expect((await call(me, { token: fresh.body.access_token })).status).toBe(200);
  });
});

describe("the role resources cannot be bypassed through /users/", () => {
  it("reading an admin or an employee through /users/{id} needs READ:ADMINS / READ:EMPLOYEES", async () => {
    const customer = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const employee = await createUser("EMPLOYEE");
    for (const id of [admin.id, employee.id]) {
      const response = await call(userItem.GET, { params: { id }, token: customer.token });
      expect(response.status, id).toBe(403);
      expect(response.body).toEqual({ detail: "Insufficient permissions." });
    }
    const unknownAdmin = await call(userItem.GET, { params: { id: "ADM999999" }, token: customer.token });
    expect(unknownAdmin.status).toBe(403);
    expect((await call(userItem.GET, { params: { id: admin.id }, token: employee.token })).status).toBe(403);
    expect((await call(userItem.GET, { params: { id: employee.id }, token: employee.token })).status).toBe(200);
  });

  it("GET /users/ lists only the roles the caller may read, with a matching total", async () => {
    const customer = await createUser("CUSTOMER");
    await createUser("ADMIN");
    await createUser("EMPLOYEE");
    const response = await call<Array<{ role: RoleName }>>(users.GET, { token: customer.token, path: "/api/v1/users/?limit=200" });
    expect(response.status).toBe(200);
    const roles = new Set(response.body.map((user) => user.role));
    expect(roles.has("ADMIN")).toBe(false);
    expect(roles.has("EMPLOYEE")).toBe(false);
    const visible = await db.user.count({ where: { roleId: { in: [2, 3] } } });
    expect(Number(response.headers.get("x-total-count"))).toBe(visible);
  });

  it("UPDATE:USERS alone does not let a role edit or delete admins through /users/{id}", async () => {
    const employee = await createUser("EMPLOYEE");
    const admin = await createUser("ADMIN");
    const scopes = [...defaultRoleScopes("EMPLOYEE"), "UPDATE:USERS", "DELETE:USERS"];
    await withRoleScopes(4, scopes, async () => {
      const before = await databaseSnapshot();
      const edit = await call(userItem.PATCH, { method: "PATCH", params: { id: admin.id }, token: employee.token, json: { name: "Pwned" } });
      expect(edit.status).toBe(403);
      const remove = await call(userItem.DELETE, { method: "DELETE", params: { id: admin.id }, token: employee.token });
      expect(remove.status).toBe(403);
      expect(await databaseSnapshot()).toEqual(before);
    });
  });

  it("answers 403 before looking the row up, so a refused caller cannot probe which ids exist", async () => {
    const customer = await createUser("CUSTOMER");
    const existing = await createUser("ADMIN");
    for (const id of [existing.id, "ADM999999"]) {
      expect((await call(adminItem.DELETE, { method: "DELETE", params: { id }, token: customer.token })).status).toBe(403);
      expect((await call(adminItem.PATCH, { method: "PATCH", params: { id }, token: customer.token, json: { name: "x" } })).status).toBe(403);
    }
  });
});

describe("malformed ids", () => {
  it("are 404 or 422, never 500", async () => {
    const admin = await createUser("ADMIN");
    for (const id of ["\u0000", "CST\u0000001", "x".repeat(3000), "cst000001"]) {
      const response = await call(customerItem.GET, { params: { id }, token: admin.token });
      expect(response.status, JSON.stringify(id)).toBe(404);
    }
    for (const id of ["99999999999", "0x2", "2.0", " 2", "1e0", "+2", ""]) {
      const response = await call(rolePermissions.GET, { params: { id }, token: admin.token });
      expect([404, 422], JSON.stringify(id)).toContain(response.status);
      if (id !== "99999999999") expect(response.status, JSON.stringify(id)).toBe(422);
    }
  });
});

describe("the matrix service", () => {
  it("answers 404 for a role id beyond PostgreSQL's integers (the admin page's server action passes numbers)", async () => {
    const admin = await createUser("ADMIN");
    const principal = await authenticate(new Request("http://localhost/", { headers: { authorization: `Bearer ${admin.token}` } }));
    const before = await databaseSnapshot();
    await expect(setRolePermissions(principal, 99_999_999_999, { scopes: [] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRolePermissions(principal, 2.5)).rejects.toBeInstanceOf(NotFoundError);
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("admin CRUD on every role path", () => {
  const paths = [
    { role: "CUSTOMER", collection: customers, item: customerItem },
    { role: "MECHANIC", collection: mechanics, item: mechanicItem },
    { role: "EMPLOYEE", collection: employees, item: employeeItem },
    { role: "ADMIN", collection: admins, item: adminItem },
  ] as const;

  for (const { role, collection, item } of paths) {
    it(`creates, reads, updates and deletes a ${role.toLowerCase()}`, async () => {
      const admin = await createUser("ADMIN");
      const created = await call<{ id: string }>(collection.POST, { token: admin.token, json: { name: "Crud Target", ...uniqueContact(), password: PASSWORD } });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await call(item.GET, { params: { id }, token: admin.token })).status).toBe(200);
      const updated = await call(item.PATCH, { method: "PATCH", params: { id }, token: admin.token, json: { name: "Crud Renamed" } });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id, name: "Crud Renamed", role });
      expect((await call(item.DELETE, { method: "DELETE", params: { id }, token: admin.token })).status).toBe(204);
      expect((await call(item.GET, { params: { id }, token: admin.token })).status).toBe(404);
    });
  }

  it("lets a mechanic edit only their own account and delete none", async () => {
    const mechanic = await createUser("MECHANIC");
    const other = await createUser("MECHANIC");
    const before = await databaseSnapshot();
    expect((await call(mechanicItem.PATCH, { method: "PATCH", params: { id: other.id }, token: mechanic.token, json: { name: "x" } })).status).toBe(403);
    expect((await call(mechanicItem.DELETE, { method: "DELETE", params: { id: mechanic.id }, token: mechanic.token })).status).toBe(403);
    expect((await call(customerItem.DELETE, { method: "DELETE", params: { id: (await createUser("CUSTOMER")).id }, token: mechanic.token })).status).toBe(403);
    expect((await databaseSnapshot()).rolePermissions).toEqual(before.rolePermissions);
  });
});

describe("deleting an account with live commitments", () => {
  it("is refused while the user has a live parking reservation, as reserver or as spot owner", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const reserved = await reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR + 30 * MINUTE));
    expect(reserved.status).toBe(201);
    const before = await parkingSnapshot();
    for (const user of [owner, reserver]) {
      const response = await call(customerItem.DELETE, { method: "DELETE", params: { id: user.id }, token: user.token });
      expect(response.status, user.id).toBe(409);
      const admin = await createUser("ADMIN");
      expect((await call(userItem.DELETE, { method: "DELETE", params: { id: user.id }, token: admin.token })).status).toBe(409);
    }
    const after = await parkingSnapshot();
    expect(after.reservationRows).toEqual(before.reservationRows);
    expect(after.ledger).toEqual(before.ledger);
    expect(after.users.filter((row) => row.id === owner.id || row.id === reserver.id)).toEqual(
      before.users.filter((row) => row.id === owner.id || row.id === reserver.id),
    );
  });

  it("is refused while the customer has an open rental", async () => {
    const employee = await createUser("EMPLOYEE");
    const customer = await createUser("CUSTOMER");
    const branch = await newBranch(employee.token);
    const vehicle = await newVehicle(employee.token, branch.id);
    await newRental(customer.token, vehicle.id, 3, 5);
    const before = await rentalSnapshot();
    const response = await call(customerItem.DELETE, { method: "DELETE", params: { id: customer.id }, token: customer.token });
    expect(response.status).toBe(409);
    expect(await rentalSnapshot()).toEqual(before);
  });
});

describe("editing the matrix concurrently", () => {
  it("never fails with a 500 and leaves one of the two requested sets", async () => {
    const admin = await createUser("ADMIN");
    const setA = defaultRoleScopes("MECHANIC").filter((scope) => scope !== "READ:CUSTOMERS");
    const setB = [...defaultRoleScopes("MECHANIC")];
    try {
      const results = await Promise.all(
        [setA, setB, setA, setB].map((scopes) => call(rolePermissions.PUT, { method: "PUT", params: { id: "2" }, token: admin.token, json: { scopes } })),
      );
      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
      const now = await call<{ scopes: string[] }>(rolePermissions.GET, { params: { id: "2" }, token: admin.token });
      const sorted = [...now.body.scopes].sort();
      expect([[...setA].sort(), [...setB].sort()]).toContainEqual(sorted);
    } finally {
      await call(rolePermissions.PUT, { method: "PUT", params: { id: "2" }, token: admin.token, json: { scopes: [...defaultRoleScopes("MECHANIC")] } });
    }
  });
});
