import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import * as cancelRoute from "@/app/api/v1/rentals/[id]/cancel/route";
import * as rentalItem from "@/app/api/v1/rentals/[id]/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import { resetEnvCache } from "@/lib/env";
import type { BranchView, RentalView } from "@/lib/modules/rentals/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { day, newBranch, newRental, newVehicle, rentalSnapshot, uniqueSuffix } from "../support/rentals";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number; detail?: unknown } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

const RENTAL_FIELDS = "id status startDate endDate days dailyPrice totalPrice amountDue customer { id name } vehicle { id plate branch { name } } history { status actorName }";

let employee: TestUser;
let alice: TestUser;
let bob: TestUser;
let branch: BranchView;

const capBefore = process.env.RENTALS_MAX_OPEN_REQUESTS;
afterAll(() => {
  if (capBefore === undefined) delete process.env.RENTALS_MAX_OPEN_REQUESTS;
  else process.env.RENTALS_MAX_OPEN_REQUESTS = capBefore;
  resetEnvCache();
});

beforeAll(async () => {
  process.env.RENTALS_MAX_OPEN_REQUESTS = "1000";
  resetEnvCache();
  [employee, alice, bob] = await Promise.all([createUser("EMPLOYEE"), createUser("CUSTOMER", "Alice Graph"), createUser("CUSTOMER", "Bob Graph")]);
  branch = await newBranch(employee.token, { city: `Graphton ${uniqueSuffix()}` });
});

describe("GraphQL rentals: reading", () => {
  it("lists branches and the catalogue with the REST filters, and a vehicle's booked periods", async () => {
    const van = await newVehicle(employee.token, branch.id, { type: "VAN", make: "Ford", model: "Transit", dailyPrice: 80 });
    const car = await newVehicle(employee.token, branch.id, { type: "CAR", dailyPrice: 30 });
    const booked = await newRental(alice.token, car.id, 3, 6);
    await call(approveRoute.POST, { method: "POST", token: employee.token, params: { id: booked.id } });

    const branches = await gql<{ branches: Array<{ id: string; phone: string; active: boolean }> }>(
      alice,
      `query($city: String) { branches(filter: { city: $city, active: true }) { id name city phone active } }`,
      { city: branch.city },
    );
    expect(branches.body.errors).toBeUndefined();
    expect(branches.body.data?.branches).toEqual([expect.objectContaining({ id: branch.id, phone: branch.phone, active: true })]);

    const catalogue = `query($filter: VehicleFilter) { vehicles(filter: $filter) { id type dailyPrice branch { id city } } }`;
    const vans = await gql<{ vehicles: Array<{ id: string }> }>(alice, catalogue, { filter: { city: branch.city, type: "VAN" } });
    expect(vans.body.data?.vehicles).toEqual([{ id: van.id, type: "VAN", dailyPrice: 80, branch: { id: branch.id, city: branch.city } }]);
    const cheapFirst = await gql<{ vehicles: Array<{ id: string }> }>(alice, catalogue, { filter: { city: branch.city, sort: "PRICE" } });
    expect(cheapFirst.body.data?.vehicles.map((vehicle) => vehicle.id)).toEqual([car.id, van.id]);
    const freeThen = await gql<{ vehicles: Array<{ id: string }> }>(alice, catalogue, {
      filter: { city: branch.city, availableFrom: day(4), availableTo: day(5) },
    });
    expect(freeThen.body.data?.vehicles.map((vehicle) => vehicle.id)).toEqual([van.id]);
    const badRange = await gql(alice, catalogue, { filter: { availableFrom: day(4) } });
    expect(badRange.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", status: 422 });

    const periods = await gql<{ vehicleBookedPeriods: unknown[]; vehicle: { id: string } | null }>(
      alice,
      `query($id: ID!) { vehicle(id: $id) { id } vehicleBookedPeriods(vehicleId: $id) { startDate endDate } }`,
      { id: car.id },
    );
    expect(periods.body.data).toEqual({ vehicle: { id: car.id }, vehicleBookedPeriods: [{ startDate: day(3), endDate: day(6) }] });
  });

  it("me.rentals and rentals show a customer only their own, with the same fields as REST", async () => {
    const vehicle = await newVehicle(employee.token, branch.id);
    const mine = await newRental(alice.token, vehicle.id, 10, 12);
    const theirs = await newRental(bob.token, vehicle.id, 10, 12);
    const response = await gql<{ me: { rentals: RentalView[] }; rentals: RentalView[]; other: RentalView | null }>(
      alice,
      `query($other: ID!) { me { rentals { ${RENTAL_FIELDS} } } rentals(filter: { vehicleId: "${vehicle.id}" }) { id } other: rental(id: $other) { id } }`,
      { other: theirs.id },
    );
    expect(response.body.errors).toBeUndefined();
    const rest = await call<RentalView>(rentalItem.GET, { token: alice.token, params: { id: mine.id } });
    const ownRental = response.body.data?.me.rentals.find((rental) => rental.id === mine.id);
    expect(ownRental).toEqual({
      id: rest.body.id,
      status: "PENDING",
      startDate: rest.body.startDate,
      endDate: rest.body.endDate,
      days: 2,
      dailyPrice: rest.body.dailyPrice,
      totalPrice: rest.body.totalPrice,
      amountDue: rest.body.amountDue,
      customer: { id: alice.id, name: "Alice Graph" },
      vehicle: { id: vehicle.id, plate: vehicle.plate, branch: { name: branch.name } },
      history: [{ status: "PENDING", actorName: "Alice Graph" }],
    });
    expect(response.body.data?.me.rentals.some((rental) => rental.id === theirs.id)).toBe(false);
    expect(response.body.data?.rentals).toEqual([{ id: mine.id }]);
    expect(response.body.data?.other).toBeNull();
  });

  it("the staff queue lists pending requests and says which would clash; customers are refused with REST's wording", async () => {
    const vehicle = await newVehicle(employee.token, branch.id);
    const first = await newRental(alice.token, vehicle.id, 20, 23);
    const clashing = await newRental(bob.token, vehicle.id, 21, 22);
    await call(approveRoute.POST, { method: "POST", token: employee.token, params: { id: first.id } });
    // Other files' requests share the database: read the whole queue, a page at a time.
    type QueueEntry = { rental: { id: string; customer: { name: string } }; overlapsBooking: boolean };
    const entries: QueueEntry[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await gql<{ rentalQueue: QueueEntry[] }>(
        employee,
        `{ rentalQueue(limit: 50, offset: ${offset}) { overlapsBooking rental { id customer { name } } } }`,
      );
      expect(page.body.errors).toBeUndefined();
      entries.push(...(page.body.data?.rentalQueue ?? []));
      if ((page.body.data?.rentalQueue.length ?? 0) < 50) break;
    }
    expect(entries.find((entry) => entry.rental.id === clashing.id)).toEqual({
      overlapsBooking: true,
      rental: { id: clashing.id, customer: { name: "Bob Graph" } },
    });
    expect(entries.some((entry) => entry.rental.id === first.id)).toBe(false);

    const refused = await gql(alice, `{ rentalQueue { overlapsBooking } }`);
    expect(refused.body.data?.rentalQueue ?? null).toBeNull();
    expect(refused.body.errors?.[0]).toMatchObject({ message: "Insufficient permissions.", extensions: { code: "FORBIDDEN", status: 403 } });
  });
});

describe("GraphQL rentals: mutations run the same services", () => {
  it("request, approve, pick up and return, with the prices and history REST shows", async () => {
    const vehicle = await newVehicle(employee.token, branch.id, { dailyPrice: 25 });
    const requested = await gql<{ requestRental: RentalView }>(
      alice,
      `mutation($vehicleId: ID!, $start: String!, $end: String!) { requestRental(vehicleId: $vehicleId, startDate: $start, endDate: $end) { ${RENTAL_FIELDS} } }`,
      { vehicleId: vehicle.id, start: day(0), end: day(2) },
    );
    expect(requested.body.errors).toBeUndefined();
    expect(requested.body.data?.requestRental).toMatchObject({ status: "PENDING", days: 2, totalPrice: 50, customer: { id: alice.id } });
    const id = requested.body.data!.requestRental.id;
    for (const [mutation, status] of [
      ["approveRental", "APPROVED"],
      ["pickUpRental", "ACTIVE"],
      ["returnRental", "COMPLETED"],
    ] as const) {
      const response = await gql<Record<string, { status: string; vehicle: { id: string } }>>(employee, `mutation($id: ID!) { ${mutation}(id: $id) { status vehicle { id } } }`, { id });
      expect(response.body.errors, mutation).toBeUndefined();
      expect(response.body.data?.[mutation]?.status).toBe(status);
    }
    const rest = await call<RentalView>(rentalItem.GET, { token: alice.token, params: { id } });
    expect(rest.body.history.map((entry) => entry.status)).toEqual(["PENDING", "APPROVED", "ACTIVE", "COMPLETED"]);
  });

  it("cancel by the customer and reject with a reason by staff", async () => {
    const vehicle = await newVehicle(employee.token, branch.id);
    const toCancel = await newRental(alice.token, vehicle.id, 30, 31);
    const cancelled = await gql<{ cancelRental: { status: string } }>(alice, `mutation($id: ID!) { cancelRental(id: $id) { status } }`, { id: toCancel.id });
    expect(cancelled.body.data?.cancelRental.status).toBe("CANCELLED");
    const toReject = await newRental(alice.token, vehicle.id, 32, 33);
    const rejected = await gql<{ rejectRental: { status: string; rejectionReason: string } }>(
      employee,
      `mutation($id: ID!) { rejectRental(id: $id, reason: "Under repair that week") { status rejectionReason } }`,
      { id: toReject.id },
    );
    expect(rejected.body.data?.rejectRental).toEqual({ status: "REJECTED", rejectionReason: "Under repair that week" });
  });

  it("refuses what REST refuses, with the same words and an extensions.code, changing nothing", async () => {
    const vehicle = await newVehicle(employee.token, branch.id);
    const alicesRental = await newRental(alice.token, vehicle.id, 40, 42);
    const before = await rentalSnapshot();
    const restDetail = async (handler: unknown, user: TestUser, json?: unknown) =>
      (await call<{ detail: unknown }>(handler, { method: "POST", token: user.token, params: { id: alicesRental.id }, ...(json ? { json } : {}) })).body.detail;
    const cases: Array<[TestUser, string, Record<string, unknown>, string, unknown]> = [
      [alice, `mutation($id: ID!) { approveRental(id: $id) { id } }`, { id: alicesRental.id }, "FORBIDDEN", await restDetail(approveRoute.POST, alice)],
      [bob, `mutation($id: ID!) { cancelRental(id: $id) { id } }`, { id: alicesRental.id }, "NOT_FOUND", await restDetail(cancelRoute.POST, bob)],
      [employee, `mutation($id: ID!) { cancelRental(id: $id) { id } }`, { id: alicesRental.id }, "FORBIDDEN", await restDetail(cancelRoute.POST, employee)],
      [
        employee,
        `mutation($id: ID!) { requestRental(vehicleId: $id, startDate: "${day(1)}", endDate: "${day(2)}") { id } }`,
        { id: vehicle.id },
        "FORBIDDEN",
        (await call<{ detail: unknown }>(rentalCollection.POST, { token: employee.token, json: { vehicleId: vehicle.id, startDate: day(1), endDate: day(2) } })).body.detail,
      ],
      [employee, `mutation($id: ID!) { pickUpRental(id: $id) { id } }`, { id: alicesRental.id }, "CONFLICT", null],
    ];
    for (const [user, query, variables, code, detail] of cases) {
      const response = await gql(user, query, variables);
      expect(response.body.errors?.[0]?.extensions?.code, query).toBe(code);
      if (detail !== null) expect(response.body.errors?.[0]?.message, query).toBe(detail);
    }
    const invalid = await gql(alice, `mutation($id: ID!) { requestRental(vehicleId: $id, startDate: "${day(-1)}", endDate: "${day(2)}") { id } }`, { id: vehicle.id });
    expect(invalid.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", status: 422 });
    expect(await rentalSnapshot()).toEqual(before);
  });
});
