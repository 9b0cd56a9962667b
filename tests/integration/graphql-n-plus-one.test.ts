import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { HOUR, inFuture, offeredSpot, reserveCall } from "../support/parking";
import { countStatements } from "../support/query-count";
import { newBranch, newRental, newVehicle, uniqueSuffix } from "../support/rentals";

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

const SETTINGS = {
  PARKING_CACHE_TTL_SECONDS: "0",
  PARKING_DAILY_RESERVATION_LIMIT: "1000",
  PARKING_PAIR_DAILY_LIMIT: "1000",
  RENTALS_MAX_OPEN_REQUESTS: "1000",
};
const settingsBefore = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));

/** One list field measured twice: the same query for a few rows and for many. */
interface ListCase {
  name: string;
  user: () => TestUser;
  query: string;
  few: Record<string, unknown>;
  many: Record<string, unknown>;
  /** Where the list is in `data`. */
  list: (data: Record<string, unknown>) => unknown[];
}

const FEW = 3;
const MANY = 30;
const times = (count: number) => Array.from({ length: count }, (_, index) => index);

let viewer: TestUser;
let employee: TestUser;
let ownerFew: TestUser;
let ownerMany: TestUser;
let reserverFew: TestUser;
let reserverMany: TestUser;
let customerFew: TestUser;
let customerMany: TestUser;
const zoneFew = `NP1-FEW-${uniqueSuffix()}`;
const zoneMany = `NP1-MANY-${uniqueSuffix()}`;
const cityFew = `Fewton ${uniqueSuffix()}`;
const cityMany = `Manyville ${uniqueSuffix()}`;
let branchFewId: string;
let branchManyId: string;
let bookedVehicleFew: string;
let bookedVehicleMany: string;

afterAll(() => {
  for (const [name, value] of Object.entries(settingsBefore)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
});

beforeAll(async () => {
  Object.assign(process.env, SETTINGS);
  resetEnvCache();
  [viewer, employee, ownerFew, ownerMany, reserverFew, reserverMany, customerFew, customerMany] = await Promise.all([
    createUser("CUSTOMER"),
    createUser("EMPLOYEE"),
    createUser("CUSTOMER", "Owner Few"),
    createUser("CUSTOMER", "Owner Many"),
    createUser("CUSTOMER"),
    createUser("CUSTOMER"),
    createUser("CUSTOMER", "Customer Few"),
    createUser("CUSTOMER", "Customer Many"),
  ]);
  await db.user.updateMany({ where: { id: { in: [reserverFew.id, reserverMany.id] } }, data: { credits: 1000 } });

  // Parking: each owner's spots in their own zone, each reserved once by the matching reserver.
  for (const [owner, reserver, zone, count] of [
    [ownerFew, reserverFew, zoneFew, FEW],
    [ownerMany, reserverMany, zoneMany, MANY],
  ] as const) {
    for (const index of times(count)) {
      const spot = await offeredSpot(owner, count + 2, { zone, label: `${zone}-${index}` });
      // One reserver's reservations may not overlap: an hour each, one after the other.
      const reserved = await reserveCall(reserver, spot.id, inFuture((index + 1) * HOUR), inFuture((index + 2) * HOUR));
      if (reserved.status !== 201) throw new Error(`reserve: ${reserved.status} ${JSON.stringify(reserved.body)}`);
    }
  }

  // Rentals: branches per city; in the first branch of each city one vehicle per row, each with one request by the matching customer.
  for (const [city, customer, count] of [
    [cityFew, customerFew, FEW],
    [cityMany, customerMany, MANY],
  ] as const) {
    const branches = [];
    for (const index of times(count)) branches.push(await newBranch(employee.token, { city, name: `${city} ${index}` }));
    const branchId = branches[0]!.id;
    if (count === FEW) branchFewId = branchId;
    else branchManyId = branchId;
    for (const index of times(count)) {
      const vehicle = await newVehicle(employee.token, branchId, { make: `Make ${index}` });
      await newRental(customer.token, vehicle.id, 10, 12);
    }
    // A vehicle booked for `count` separate periods (its booked periods list).
    const booked = await newVehicle(employee.token, branches[1]!.id, { make: "Booked" });
    const booker = await createUser("CUSTOMER");
    for (const index of times(count)) {
      const rental = await newRental(booker.token, booked.id, 100 + 2 * index, 101 + 2 * index);
      const approved = await call(approveRoute.POST, { method: "POST", token: employee.token, params: { id: rental.id } });
      if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
    }
    if (count === FEW) bookedVehicleFew = booked.id;
    else bookedVehicleMany = booked.id;
  }
}, 120_000);

const RENTAL = "id customer { name } vehicle { plate branch { name } } history { status }";

const CASES: ListCase[] = [
  {
    name: "spots",
    user: () => viewer,
    query: `query($zone: String) { spots(filter: { zone: $zone, limit: 30 }) { id owner { name } availability { startsAt } nextReservation { startsAt status } } }`,
    few: { zone: zoneFew },
    many: { zone: zoneMany },
    list: (data) => data.spots as unknown[],
  },
  {
    name: "me.spots",
    user: () => ownerFew,
    query: `{ me { spots { id owner { name } availability { startsAt } nextReservation { startsAt } } } }`,
    few: {},
    many: {},
    list: (data) => (data.me as { spots: unknown[] }).spots,
  },
  {
    name: "me.reservations",
    user: () => reserverFew,
    query: `{ me { reservations { id status spot { id label } owner { name } reserver { name } } } }`,
    few: {},
    many: {},
    list: (data) => (data.me as { reservations: unknown[] }).reservations,
  },
  {
    name: "branches",
    user: () => viewer,
    query: `query($city: String) { branches(filter: { city: $city, limit: 30 }) { id name phone } }`,
    few: { city: cityFew },
    many: { city: cityMany },
    list: (data) => data.branches as unknown[],
  },
  {
    name: "vehicles",
    user: () => viewer,
    query: `query($branchId: ID) { vehicles(filter: { branchId: $branchId, sort: MAKE, limit: 30 }) { id make branch { id name city } } }`,
    few: { branchId: "few" },
    many: { branchId: "many" },
    list: (data) => data.vehicles as unknown[],
  },
  {
    name: "vehicleBookedPeriods",
    user: () => viewer,
    query: `query($vehicleId: ID!) { vehicleBookedPeriods(vehicleId: $vehicleId) { startDate endDate } }`,
    few: { vehicleId: "few" },
    many: { vehicleId: "many" },
    list: (data) => data.vehicleBookedPeriods as unknown[],
  },
  {
    name: "me.rentals",
    user: () => customerFew,
    query: `{ me { rentals(filter: { limit: 30 }) { ${RENTAL} } } }`,
    few: {},
    many: {},
    list: (data) => (data.me as { rentals: unknown[] }).rentals,
  },
  {
    name: "rentals",
    user: () => employee,
    query: `query($branchId: ID) { rentals(filter: { branchId: $branchId, status: PENDING, limit: 30 }) { ${RENTAL} } }`,
    few: { branchId: "few" },
    many: { branchId: "many" },
    list: (data) => data.rentals as unknown[],
  },
  {
    name: "rentalQueue",
    user: () => employee,
    query: `query($limit: Int) { rentalQueue(limit: $limit) { overlapsBooking rental { ${RENTAL} } } }`,
    few: { limit: FEW },
    many: { limit: MANY },
    list: (data) => data.rentalQueue as unknown[],
  },
];

/** Ids are only known once the fixtures exist. */
function resolveVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const ids: Record<string, Record<string, string>> = {
    branchId: { few: branchFewId, many: branchManyId },
    vehicleId: { few: bookedVehicleFew, many: bookedVehicleMany },
  };
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, ids[name]?.[String(value)] ?? value]));
}

/** Users whose own lists are measured: the "many" run signs in as their counterpart. */
const counterpart = (user: TestUser) =>
  new Map([
    [ownerFew, ownerMany],
    [reserverFew, reserverMany],
    [customerFew, customerMany],
  ]).get(user) ?? user;

describe("GraphQL list fields cost the same number of SQL statements for 3 rows as for 30", () => {
  let restore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  it.each(CASES.map((listCase) => [listCase.name, listCase] as const))("%s", async (_name, listCase) => {
    const counter = countStatements();
    restore = counter.restore;
    const measure = async (user: TestUser, variables: Record<string, unknown>) => {
      const before = counter.count();
      const response = await call<GraphQLResponse>(graphql, { path: "/api/graphql", json: { query: listCase.query, variables: resolveVariables(variables) }, token: user.token });
      expect(response.body.errors).toBeUndefined();
      return { rows: listCase.list(response.body.data!).length, statements: counter.count() - before };
    };
    await measure(listCase.user(), listCase.few); // connection setup happens once
    const few = await measure(listCase.user(), listCase.few);
    const many = await measure(counterpart(listCase.user()), listCase.many);
    expect(few.rows).toBe(FEW);
    expect(many.rows).toBe(MANY);
    expect(many.statements).toBe(few.statements);
  });
});
