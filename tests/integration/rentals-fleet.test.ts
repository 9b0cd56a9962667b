import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as branchCollection from "@/app/api/v1/branches/route";
import * as branchItem from "@/app/api/v1/branches/[id]/route";
import * as rentalItemApprove from "@/app/api/v1/rentals/[id]/approve/route";
import * as vehicleCollection from "@/app/api/v1/vehicles/route";
import * as vehicleItem from "@/app/api/v1/vehicles/[id]/route";
import * as vehicleStatus from "@/app/api/v1/vehicles/[id]/status/route";
import type { RoleName } from "@/lib/identity/roles";
import type { BranchView, VehicleView } from "@/lib/modules/rentals/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import {
  branchInput,
  day,
  eventsFor,
  newBranch,
  newRental,
  newVehicle,
  rentalSnapshot,
  uniqueSuffix,
  vehicleInput,
  withQuery,
} from "../support/rentals";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
let users: Record<RoleName, TestUser>;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<
    RoleName,
    TestUser
  >;
});

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

describe("branches", () => {
  it("employees and admins create a branch (201), written with its event in the same transaction", async () => {
    for (const role of ["EMPLOYEE", "ADMIN"] as const) {
      const input = branchInput({ phone: "+1 (555) 000-1111" });
      const response = await call<BranchView>(branchCollection.POST, { token: users[role].token, json: input });
      expect(response.status, role).toBe(201);
      expect(response.body).toMatchObject({ ...input, phone: "+15550001111", active: true });
      const events = await eventsFor(response.body.id);
      expect(events).toEqual([{ topic: "branch_events", type: "branch.created", payload: response.body, actor: users[role].id }]);
    }
  });

  it("everyone signed in reads branches; unknown or malformed ids are 404; no token is 401", async () => {
    const branch = await newBranch(users.EMPLOYEE.token, { city: `Readville ${uniqueSuffix()}` });
    for (const role of ROLES) {
      const item = await call<BranchView>(branchItem.GET, { token: users[role].token, params: { id: branch.id } });
      expect(item.status, role).toBe(200);
      expect(item.body).toEqual(branch);
      const list = await call<BranchView[]>(branchCollection.GET, {
        token: users[role].token,
        path: withQuery("/api/v1/branches", { city: branch.city.toUpperCase() }),
      });
      expect(list.status, role).toBe(200);
      expect(list.body).toEqual([branch]);
      expect(list.headers.get("X-Total-Count")).toBe("1");
    }
    for (const id of [UNKNOWN_ID, "not-a-uuid", "1"]) {
      const response = await call<Detail>(branchItem.GET, { token: users.CUSTOMER.token, params: { id } });
      expect(response.status, id).toBe(404);
      expect(response.body).toEqual({ detail: "Branch not found." });
    }
    expect((await call(branchCollection.GET, {})).status).toBe(401);
  });

  it("refuses a duplicate name (409) and bad input (422 naming every field), changing nothing", async () => {
    const branch = await newBranch(users.EMPLOYEE.token);
    const before = await rentalSnapshot();
    const duplicate = await call<Detail>(branchCollection.POST, { token: users.EMPLOYEE.token, json: branchInput({ name: branch.name }) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ detail: "A branch with this name already exists." });

    const invalid = await call(branchCollection.POST, {
      token: users.EMPLOYEE.token,
      json: { name: " ", address: "", phone: "12", openingHours: 5, active: "yes" },
    });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid.body).sort()).toEqual(["active", "address", "city", "name", "openingHours", "phone"]);
    expect((await call(branchCollection.POST, { token: users.EMPLOYEE.token, rawBody: "{nope" })).status).toBe(422);
    const renameToTaken = await newBranch(users.EMPLOYEE.token);
    const afterSecond = await rentalSnapshot();
    expect((await call(branchItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: renameToTaken.id }, json: { name: branch.name } })).status).toBe(409);
    expect((await call(branchItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: renameToTaken.id }, json: {} })).status).toBe(422);
    expect(await rentalSnapshot()).toEqual(afterSecond);
    expect(before.branches.length + 1).toBe(afterSecond.branches.length);
  });

  it("updates a branch (200) with a branch.updated event carrying the new state", async () => {
    const branch = await newBranch(users.EMPLOYEE.token);
    const response = await call<BranchView>(branchItem.PATCH, {
      method: "PATCH",
      token: users.EMPLOYEE.token,
      params: { id: branch.id },
      json: { openingHours: "Every day 07:00–22:00", active: false },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: branch.id, name: branch.name, openingHours: "Every day 07:00–22:00", active: false });
    expect((await eventsFor(branch.id)).at(-1)).toMatchObject({ type: "branch.updated", payload: response.body });
  });

  it("deletes only a branch without vehicles (409 otherwise, changing nothing)", async () => {
    const branch = await newBranch(users.EMPLOYEE.token);
    await newVehicle(users.EMPLOYEE.token, branch.id);
    const before = await rentalSnapshot();
    const refused = await call<Detail>(branchItem.DELETE, { method: "DELETE", token: users.EMPLOYEE.token, params: { id: branch.id } });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain("still has vehicles");
    expect(await rentalSnapshot()).toEqual(before);

    const empty = await newBranch(users.EMPLOYEE.token);
    const deleted = await call(branchItem.DELETE, { method: "DELETE", token: users.ADMIN.token, params: { id: empty.id } });
    expect(deleted.status).toBe(204);
    expect((await call(branchItem.GET, { token: users.EMPLOYEE.token, params: { id: empty.id } })).status).toBe(404);
    expect((await eventsFor(empty.id)).map((event) => event.type)).toEqual(["branch.created", "branch.deleted"]);
    expect((await call(branchItem.DELETE, { method: "DELETE", token: users.EMPLOYEE.token, params: { id: empty.id } })).status).toBe(404);
  });
});

describe("vehicles", () => {
  let branch: BranchView;
  beforeAll(async () => {
    branch = await newBranch(users.EMPLOYEE.token);
  });

  it("employees create a vehicle (201): plate normalised, price as dailyPrice, vehicle.created with the full state", async () => {
    const input = vehicleInput(branch.id, { plate: `  ab ${uniqueSuffix()}  x `, dailyPrice: 49.99 });
    const response = await call<VehicleView>(vehicleCollection.POST, { token: users.EMPLOYEE.token, json: input });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      make: "Toyota",
      model: "Corolla",
      plate: input.plate.trim().replace(/\s+/g, " ").toUpperCase(),
      dailyPrice: 49.99,
      status: "AVAILABLE",
      branchId: branch.id,
      branch: { id: branch.id, name: branch.name, city: branch.city, active: true },
    });
    expect(await eventsFor(response.body.id)).toEqual([
      { topic: "vehicle_events", type: "vehicle.created", payload: response.body, actor: users.EMPLOYEE.id },
    ]);
  });

  it("refuses a duplicate plate in any spelling (409)", async () => {
    const vehicle = await newVehicle(users.EMPLOYEE.token, branch.id);
    const before = await rentalSnapshot();
    const response = await call<Detail>(vehicleCollection.POST, {
      token: users.EMPLOYEE.token,
      json: vehicleInput(branch.id, { plate: ` ${vehicle.plate.toLowerCase()} ` }),
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ detail: "A vehicle with this plate already exists." });
    const other = await newVehicle(users.EMPLOYEE.token, branch.id);
    const afterOther = await rentalSnapshot();
    const rename = await call(vehicleItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: other.id }, json: { plate: vehicle.plate } });
    expect(rename.status).toBe(409);
    expect(await rentalSnapshot()).toEqual(afterOther);
    expect(afterOther.vehicles.length).toBe(before.vehicles.length + 1);
  });

  it("validates every field (422 with the field) and changes nothing", async () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ year: 1949 }, "year"],
      [{ year: nextYear + 1 }, "year"],
      [{ year: 2020.5 }, "year"],
      [{ type: "PLANE" }, "type"],
      [{ transmission: "CVT" }, "transmission"],
      [{ fuel: "COAL" }, "fuel"],
      [{ dailyPrice: 0 }, "dailyPrice"],
      [{ dailyPrice: -10 }, "dailyPrice"],
      [{ dailyPrice: 10.999 }, "dailyPrice"],
      [{ dailyPrice: "40" }, "dailyPrice"],
      [{ seats: 0 }, "seats"],
      [{ plate: "" }, "plate"],
      [{ plate: "!!" }, "plate"],
      [{ make: "" }, "make"],
      [{ branchId: "branch-one" }, "branchId"],
      [{ photoUrl: "javascript:alert(1)" }, "photoUrl"],
      [{ status: "RENTED" }, "status"],
    ];
    const before = await rentalSnapshot();
    for (const [override, field] of cases) {
      const response = await call(vehicleCollection.POST, { token: users.EMPLOYEE.token, json: vehicleInput(branch.id, override) });
      expect(response.status, JSON.stringify(override)).toBe(422);
      expect(fieldsOf(response.body), JSON.stringify(override)).toContain(field);
    }
    const missing = await call(vehicleCollection.POST, { token: users.EMPLOYEE.token, json: {} });
    expect(fieldsOf(missing.body).sort()).toEqual(
      ["branchId", "dailyPrice", "fuel", "make", "model", "plate", "seats", "transmission", "type", "year"].sort(),
    );
    const unknownBranch = await call<Detail>(vehicleCollection.POST, { token: users.EMPLOYEE.token, json: vehicleInput(UNKNOWN_ID) });
    expect(unknownBranch.status).toBe(404);
    expect(unknownBranch.body).toEqual({ detail: "Branch not found." });
    expect(await rentalSnapshot()).toEqual(before);

    const accepted = await call<VehicleView>(vehicleCollection.POST, {
      token: users.EMPLOYEE.token,
      json: vehicleInput(branch.id, { year: nextYear, type: "MOTORBIKE", seats: 2, photoUrl: null, transmission: "MANUAL", fuel: "PETROL" }),
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ year: nextYear, type: "MOTORBIKE", photoUrl: null });
  });

  it("updates details but not the status through PATCH /vehicles/{id}; unknown ids are 404", async () => {
    const vehicle = await newVehicle(users.EMPLOYEE.token, branch.id);
    const other = await newBranch(users.EMPLOYEE.token);
    const moved = await call<VehicleView>(vehicleItem.PATCH, {
      method: "PATCH",
      token: users.EMPLOYEE.token,
      params: { id: vehicle.id },
      json: { dailyPrice: 55.5, branchId: other.id, seats: 4 },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ dailyPrice: 55.5, branchId: other.id, seats: 4, branch: { name: other.name } });
    expect((await eventsFor(vehicle.id)).at(-1)).toMatchObject({ type: "vehicle.updated", payload: moved.body });

    const before = await rentalSnapshot();
    const withStatus = await call(vehicleItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: { status: "RETIRED" } });
    expect(withStatus.status).toBe(422);
    expect(fieldsOf(withStatus.body)).toEqual(["status"]);
    expect((await call(vehicleItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: UNKNOWN_ID }, json: { seats: 3 } })).status).toBe(404);
    expect((await call(vehicleItem.GET, { token: users.CUSTOMER.token, params: { id: "nope" } })).status).toBe(404);
    expect(
      (await call(vehicleItem.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: { branchId: UNKNOWN_ID } })).status,
    ).toBe(404);
    expect(await rentalSnapshot()).toEqual(before);
  });

  it("PATCH /vehicles/{id}/status: maintenance, retired and back, never RENTED by hand; vehicle.status_changed each time", async () => {
    const vehicle = await newVehicle(users.EMPLOYEE.token, branch.id);
    for (const status of ["MAINTENANCE", "RETIRED", "AVAILABLE"]) {
      const response = await call<VehicleView>(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: { status } });
      expect(response.status, status).toBe(200);
      expect(response.body.status).toBe(status);
      expect((await eventsFor(vehicle.id)).at(-1)).toMatchObject({ type: "vehicle.status_changed", payload: response.body });
    }
    const before = await rentalSnapshot();
    const same = await call<VehicleView>(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: { status: "AVAILABLE" } });
    expect(same.status).toBe(200);
    for (const body of [{ status: "RENTED" }, { status: "broken" }, {}]) {
      const response = await call(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(fieldsOf(response.body)).toEqual(["status"]);
    }
    expect((await call(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: UNKNOWN_ID }, json: { status: "RETIRED" } })).status).toBe(404);
    expect(await rentalSnapshot()).toEqual(before);
  });

  it("a vehicle in maintenance or retired cannot be approved for a rental", async () => {
    const customer = await createUser("CUSTOMER");
    for (const status of ["MAINTENANCE", "RETIRED"] as const) {
      const vehicle = await newVehicle(users.EMPLOYEE.token, branch.id);
      const rental = await newRental(customer.token, vehicle.id, 2, 4);
      await call(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: vehicle.id }, json: { status } });
      const before = await rentalSnapshot();
      const response = await call<Detail>(rentalItemApprove.POST, { method: "POST", token: users.EMPLOYEE.token, params: { id: rental.id } });
      expect(response.status, status).toBe(409);
      expect(String(response.body.detail)).toContain(`is ${status.toLowerCase()}`);
      expect(await rentalSnapshot()).toEqual(before);
    }
  });

  it("deletes a vehicle without rentals (204); one with rentals is kept (409: retire it instead)", async () => {
    const unused = await newVehicle(users.EMPLOYEE.token, branch.id);
    expect((await call(vehicleItem.DELETE, { method: "DELETE", token: users.EMPLOYEE.token, params: { id: unused.id } })).status).toBe(204);
    expect((await call(vehicleItem.GET, { token: users.EMPLOYEE.token, params: { id: unused.id } })).status).toBe(404);
    expect((await eventsFor(unused.id)).map((event) => event.type)).toEqual(["vehicle.created", "vehicle.deleted"]);

    const used = await newVehicle(users.EMPLOYEE.token, branch.id);
    await newRental(users.CUSTOMER.token, used.id, 3, 5);
    const before = await rentalSnapshot();
    const refused = await call<Detail>(vehicleItem.DELETE, { method: "DELETE", token: users.EMPLOYEE.token, params: { id: used.id } });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain("retire it instead");
    expect(await rentalSnapshot()).toEqual(before);
  });
});

describe("who may change the fleet", () => {
  let branch: BranchView;
  let vehicle: VehicleView;
  beforeAll(async () => {
    branch = await newBranch(users.EMPLOYEE.token);
    vehicle = await newVehicle(users.EMPLOYEE.token, branch.id);
  });

  const mutations = (): Array<{ name: string; handler: unknown; request: CallOptions }> => [
    { name: "POST /branches", handler: branchCollection.POST, request: { json: branchInput() } },
    { name: "PATCH /branches/{id}", handler: branchItem.PATCH, request: { method: "PATCH", params: { id: branch.id }, json: { city: "Elsewhere" } } },
    { name: "DELETE /branches/{id}", handler: branchItem.DELETE, request: { method: "DELETE", params: { id: branch.id } } },
    { name: "POST /vehicles", handler: vehicleCollection.POST, request: { json: vehicleInput(branch.id) } },
    { name: "PATCH /vehicles/{id}", handler: vehicleItem.PATCH, request: { method: "PATCH", params: { id: vehicle.id }, json: { seats: 2 } } },
    { name: "PATCH /vehicles/{id}/status", handler: vehicleStatus.PATCH, request: { method: "PATCH", params: { id: vehicle.id }, json: { status: "MAINTENANCE" } } },
    { name: "DELETE /vehicles/{id}", handler: vehicleItem.DELETE, request: { method: "DELETE", params: { id: vehicle.id } } },
  ];

  it("customers and mechanics get 403 for every mutation, and nothing changes", async () => {
    for (const { name, handler, request } of mutations()) {
      for (const role of ["CUSTOMER", "MECHANIC"] as const) {
        const before = await rentalSnapshot();
        const response = await call(handler, { ...request, token: users[role].token });
        expect(response.status, `${name} as ${role}`).toBe(403);
        expect(response.body).toEqual({ detail: "Insufficient permissions." });
        expect(await rentalSnapshot(), `${name} as ${role}`).toEqual(before);
      }
    }
  });

  it("a revoked token (403), a garbage token or none (401) change nothing", async () => {
    const revoked = await createUser("EMPLOYEE");
    await call(logout, { method: "POST", token: revoked.token });
    for (const { name, handler, request } of mutations()) {
      const before = await rentalSnapshot();
      const withRevoked = await call(handler, { ...request, token: revoked.token });
      expect(withRevoked.status, name).toBe(403);
      expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
      expect((await call(handler, { ...request, token: "garbage" })).status, name).toBe(401);
      expect((await call(handler, request)).status, name).toBe(401);
      expect(await rentalSnapshot(), name).toEqual(before);
    }
  });
});

describe("the catalogue's filters", () => {
  const city = `Filterton ${uniqueSuffix()}`;
  let fleet: Record<string, VehicleView>;
  let otherCityVan: VehicleView;

  beforeAll(async () => {
    const north = await newBranch(users.EMPLOYEE.token, { city });
    const south = await newBranch(users.EMPLOYEE.token, { city });
    const elsewhere = await newBranch(users.EMPLOYEE.token, { city: `Othertown ${uniqueSuffix()}` });
    const add = (branchId: string, overrides: Record<string, unknown>) => newVehicle(users.EMPLOYEE.token, branchId, overrides);
    fleet = {
      cheapCar: await add(north.id, { make: "Fiat", model: "Panda", type: "CAR", dailyPrice: 25, year: 2019 }),
      midCar: await add(north.id, { make: "Volkswagen", model: "Golf", type: "CAR", dailyPrice: 45, year: 2023 }),
      suv: await add(south.id, { make: "Kia", model: "Sportage", type: "SUV", dailyPrice: 70, year: 2021 }),
      van: await add(south.id, { make: "Ford", model: "Transit", type: "VAN", dailyPrice: 90, year: 2020 }),
      bike: await add(south.id, { make: "Honda", model: "CB500", type: "MOTORBIKE", dailyPrice: 30, year: 2024, seats: 2 }),
      truck: await add(north.id, { make: "Iveco", model: "Daily", type: "TRUCK", dailyPrice: 120, year: 2018 }),
    };
    otherCityVan = await add(elsewhere.id, { make: "Renault", model: "Master", type: "VAN", dailyPrice: 85 });
  });

  async function list(query: Record<string, string>, token = users.CUSTOMER.token) {
    const response = await call<VehicleView[]>(vehicleCollection.GET, { token, path: withQuery("/api/v1/vehicles", query) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { ids: response.body.map((vehicle) => vehicle.id), total: Number(response.headers.get("X-Total-Count")), body: response.body };
  }

  it("by city (any case), type, branch and price range", async () => {
    expect((await list({ city: city.toLowerCase(), sort: "price" })).ids).toEqual(
      [fleet.cheapCar, fleet.bike, fleet.midCar, fleet.suv, fleet.van, fleet.truck].map((vehicle) => vehicle!.id),
    );
    expect((await list({ city, type: "CAR", sort: "price" })).ids).toEqual([fleet.cheapCar!.id, fleet.midCar!.id]);
    expect((await list({ type: "VAN", city })).ids).toEqual([fleet.van!.id]);
    expect((await list({ type: "VAN" })).ids).toEqual(expect.arrayContaining([fleet.van!.id, otherCityVan.id]));
    expect((await list({ branchId: fleet.suv!.branchId, sort: "-price" })).ids).toEqual([fleet.van!.id, fleet.suv!.id, fleet.bike!.id]);
    expect((await list({ city, minPrice: "30", maxPrice: "70", sort: "price" })).ids).toEqual([fleet.bike!.id, fleet.midCar!.id, fleet.suv!.id]);
    expect((await list({ city, minPrice: "100" })).ids).toEqual([fleet.truck!.id]);
    expect((await list({ city, maxPrice: "24.99" })).ids).toEqual([]);
  });

  it("sorts by price, year and make and pages with limit/offset and X-Total-Count", async () => {
    expect((await list({ city, sort: "-year" })).ids).toEqual(
      [fleet.bike, fleet.midCar, fleet.suv, fleet.van, fleet.cheapCar, fleet.truck].map((vehicle) => vehicle!.id),
    );
    expect((await list({ city, sort: "year" })).ids[0]).toBe(fleet.truck!.id);
    expect((await list({ city, sort: "make" })).body.map((vehicle) => vehicle.make)).toEqual(["Fiat", "Ford", "Honda", "Iveco", "Kia", "Volkswagen"]);
    expect((await list({ city, sort: "-make" })).body.map((vehicle) => vehicle.make)[0]).toBe("Volkswagen");
    const page = await list({ city, sort: "price", limit: "2", offset: "2" });
    expect(page.ids).toEqual([fleet.midCar!.id, fleet.suv!.id]);
    expect(page.total).toBe(6);
  });

  it("by availability window: approved and active rentals overlapping it and vehicles in maintenance are out, pending ones are not", async () => {
    const customer = await createUser("CUSTOMER");
    const approved = await newRental(customer.token, fleet.cheapCar!.id, 10, 15);
    expect((await call(rentalItemApprove.POST, { method: "POST", token: users.EMPLOYEE.token, params: { id: approved.id } })).status).toBe(200);
    await newRental(customer.token, fleet.midCar!.id, 10, 15); // pending only
    await call(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: fleet.truck!.id }, json: { status: "MAINTENANCE" } });

    const window = (from: number, to: number) => list({ city, availableFrom: day(from), availableTo: day(to), sort: "price" });
    expect((await window(12, 14)).ids).toEqual([fleet.bike, fleet.midCar, fleet.suv, fleet.van].map((vehicle) => vehicle!.id));
    // [start, end): a window ending on the rental's start day, or starting on its end day, does not overlap.
    expect((await window(5, 10)).ids).toContain(fleet.cheapCar!.id);
    expect((await window(15, 20)).ids).toContain(fleet.cheapCar!.id);
    expect((await window(14, 16)).ids).not.toContain(fleet.cheapCar!.id);
    expect((await window(1, 30)).total).toBe(4);
    // Without a window, status filters show what is where.
    expect((await list({ city, status: "MAINTENANCE" })).ids).toEqual([fleet.truck!.id]);
    await call(vehicleStatus.PATCH, { method: "PATCH", token: users.EMPLOYEE.token, params: { id: fleet.truck!.id }, json: { status: "AVAILABLE" } });
  });

  it("refuses bad filters with 422 naming the parameter", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ type: "PLANE" }, "type"],
      [{ status: "LOST" }, "status"],
      [{ minPrice: "cheap" }, "minPrice"],
      [{ minPrice: "-1" }, "minPrice"],
      [{ minPrice: "50", maxPrice: "10" }, "maxPrice"],
      [{ availableFrom: day(1) }, "availableTo"],
      [{ availableTo: day(1) }, "availableFrom"],
      [{ availableFrom: day(3), availableTo: day(3) }, "availableTo"],
      [{ availableFrom: "2030-02-30", availableTo: "2030-03-02" }, "availableFrom"],
      [{ sort: "colour" }, "sort"],
      [{ limit: "0" }, "limit"],
      [{ limit: "1000" }, "limit"],
      [{ offset: "-3" }, "offset"],
      [{ branchId: "main" }, "branchId"],
    ];
    for (const [query, field] of cases) {
      const response = await call(vehicleCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/vehicles", query) });
      expect(response.status, JSON.stringify(query)).toBe(422);
      expect((response.body as FieldErrors).detail[0]?.loc).toEqual(["query", field]);
    }
  });
});
