import { beforeAll, describe, expect, it } from "vitest";
import * as admins from "@/app/api/v1/admins/route";
import * as adminItem from "@/app/api/v1/admins/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as customerItem from "@/app/api/v1/customers/[id]/route";
import * as employees from "@/app/api/v1/employees/route";
import * as employeeItem from "@/app/api/v1/employees/[id]/route";
import * as mechanics from "@/app/api/v1/mechanics/route";
import * as mechanicItem from "@/app/api/v1/mechanics/[id]/route";
import * as rolePermissions from "@/app/api/v1/rbac/roles/[id]/permissions/route";
import * as roles from "@/app/api/v1/rbac/roles/route";
import * as users from "@/app/api/v1/users/route";
import * as branches from "@/app/api/v1/branches/route";
import * as credits from "@/app/api/v1/credits/route";
import * as rentals from "@/app/api/v1/rentals/route";
import * as reservations from "@/app/api/v1/reservations/route";
import * as spots from "@/app/api/v1/spots/route";
import * as vehicles from "@/app/api/v1/vehicles/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as addresses from "@/app/api/v1/addresses/route";
import * as areas from "@/app/api/v1/areas/route";
import * as bookings from "@/app/api/v1/bookings/route";
import * as customerBookings from "@/app/api/v1/bookings/customer/route";
import * as carModels from "@/app/api/v1/car-models/route";
import * as cart from "@/app/api/v1/cart/route";
import * as content from "@/app/api/v1/content/route";
import * as customerCars from "@/app/api/v1/customer-cars/route";
import * as favourites from "@/app/api/v1/favourites/route";
import * as slots from "@/app/api/v1/garage/slots/route";
import * as gst from "@/app/api/v1/gst/route";
import * as priceChart from "@/app/api/v1/price-chart/route";
import * as queries from "@/app/api/v1/queries/route";
import * as serviceCategories from "@/app/api/v1/service-categories/route";
import * as services from "@/app/api/v1/services/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as me, PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import { defaultRoleScopes } from "@/lib/rbac/catalogue";
import { call, type CallOptions } from "../support/http";
import { branchInput, newBranch, vehicleInput } from "../support/rentals";
import { createUser, databaseSnapshot, PASSWORD, uniqueContact, type TestUser } from "../support/identity";

const ROLE_NAMES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
let actors: Record<RoleName, TestUser>;
let others: Record<RoleName, TestUser>;
/** A branch for the vehicle endpoints. */
let branchId: string;

beforeAll(async () => {
  const entries = await Promise.all(ROLE_NAMES.map(async (role) => [role, await createUser(role)] as const));
  actors = Object.fromEntries(entries) as Record<RoleName, TestUser>;
  const otherEntries = await Promise.all(ROLE_NAMES.map(async (role) => [role, await createUser(role, `Other ${role}`)] as const));
  others = Object.fromEntries(otherEntries) as Record<RoleName, TestUser>;
  branchId = (await newBranch(actors.ADMIN.token)).id;
});

let garageSequence = 0;
const garageName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(garageSequence += 1)}`;
const GARAGE_READERS: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER"];

const newAccount = () => ({ name: "New Account", ...uniqueContact(), password: PASSWORD });

interface Endpoint {
  name: string;
  handler: unknown;
  request: () => CallOptions;
  allowed: RoleName[];
  mutates: boolean;
}

/** Every endpoint of the matrix, with the roles the default matrix lets through. */
const endpoints: Endpoint[] = [
  { name: "GET /users/", handler: users.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "GET /users/{id}", handler: userItem.GET, request: () => ({ params: { id: others.CUSTOMER.id } }), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "PATCH /users/{other}", handler: userItem.PATCH, request: () => ({ method: "PATCH", params: { id: others.CUSTOMER.id }, json: { name: "Renamed" } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /customers/", handler: customers.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "GET /customers/{id}", handler: customerItem.GET, request: () => ({ params: { id: others.CUSTOMER.id } }), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "PATCH /customers/{other}", handler: customerItem.PATCH, request: () => ({ method: "PATCH", params: { id: others.CUSTOMER.id }, json: { name: "Renamed" } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /mechanics/", handler: mechanics.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER"], mutates: false },
  { name: "POST /mechanics/", handler: mechanics.POST, request: () => ({ json: newAccount() }), allowed: ["ADMIN"], mutates: true },
  { name: "PATCH /mechanics/{other}", handler: mechanicItem.PATCH, request: () => ({ method: "PATCH", params: { id: others.MECHANIC.id }, json: { name: "Renamed" } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /employees/", handler: employees.GET, request: () => ({}), allowed: ["ADMIN", "EMPLOYEE"], mutates: false },
  { name: "POST /employees/", handler: employees.POST, request: () => ({ json: newAccount() }), allowed: ["ADMIN"], mutates: true },
  { name: "PATCH /employees/{other}", handler: employeeItem.PATCH, request: () => ({ method: "PATCH", params: { id: others.EMPLOYEE.id }, json: { name: "Renamed" } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /admins/", handler: admins.GET, request: () => ({}), allowed: ["ADMIN"], mutates: false },
  { name: "GET /admins/{id}", handler: adminItem.GET, request: () => ({ params: { id: others.ADMIN.id } }), allowed: ["ADMIN"], mutates: false },
  { name: "POST /admins/", handler: admins.POST, request: () => ({ json: newAccount() }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /rbac/roles", handler: roles.GET, request: () => ({}), allowed: ["ADMIN"], mutates: false },
  { name: "GET /rbac/roles/{id}/permissions", handler: rolePermissions.GET, request: () => ({ params: { id: "3" } }), allowed: ["ADMIN"], mutates: false },
  { name: "PUT /rbac/roles/{id}/permissions", handler: rolePermissions.PUT, request: () => ({ method: "PUT", params: { id: "2" }, json: { scopes: [...defaultRoleScopes("MECHANIC")] } }), allowed: ["ADMIN"], mutates: true },
  // The modules' endpoints, under the same rules: every module's scopes come from its definition's grants.
  { name: "GET /spots/", handler: spots.GET, request: () => ({}), allowed: ["ADMIN", "CUSTOMER"], mutates: false },
  { name: "GET /reservations/", handler: reservations.GET, request: () => ({}), allowed: ["ADMIN", "CUSTOMER"], mutates: false },
  { name: "GET /credits/", handler: credits.GET, request: () => ({}), allowed: ["ADMIN", "CUSTOMER"], mutates: false },
  { name: "GET /branches/", handler: branches.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "POST /branches/", handler: branches.POST, request: () => ({ json: branchInput() }), allowed: ["ADMIN", "EMPLOYEE"], mutates: true },
  { name: "GET /vehicles/", handler: vehicles.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "POST /vehicles/", handler: vehicles.POST, request: () => ({ json: vehicleInput(branchId) }), allowed: ["ADMIN", "EMPLOYEE"], mutates: true },
  { name: "GET /rentals/", handler: rentals.GET, request: () => ({}), allowed: ["ADMIN", "CUSTOMER", "EMPLOYEE"], mutates: false },
  // The garage: the spec's matrix, cell by cell in tests/integration/garage-*.test.ts; EMPLOYEE holds no garage scope.
  { name: "GET /service-categories/", handler: serviceCategories.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "POST /service-categories/", handler: serviceCategories.POST, request: () => ({ json: { name: garageName("Category") } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /services/", handler: services.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /car-models/", handler: carModels.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  {
    name: "POST /car-models/",
    handler: carModels.POST,
    request: () => ({ json: { make: "Matrix", model: garageName("Model"), yearFrom: 2020, segment: "SEDAN", fuel: "PETROL" } }),
    allowed: ["ADMIN"],
    mutates: true,
  },
  { name: "GET /price-chart/", handler: priceChart.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /gst/", handler: gst.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /areas/", handler: areas.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "POST /areas/", handler: areas.POST, request: () => ({ json: { name: garageName("Area"), city: "Bengaluru" } }), allowed: ["ADMIN"], mutates: true },
  { name: "GET /favourites/", handler: favourites.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /customer-cars/", handler: customerCars.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /addresses/", handler: addresses.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /cart/", handler: cart.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /bookings/", handler: bookings.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /bookings/customer", handler: customerBookings.GET, request: () => ({}), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /garage/slots", handler: slots.GET, request: () => ({ path: "/api/v1/garage/slots?date=2030-01-07&minutes=30" }), allowed: GARAGE_READERS, mutates: false },
  { name: "GET /content/", handler: content.GET, request: () => ({}), allowed: ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"], mutates: false },
  { name: "GET /queries/", handler: queries.GET, request: () => ({}), allowed: ["ADMIN", "CUSTOMER"], mutates: false },
  { name: "DELETE /users/{other}", handler: userItem.DELETE, request: () => ({ method: "DELETE", params: { id: others.CUSTOMER.id } }), allowed: ["ADMIN"], mutates: true },
];

describe("the permission matrix through HTTP", () => {
  for (const endpoint of endpoints) {
    const denied = ROLE_NAMES.filter((role) => !endpoint.allowed.includes(role));
    if (denied.length > 0) {
      it(`${endpoint.name} refuses ${denied.join(", ")} with 403 and changes nothing`, async () => {
        for (const role of denied) {
          const before = await databaseSnapshot();
          const response = await call(endpoint.handler, { ...endpoint.request(), token: actors[role].token });
          expect(response.status, role).toBe(403);
          expect(response.body, role).toEqual({ detail: "Insufficient permissions." });
          expect(await databaseSnapshot(), role).toEqual(before);
        }
      });
    }
    it(`${endpoint.name} refuses a revoked token (403) and a garbage token (401), changing nothing`, async () => {
      const revoked = await createUser("ADMIN");
      await call(logout, { path: "/api/v1/auth/logout", method: "POST", token: revoked.token });
      const before = await databaseSnapshot();
      const withRevoked = await call(endpoint.handler, { ...endpoint.request(), token: revoked.token });
      expect(withRevoked.status).toBe(403);
      expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
      const withGarbage = await call(endpoint.handler, { ...endpoint.request(), token: "garbage" });
      expect(withGarbage.status).toBe(401);
      expect(await databaseSnapshot()).toEqual(before);
    });
  }

  it("lets every allowed role through", async () => {
    for (const endpoint of endpoints) {
      for (const role of endpoint.allowed) {
        const response = await call(endpoint.handler, { ...endpoint.request(), token: actors[role].token });
        expect(response.status, `${endpoint.name} as ${role}`).toBeLessThan(300);
        if (endpoint.name === "DELETE /users/{other}") others.CUSTOMER = await createUser("CUSTOMER", "Other CUSTOMER");
      }
    }
  });
});

describe("(own) rules", () => {
  it("let customers, mechanics and employees edit their own account and nobody else's", async () => {
    const cases: Array<[RoleName, unknown]> = [
      ["CUSTOMER", customerItem.PATCH],
      ["MECHANIC", mechanicItem.PATCH],
      ["EMPLOYEE", employeeItem.PATCH],
    ];
    for (const [role, handler] of cases) {
      const self = await createUser(role);
      const own = await call(handler, { method: "PATCH", params: { id: self.id }, token: self.token, json: { name: `Renamed ${role}` } });
      expect(own.status, role).toBe(200);
      expect(own.body).toMatchObject({ id: self.id, name: `Renamed ${role}` });
      const viaMe = await call(updateMe, { method: "PATCH", token: self.token, json: { name: `Me ${role}` } });
      expect(viaMe.status, role).toBe(200);
    }
  });

  it("let a customer delete only their own account", async () => {
    const customer = await createUser("CUSTOMER");
    const target = await createUser("CUSTOMER");
    const before = await databaseSnapshot();
    const other = await call(customerItem.DELETE, { method: "DELETE", params: { id: target.id }, token: customer.token });
    expect(other.status).toBe(403);
    expect(await databaseSnapshot()).toEqual(before);
    const own = await call(customerItem.DELETE, { method: "DELETE", params: { id: customer.id }, token: customer.token });
    expect(own.status).toBe(204);
    expect(await db.user.findUnique({ where: { id: customer.id } })).toBeNull();
    expect((await call(me, { token: customer.token })).status).toBe(401);
  });

  it("show contact details and credits only to the user themself and to user managers", async () => {
    const viewer = await createUser("CUSTOMER");
    const subject = await createUser("CUSTOMER");
    const asPeer = await call<Record<string, unknown>>(customerItem.GET, { params: { id: subject.id }, token: viewer.token });
    expect(asPeer.body).toEqual({ id: subject.id, name: "Test customer", role: "CUSTOMER", roleId: 3 });
    const asAdmin = await call<Record<string, unknown>>(customerItem.GET, { params: { id: subject.id }, token: actors.ADMIN.token });
    expect(asAdmin.body).toMatchObject({ email: subject.email, phone: subject.phone, credits: 50 });
    // Both accounts are the newest customers: read the last page of the list.
    const total = Number((await call(customers.GET, { token: viewer.token, path: "/api/v1/customers/?limit=1" })).headers.get("x-total-count"));
    const list = await call<Array<Record<string, unknown>>>(customers.GET, {
      token: viewer.token,
      path: `/api/v1/customers/?limit=10&offset=${Math.max(0, total - 10)}`,
    });
    expect(list.body.find((user) => user.id === viewer.id)).toHaveProperty("email");
    expect(list.body.find((user) => user.id === subject.id)).not.toHaveProperty("email");
  });
});

describe("user administration", () => {
  it("creates staff accounts with the right role prefix", async () => {
    for (const [handler, prefix, role] of [
      [mechanics.POST, "MEC", "MECHANIC"],
      [employees.POST, "EMP", "EMPLOYEE"],
      [admins.POST, "ADM", "ADMIN"],
    ] as const) {
      const response = await call<Record<string, unknown>>(handler, { token: actors.ADMIN.token, json: { ...newAccount(), role: "CUSTOMER" } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role, credits: 0 });
      expect(response.body.id).toMatch(new RegExp(`^${prefix}\\d{6}$`));
    }
  });

  it("answers 404 for unknown ids and ids of another role, 422 for bad input, changing nothing", async () => {
    const before = await databaseSnapshot();
    const admin = actors.ADMIN.token;
    expect((await call(userItem.GET, { params: { id: "CST999999" }, token: admin })).status).toBe(404);
    expect((await call(customerItem.GET, { params: { id: others.MECHANIC.id }, token: admin })).status).toBe(404);
    expect((await call(customerItem.PATCH, { method: "PATCH", params: { id: "nonsense" }, token: admin, json: { name: "x" } })).status).toBe(404);
    expect((await call(userItem.DELETE, { method: "DELETE", params: { id: "CST999999" }, token: admin })).status).toBe(404);
    const invalid = [
      await call(userItem.PATCH, { method: "PATCH", params: { id: others.CUSTOMER.id }, token: admin, json: {} }),
      await call(userItem.PATCH, { method: "PATCH", params: { id: others.CUSTOMER.id }, token: admin, json: { email: "nope" } }),
      await call(userItem.PATCH, { method: "PATCH", params: { id: others.CUSTOMER.id }, token: admin, rawBody: "{" }),
      await call(mechanics.POST, { token: admin, json: { name: "No Contact" } }),
      await call(rolePermissions.PUT, { method: "PUT", params: { id: "2" }, token: admin, json: { scopes: ["FLY:ROCKETS"] } }),
      await call(rolePermissions.PUT, { method: "PUT", params: { id: "two" }, token: admin, json: { scopes: [] } }),
    ];
    expect(invalid.map((response) => response.status)).toEqual([422, 422, 422, 422, 422, 422]);
    expect((await call(rolePermissions.PUT, { method: "PUT", params: { id: "99" }, token: admin, json: { scopes: [] } })).status).toBe(404);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("answers 409 when an edit would take another user's email", async () => {
    const subject = await createUser("CUSTOMER");
    const before = await databaseSnapshot();
    const response = await call(userItem.PATCH, {
      method: "PATCH",
      params: { id: subject.id },
      token: actors.ADMIN.token,
      json: { email: others.MECHANIC.email },
    });
    expect(response.status).toBe(409);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("never deletes the last admin", async () => {
    const survivor = await createUser("ADMIN");
    const otherAdmins = await db.user.findMany({ where: { roleId: 1, NOT: { id: survivor.id } } });
    for (const admin of otherAdmins) {
      expect((await call(adminItem.DELETE, { method: "DELETE", params: { id: admin.id }, token: survivor.token })).status).toBe(204);
    }
    const before = await databaseSnapshot();
    const last = await call(adminItem.DELETE, { method: "DELETE", params: { id: survivor.id }, token: survivor.token });
    expect(last.status).toBe(409);
    expect(await databaseSnapshot()).toEqual(before);
    actors.ADMIN = await createUser("ADMIN");
  });
});

describe("editing the matrix", () => {
  it("applies to the next request of that role without a new login, and is audited", async () => {
    const mechanic = await createUser("MECHANIC");
    const admin = actors.ADMIN.token;
    expect((await call(customers.GET, { token: mechanic.token })).status).toBe(200);
    const withoutReadCustomers = defaultRoleScopes("MECHANIC").filter((scope) => scope !== "READ:CUSTOMERS");
    const changed = await call<{ scopes: string[] }>(rolePermissions.PUT, { method: "PUT", params: { id: "2" }, token: admin, json: { scopes: withoutReadCustomers } });
    expect(changed.status).toBe(200);
    expect(changed.body.scopes).not.toContain("READ:CUSTOMERS");
    try {
      expect((await call(customers.GET, { token: mechanic.token })).status).toBe(403);
      const audit = await db.auditLog.findFirst({ where: { action: "permissions_changed" }, orderBy: { id: "desc" } });
      expect(audit?.detail).toMatchObject({ role: "MECHANIC", removed: ["READ:CUSTOMERS"], added: [] });
      expect(await db.auditLog.count({ where: { action: "access_denied", actorId: mechanic.id, subject: "READ:CUSTOMERS" } })).toBe(1);
    } finally {
      await call(rolePermissions.PUT, { method: "PUT", params: { id: "2" }, token: admin, json: { scopes: [...defaultRoleScopes("MECHANIC")] } });
    }
    expect((await call(customers.GET, { token: mechanic.token })).status).toBe(200);
  });

  it("refuses to take READ:RBAC or UPDATE:RBAC away from ADMIN", async () => {
    const before = await databaseSnapshot();
    const response = await call(rolePermissions.PUT, {
      method: "PUT",
      params: { id: "1" },
      token: actors.ADMIN.token,
      json: { scopes: defaultRoleScopes("ADMIN").filter((scope) => scope !== "UPDATE:RBAC") },
    });
    expect(response.status).toBe(409);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("lists roles with their scopes as seeded", async () => {
    const response = await call<Array<{ id: number; name: string; scopes: string[] }>>(roles.GET, { token: actors.ADMIN.token });
    expect(response.body.map((role) => role.name)).toEqual(["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"]);
    const customer = response.body.find((role) => role.name === "CUSTOMER")!;
    expect(customer.scopes).toEqual(expect.arrayContaining(["WRITE:SPOTS", "WRITE:RENTALS", "READ:CREDITS"]));
    expect(customer.scopes).not.toContain("READ:ADMINS");
    const employee = response.body.find((role) => role.name === "EMPLOYEE")!;
    expect(employee.scopes).toEqual(expect.arrayContaining(["WRITE:BRANCHES", "UPDATE:VEHICLES", "UPDATE:RENTALS"]));
  });
});
