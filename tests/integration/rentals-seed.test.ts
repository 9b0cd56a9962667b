import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as vehicleCollection from "@/app/api/v1/vehicles/route";
import { createPrismaClient, db, type PrismaClient } from "@/lib/db";
import { DEMO_PLATES, seedRentalDemo } from "@/lib/modules/rentals/demo";
import type { VehicleView } from "@/lib/modules/rentals/views";
import { createThrowawayDatabase, migrate, type ThrowawayDatabase } from "../support/databases";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { day, withQuery } from "../support/rentals";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Asynchronous: an embedded throwaway database answers from this very process. */
async function runSeedScript(databaseUrl: string, demo: boolean): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_SEED: String(demo) },
    encoding: "utf8",
    timeout: 120_000,
  });
  return stdout;
}

describe("the demo seed's rental data (own database)", () => {
  let database: ThrowawayDatabase;
  let client: PrismaClient;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    await migrate(database.url);
    client = createPrismaClient(database.url, 2);
  });
  afterAll(async () => {
    await client.$disconnect();
    await database.drop();
  });

  it("adds no rental data with DEMO_SEED=false", async () => {
    await runSeedScript(database.url, false);
    expect(await client.branch.count()).toBe(0);
    expect(await client.vehicle.count()).toBe(0);
  });

  it("creates two branches, a dozen vehicles and rentals in every state for the demo residents, consistent with the rules", async () => {
    expect(await runSeedScript(database.url, true)).toContain("Demo rentals: 2 branches, 12 vehicles, 7 rentals added.");
    expect(await client.branch.count()).toBe(2);
    expect(await client.vehicle.count()).toBe(12);
    const rentals = await client.rental.findMany({ include: { customer: true, vehicle: true, history: { orderBy: { id: "asc" } } } });
    expect(new Set(rentals.map((rental) => rental.status))).toEqual(new Set(["PENDING", "APPROVED", "ACTIVE", "COMPLETED", "REJECTED", "CANCELLED"]));
    expect(new Set(rentals.map((rental) => rental.customer?.email))).toEqual(new Set(["resident@wheelhouse.local", "resident2@wheelhouse.local"]));
    for (const rental of rentals) {
      expect(rental.history[0]).toMatchObject({ fromStatus: null, toStatus: "PENDING", actorId: rental.customerId });
      expect(rental.history.at(-1)?.toStatus).toBe(rental.status);
    }
    const active = rentals.find((rental) => rental.status === "ACTIVE")!;
    expect(active.vehicle.status).toBe("RENTED");
    expect(active.startDate <= new Date() && active.endDate > new Date()).toBe(true);
    expect(await client.vehicle.count({ where: { status: "RENTED" } })).toBe(1);
    expect(await client.vehicle.count({ where: { status: "MAINTENANCE" } })).toBe(1);
    expect(await client.vehicle.count({ where: { status: "RETIRED" } })).toBe(1);
    const rejected = rentals.find((rental) => rental.status === "REJECTED")!;
    expect(rejected.rejectionReason).toBeTruthy();
  });

  it("is idempotent: a second run adds and changes nothing", async () => {
    const snapshot = async () => ({
      branches: await client.branch.findMany({ orderBy: { id: "asc" } }),
      vehicles: await client.vehicle.findMany({ orderBy: { id: "asc" } }),
      rentals: await client.rental.findMany({ orderBy: { id: "asc" } }),
      history: await client.rentalStatusChange.count(),
    });
    const before = await snapshot();
    expect(await runSeedScript(database.url, true)).not.toContain("Demo rentals:");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the catalogue's filters on the demo fleet", () => {
  let customer: TestUser;

  beforeAll(async () => {
    // Branches and vehicles only: without the demo accounts in this database no demo rentals are added.
    await seedRentalDemo(db);
    customer = await createUser("CUSTOMER");
  });

  async function plates(query: Record<string, string>, token = customer.token) {
    const response = await call<VehicleView[]>(vehicleCollection.GET, { token, path: withQuery("/api/v1/vehicles", { limit: "200", ...query }) });
    expect(response.status).toBe(200);
    return response.body.map((vehicle) => vehicle.plate).filter((plate) => DEMO_PLATES.includes(plate));
  }

  it("city, type and price range", async () => {
    expect(await plates({ city: "capital city", sort: "price" })).toEqual(["WH-202", "WH-201", "WH-204", "WH-203", "WH-205"]);
    expect(await plates({ city: "Springfield", type: "CAR", sort: "-price" })).toEqual(["WH-101", "WH-102", "WH-103"]);
    expect(await plates({ type: "SUV", sort: "price" })).toEqual(["WH-104", "WH-202", "WH-203"]);
    expect(await plates({ minPrice: "60", maxPrice: "95", sort: "price" })).toEqual(["WH-104", "WH-202", "WH-201", "WH-105", "WH-204"]);
  });

  it("customers do not see retired vehicles; staff do", async () => {
    const employee = await createUser("EMPLOYEE");
    expect(await plates({ status: "RETIRED" })).toEqual([]);
    expect(await plates({ status: "RETIRED" }, employee.token)).toEqual(["WH-206"]);
    expect(await plates({ city: "Capital City", sort: "price" }, employee.token)).toContain("WH-206");
  });

  it("an availability window leaves out vehicles in maintenance or retired", async () => {
    const available = await plates({ availableFrom: day(200), availableTo: day(203), sort: "make" });
    expect(available).toHaveLength(10);
    expect(available).not.toContain("WH-106");
    expect(available).not.toContain("WH-206");
    expect(await plates({ city: "Springfield", type: "MOTORBIKE", availableFrom: day(200), availableTo: day(203) })).toEqual([]);
  });
});
