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
import * as addresses from "@/app/api/v1/addresses/route";
import * as address from "@/app/api/v1/addresses/[id]/route";
import * as areas from "@/app/api/v1/areas/route";
import * as area from "@/app/api/v1/areas/[id]/route";
import * as bookings from "@/app/api/v1/bookings/route";
import * as booking from "@/app/api/v1/bookings/[id]/route";
import * as customerBookings from "@/app/api/v1/bookings/customer/route";
import * as carModels from "@/app/api/v1/car-models/route";
import * as carModel from "@/app/api/v1/car-models/[id]/route";
import * as cart from "@/app/api/v1/cart/route";
import * as content from "@/app/api/v1/content/route";
import * as customerCars from "@/app/api/v1/customer-cars/route";
import * as customerCar from "@/app/api/v1/customer-cars/[id]/route";
import * as favourites from "@/app/api/v1/favourites/route";
import * as slots from "@/app/api/v1/garage/slots/route";
import * as gst from "@/app/api/v1/gst/route";
import * as priceChart from "@/app/api/v1/price-chart/route";
import * as priceChartEntry from "@/app/api/v1/price-chart/[id]/route";
import * as queries from "@/app/api/v1/queries/route";
import * as query from "@/app/api/v1/queries/[id]/route";
import * as serviceCategories from "@/app/api/v1/service-categories/route";
import * as serviceCategory from "@/app/api/v1/service-categories/[id]/route";
import * as services from "@/app/api/v1/services/route";
import * as service from "@/app/api/v1/services/[id]/route";
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
  ["/api/v1/service-categories", serviceCategories],
  ["/api/v1/services", services],
  ["/api/v1/car-models", carModels],
  ["/api/v1/price-chart", priceChart],
  ["/api/v1/gst", gst],
  ["/api/v1/areas", areas],
  ["/api/v1/content", content],
  ["/api/v1/favourites", favourites],
  ["/api/v1/customer-cars", customerCars],
  ["/api/v1/addresses", addresses],
  ["/api/v1/cart", cart],
  ["/api/v1/bookings", bookings],
  ["/api/v1/bookings/customer", customerBookings],
  ["/api/v1/garage/slots?date=2030-01-01&minutes=30&", slots],
  ["/api/v1/queries", queries],
];

/** Answers that are not pages: fixed small sets (GST rates, the shop's pages), the cart (one object) and the free slots of a day. */
const UNPAGED = new Set(["/api/v1/gst", "/api/v1/content", "/api/v1/cart", "/api/v1/garage/slots?date=2030-01-01&minutes=30&"]);

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
  for (const [path, routes] of lists.filter(([path]) => !path.startsWith("/api/v1/events") && path !== "/api/v1/notifications" && path !== "/api/v1/credits" && !UNPAGED.has(path))) {
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
  ["/api/v1/service-categories/{id}", serviceCategory],
  ["/api/v1/services/{id}", service],
  ["/api/v1/car-models/{id}", carModel],
  ["/api/v1/price-chart/{id}", priceChartEntry],
  ["/api/v1/areas/{id}", area],
  ["/api/v1/customer-cars/{id}", customerCar],
  ["/api/v1/addresses/{id}", address],
  ["/api/v1/bookings/{id}", booking],
  ["/api/v1/queries/{id}", query],
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
