import { beforeAll, describe, expect, it } from "vitest";
import * as admins from "@/app/api/v1/admins/route";
import * as branch from "@/app/api/v1/branches/[id]/route";
import * as branches from "@/app/api/v1/branches/route";
import * as credits from "@/app/api/v1/credits/route";
import * as customer from "@/app/api/v1/customers/[id]/route";
import * as customers from "@/app/api/v1/customers/route";
import * as employees from "@/app/api/v1/employees/route";
import * as failures from "@/app/api/v1/events/failures/route";
import * as events from "@/app/api/v1/events/route";
import * as mechanics from "@/app/api/v1/mechanics/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as rental from "@/app/api/v1/rentals/[id]/route";
import * as rentals from "@/app/api/v1/rentals/route";
import * as reservation from "@/app/api/v1/reservations/[id]/route";
import * as reservations from "@/app/api/v1/reservations/route";
import * as spot from "@/app/api/v1/spots/[id]/route";
import * as spots from "@/app/api/v1/spots/route";
import * as user from "@/app/api/v1/users/[id]/route";
import * as users from "@/app/api/v1/users/route";
import * as vehicle from "@/app/api/v1/vehicles/[id]/route";
import * as vehicles from "@/app/api/v1/vehicles/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

/** The one input policy (README "How a module is built"), checked on every endpoint of the platform and of every module. */

interface FieldErrors {
  detail: Array<{ loc: Array<string | number>; msg: string }>;
}

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("ADMIN");
});

const lists: Array<[string, { GET: unknown }]> = [
  ["/api/v1/users", users],
  ["/api/v1/customers", customers],
  ["/api/v1/mechanics", mechanics],
  ["/api/v1/employees", employees],
  ["/api/v1/admins", admins],
  ["/api/v1/events?topic=user_events&", events],
  ["/api/v1/events/failures", failures],
  ["/api/v1/notifications", notifications],
  ["/api/v1/spots", spots],
  ["/api/v1/reservations", reservations],
  ["/api/v1/credits", credits],
  ["/api/v1/branches", branches],
  ["/api/v1/vehicles", vehicles],
  ["/api/v1/rentals", rentals],
];

const join = (path: string, query: string) => (path.endsWith("&") ? `${path}${query}` : `${path}?${query}`);

describe("query strings: a parameter an endpoint does not know is a 422 naming it", () => {
  for (const [path, routes] of lists) {
    it(path, async () => {
      const response = await call<FieldErrors>(routes.GET, { token: admin.token, path: join(path, "colour=red") });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body.detail.map((error) => error.loc)).toEqual([["query", "colour"]]);
    });
  }
});

describe("lists answer one page the same way: a JSON array, the total in X-Total-Count, limit and offset", () => {
  for (const [path, routes] of lists.filter(([path]) => !path.startsWith("/api/v1/events") && path !== "/api/v1/notifications" && path !== "/api/v1/credits")) {
    it(path, async () => {
      const response = await call<unknown[]>(routes.GET, { token: admin.token, path: join(path, "limit=1&offset=0") });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(Array.isArray(response.body)).toBe(true);
      expect((response.body as unknown[]).length).toBeLessThanOrEqual(1);
      expect(Number(response.headers.get("x-total-count"))).toBeGreaterThanOrEqual((response.body as unknown[]).length);
    });
  }
});

const items: Array<[string, { GET: unknown }]> = [
  ["/api/v1/users/{id}", user],
  ["/api/v1/customers/{id}", customer],
  ["/api/v1/spots/{id}", spot],
  ["/api/v1/reservations/{id}", reservation],
  ["/api/v1/branches/{id}", branch],
  ["/api/v1/vehicles/{id}", vehicle],
  ["/api/v1/rentals/{id}", rental],
];

describe("path ids: a malformed id cannot name anything, so it is the same 404 as an unknown one", () => {
  for (const [path, routes] of items) {
    it(path, async () => {
      for (const id of ["not-an-id", "1", "00000000-0000-0000-0000-00000000000g", "CST12"]) {
        const response = await call<{ detail: unknown }>(routes.GET, { token: admin.token, path: path.replace("{id}", id), params: { id } });
        expect(response.status, `${id}: ${JSON.stringify(response.body)}`).toBe(404);
        expect(typeof response.body.detail).toBe("string");
      }
    });
  }
});
