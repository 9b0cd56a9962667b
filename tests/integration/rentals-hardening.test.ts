import { beforeAll, describe, expect, it } from "vitest";
import * as branchCollection from "@/app/api/v1/branches/route";
import * as branchItem from "@/app/api/v1/branches/[id]/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import * as pickupRoute from "@/app/api/v1/rentals/[id]/pickup/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import * as vehicleCollection from "@/app/api/v1/vehicles/route";
import * as vehicleItem from "@/app/api/v1/vehicles/[id]/route";
import * as vehicleRentals from "@/app/api/v1/vehicles/[id]/rentals/route";
import { db } from "@/lib/db";
import { addDays, today } from "@/lib/modules/rentals/view-models/dates";
import type { BranchView, RentalView, VehicleView } from "@/lib/modules/rentals/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { branchInput, day, newBranch, newRental, newVehicle, rentalSnapshot, uniqueSuffix, vehicleInput, withQuery } from "../support/rentals";

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };

let employee: TestUser;
let customer: TestUser;
let branch: BranchView;

beforeAll(async () => {
  [employee, customer] = await Promise.all([createUser("EMPLOYEE"), createUser("CUSTOMER")]);
  branch = await newBranch(employee.token, { city: `Hardtown ${uniqueSuffix()}` });
});

const post = (handler: unknown, id: string) => call<RentalView>(handler, { method: "POST", token: employee.token, params: { id } });

describe("list queries refuse what they would otherwise ignore or misread (422 naming the parameter)", () => {
  const cases: Array<[unknown, string, string, string]> = [
    [vehicleCollection.GET, "/api/v1/vehicles", "maxPrice=%20", "maxPrice"],
    [vehicleCollection.GET, "/api/v1/vehicles", "minPrice=0x10", "minPrice"],
    [vehicleCollection.GET, "/api/v1/vehicles", "maxPrice=1e2", "maxPrice"],
    [vehicleCollection.GET, "/api/v1/vehicles", "minPrice=10.555", "minPrice"],
    [vehicleCollection.GET, "/api/v1/vehicles", "limit=0x10", "limit"],
    [vehicleCollection.GET, "/api/v1/vehicles", "offset=1e1", "offset"],
    [vehicleCollection.GET, "/api/v1/vehicles", "type=CAR&type=VAN", "type"],
    [vehicleCollection.GET, "/api/v1/vehicles", "page=2", "page"],
    [vehicleCollection.GET, "/api/v1/vehicles", "price_max=50", "price_max"],
    [rentalCollection.GET, "/api/v1/rentals", "status=PENDING&status=APPROVED", "status"],
    [rentalCollection.GET, "/api/v1/rentals", "page=2", "page"],
    [rentalCollection.GET, "/api/v1/rentals", "limit=%205", "limit"],
    [branchCollection.GET, "/api/v1/branches", "city=A&city=B", "city"],
    [branchCollection.GET, "/api/v1/branches", "name=x", "name"],
  ];
  for (const [handler, path, query, field] of cases) {
    it(`${path}?${query}`, async () => {
      const response = await call<FieldErrors>(handler, { token: employee.token, path: `${path}?${query}` });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body.detail.map((error) => error.loc)).toContainEqual(["query", field]);
    });
  }

  it("still reads well-formed values: decimals with cents, whole numbers, booleans", async () => {
    const car = await newVehicle(employee.token, branch.id, { dailyPrice: 24.99 });
    const response = await call<VehicleView[]>(vehicleCollection.GET, {
      token: customer.token,
      path: withQuery("/api/v1/vehicles", { branchId: branch.id, minPrice: "24.99", maxPrice: "25", limit: "5", offset: "0" }),
    });
    expect(response.status).toBe(200);
    expect(response.body.map((vehicle) => vehicle.id)).toContain(car.id);
    const branches = await call(branchCollection.GET, { token: customer.token, path: "/api/v1/branches?active=true&limit=10" });
    expect(branches.status).toBe(200);
  });
});

describe("plates are one plate whatever the spacing, dashes or case", () => {
  it("refuses AB123 / ab-123 / AB 1 23 when AB 123 exists (409), on create and on rename, changing nothing", async () => {
    const base = `Q${uniqueSuffix()}`;
    const existing = await newVehicle(employee.token, branch.id, { plate: `${base} 123` });
    const other = await newVehicle(employee.token, branch.id);
    const before = await rentalSnapshot();
    for (const spelling of [`${base}123`, `${base.toLowerCase()}-123`, `${base} 1 23`, `${base}--123`]) {
      const created = await call(vehicleCollection.POST, { token: employee.token, json: vehicleInput(branch.id, { plate: spelling }) });
      expect(created, spelling).toMatchObject({ status: 409, body: { detail: "A vehicle with this plate already exists." } });
      const renamed = await call(vehicleItem.PATCH, { method: "PATCH", token: employee.token, params: { id: other.id }, json: { plate: spelling } });
      expect(renamed.status, spelling).toBe(409);
    }
    expect(await rentalSnapshot()).toEqual(before);
    expect(existing.plate).toBe(`${base} 123`);
    const own = await call<VehicleView>(vehicleItem.PATCH, { method: "PATCH", token: employee.token, params: { id: existing.id }, json: { plate: `${base}-123` } });
    expect(own).toMatchObject({ status: 200, body: { plate: `${base}-123` } });
  });
});

describe("branch names are unique whatever the case or spacing", () => {
  it("refuses a name differing only in case or spaces (409) on create and rename, changing nothing; spaces are collapsed", async () => {
    const name = `North Yard ${uniqueSuffix()}`;
    const created = await newBranch(employee.token, { name: ` ${name.replace(" ", "   ")} ` });
    expect(created.name).toBe(name);
    const other = await newBranch(employee.token);
    const before = await rentalSnapshot();
    for (const spelling of [name.toLowerCase(), name.toUpperCase(), name.replace(/ /g, "  ")]) {
      const response = await call(branchCollection.POST, { token: employee.token, json: branchInput({ name: spelling }) });
      expect(response, spelling).toMatchObject({ status: 409, body: { detail: "A branch with this name already exists." } });
      const renamed = await call(branchItem.PATCH, { method: "PATCH", token: employee.token, params: { id: other.id }, json: { name: spelling } });
      expect(renamed.status, spelling).toBe(409);
    }
    expect(await rentalSnapshot()).toEqual(before);
    const recased = await call<BranchView>(branchItem.PATCH, { method: "PATCH", token: employee.token, params: { id: created.id }, json: { name: name.toUpperCase() } });
    expect(recased).toMatchObject({ status: 200, body: { name: name.toUpperCase() } });
  });
});

describe("availability of a vehicle that is still out", () => {
  it("an overdue active rental keeps its vehicle out of windows from today on until it is returned", async () => {
    const car = await newVehicle(employee.token, branch.id);
    const rental = await newRental(customer.token, car.id, 0, 2);
    expect((await post(approveRoute.POST, rental.id)).status).toBe(200);
    expect((await post(pickupRoute.POST, rental.id)).status).toBe(200);
    await db.rental.update({ where: { id: rental.id }, data: { startDate: addDays(today(), -3), endDate: addDays(today(), -1) } });
    const available = async (from: number, to: number) => {
      const response = await call<VehicleView[]>(vehicleCollection.GET, {
        token: customer.token,
        path: withQuery("/api/v1/vehicles", { branchId: branch.id, availableFrom: day(from), availableTo: day(to), limit: "200" }),
      });
      expect(response.status).toBe(200);
      return response.body.map((vehicle) => vehicle.id);
    };
    expect(await available(0, 2)).not.toContain(car.id);
    expect(await available(-10, -6)).toContain(car.id);
  });
});

describe("staff filters on GET /rentals", () => {
  it("by branch and by a period overlapping the rental", async () => {
    const elsewhere = await newBranch(employee.token);
    const here = await newVehicle(employee.token, branch.id);
    const there = await newVehicle(employee.token, elsewhere.id);
    const early = await newRental(customer.token, here.id, 10, 12);
    const late = await newRental(customer.token, here.id, 20, 25);
    const away = await newRental(customer.token, there.id, 10, 12);
    const list = async (query: Record<string, string>) => {
      const response = await call<RentalView[]>(rentalCollection.GET, { token: employee.token, path: withQuery("/api/v1/rentals", { limit: "200", ...query }) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.map((rental) => rental.id);
    };
    expect((await list({ branchId: elsewhere.id })).sort()).toEqual([away.id]);
    expect(await list({ branchId: branch.id, from: day(11), to: day(13), sort: "start" })).toEqual([early.id]);
    expect(await list({ branchId: branch.id, from: day(12), to: day(20) })).toEqual([]);
    expect(await list({ branchId: branch.id, from: day(1), sort: "start" })).toEqual(expect.arrayContaining([early.id, late.id]));
    expect(await list({ vehicleId: here.id, to: day(15) })).toEqual([early.id]);
    const badQueries: Array<Record<string, string>> = [{ branchId: "x" }, { from: "2030-02-30" }, { from: day(5), to: day(5) }];
    for (const query of badQueries) {
      expect((await call(rentalCollection.GET, { token: employee.token, path: withQuery("/api/v1/rentals", query) })).status, JSON.stringify(query)).toBe(422);
    }
    const history = await call<RentalView[]>(vehicleRentals.GET, { token: employee.token, params: { id: here.id }, path: withQuery("/x", { from: day(19) }) });
    expect(history.body.map((rental) => rental.id)).toEqual([late.id]);
  });
});
