import { beforeAll, describe, expect, it } from "vitest";
import { GET as credits } from "@/app/api/v1/credits/route";
import { GET as spotAvailability } from "@/app/api/v1/spots/[id]/availability/route";
import { GET as events } from "@/app/api/v1/events/route";
import { GET as reservations } from "@/app/api/v1/reservations/route";
import { GET as spots } from "@/app/api/v1/spots/route";
import { GET as users } from "@/app/api/v1/users/route";
import { GET as vehicles } from "@/app/api/v1/vehicles/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

interface FieldErrors {
  detail: Array<{ loc: Array<string | number>; msg: string }>;
}

let admin: TestUser;
let customer: TestUser;

beforeAll(async () => {
  [admin, customer] = await Promise.all([createUser("ADMIN"), createUser("CUSTOMER")]);
});

const lists: Array<[string, unknown, () => TestUser]> = [
  ["/api/v1/users", users, () => admin],
  ["/api/v1/spots", spots, () => customer],
  ["/api/v1/reservations", reservations, () => customer],
  ["/api/v1/credits", credits, () => customer],
  ["/api/v1/vehicles", vehicles, () => customer],
  ["/api/v1/events?topic=user_events&", events, () => admin],
];

const join = (path: string, query: string) => (path.endsWith("&") ? `${path}${query}` : `${path}?${query}`);

describe("every list reads its query string the same way", () => {
  for (const [path, handler, who] of lists) {
    it(`${path}: limit written other than plainly (0x10, 1e2, a leading space) or given twice is a 422 naming it`, async () => {
      for (const query of ["limit=0x10", "limit=1e2", "limit=%2010", "limit=5&limit=6"]) {
        const response = await call<FieldErrors>(handler, { token: who().token, path: join(path, query) });
        expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(422);
        expect(response.body.detail.map((error) => error.loc)).toContainEqual(["query", "limit"]);
      }
    });

    it(`${path}: a blank value counts as unset`, async () => {
      const response = await call(handler, { token: who().token, path: join(path, "limit=") });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    });
  }

  it("a filter given twice is refused rather than one value silently winning", async () => {
    const response = await call<FieldErrors>(spots, { token: customer.token, path: "/api/v1/spots?kind=COMPACT&kind=EV_CHARGER" });
    expect(response.status).toBe(422);
    expect(response.body.detail).toContainEqual(expect.objectContaining({ loc: ["query", "kind"], msg: "give this parameter once" }));
  });
});

describe("parking lists refuse a parameter they do not know", () => {
  const parkingLists: Array<[string, unknown]> = [
    ["/api/v1/spots", spots],
    ["/api/v1/reservations", reservations],
    ["/api/v1/credits", credits],
  ];
  for (const [path, handler] of parkingLists) {
    it(`${path}: an unknown parameter is a 422 naming it; the known ones answer as before`, async () => {
      const refused = await call<FieldErrors>(handler, { token: customer.token, path: `${path}?limit=5&colour=blue&limt=3` });
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.detail.map((error) => error.loc).sort()).toEqual([
        ["query", "colour"],
        ["query", "limt"],
      ]);
      const answered = await call(handler, { token: customer.token, path: `${path}?limit=5` });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    });
  }

  it("a spot's availability refuses an unknown parameter too", async () => {
    const unknownSpot = { id: "00000000-0000-4000-8000-000000000000" };
    const refused = await call<FieldErrors>(spotAvailability, { token: customer.token, params: unknownSpot, path: "/api/v1/spots/x/availability?form=2030-01-01T00:00:00Z" });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.detail.map((error) => error.loc)).toEqual([["query", "form"]]);
    expect((await call(spotAvailability, { token: customer.token, params: unknownSpot, path: "/api/v1/spots/x/availability" })).status).toBe(404);
  });
});
