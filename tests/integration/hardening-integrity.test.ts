import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import * as customerItem from "@/app/api/v1/customers/[id]/route";
import { POST as cancelReservationRoute } from "@/app/api/v1/reservations/[id]/cancel/route";
import { POST as approveRentalRoute } from "@/app/api/v1/rentals/[id]/approve/route";
import { POST as cancelRentalRoute } from "@/app/api/v1/rentals/[id]/cancel/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import { startTokenSession } from "@/lib/auth/token-sessions";
import { db } from "@/lib/db";
import { UnauthorizedError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { creditSheet } from "@/lib/modules/parking/services/credits";
import type { CreditSheet } from "@/lib/modules/parking/views";
import { advanceReservations } from "@/lib/modules/parking/services/lifecycle";
import { concurrentClient } from "../support/databases";
import { call } from "../support/http";
import { createUser, registerCustomer, type TestUser } from "../support/identity";
import { creditsOf, HOUR, inFuture, MINUTE, offeredSpot, reserveCall } from "../support/parking";
import { day, newBranch, newVehicle } from "../support/rentals";

const backend = inject("databaseBackend");

/** Setup, not the behaviour under test: one after another. */
async function createUsers(count: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let index = 0; index < count; index++) users.push(await createUser("CUSTOMER"));
  return users;
}

const deleteAccount = (user: TestUser) => call<unknown>(customerItem.DELETE, { method: "DELETE", params: { id: user.id }, token: user.token });

const requestRental = (user: TestUser, vehicleId: string, startOffset: number, endOffset: number) =>
  call<Record<string, unknown>>(rentalCollection.POST, {
    path: "/api/v1/rentals",
    token: user.token,
    json: { vehicleId, startDate: day(startOffset), endDate: day(endOffset) },
  });

const describeResponses = (responses: Array<{ status: number; body: unknown }>) =>
  JSON.stringify(responses.map((response) => [response.status, (response.body as { detail?: unknown } | null)?.detail ?? null]));

async function staffFleet(vehicles: number) {
  const employee = await createUser("EMPLOYEE");
  const branch = await newBranch(employee.token);
  const fleet = [];
  for (let index = 0; index < vehicles; index++) fleet.push(await newVehicle(employee.token, branch.id));
  return { employee, fleet };
}

describe(`deleting an account while its bookings are in flight (${backend})`, () => {
  it("many reservations of a spot while its owner deletes the account: only 201/404/409, never a 500, and the books agree", async () => {
    for (let round = 0; round < 5; round++) {
      const owner = await createUser("CUSTOMER");
      const spot = await offeredSpot(owner, 12);
      const reservers = await createUsers(12);
      const reservations = reservers.map((reserver, index) => {
        const start = HOUR + index * 30 * MINUTE;
        return () => reserveCall(reserver, spot.id, inFuture(start), inFuture(start + 20 * MINUTE));
      });
      const half = reservations.length / 2;
      const responses = await Promise.all([
        ...reservations.slice(0, half).map((send) => send()),
        deleteAccount(owner),
        ...reservations.slice(half).map((send) => send()),
      ]);
      const deletion = responses.splice(half, 1)[0]!;
      expect(responses.every((response) => [201, 404, 409].includes(response.status)), describeResponses(responses)).toBe(true);
      expect([204, 409], describeResponses([deletion])).toContain(deletion.status);

      const made = reservers.filter((_, index) => responses[index]!.status === 201);
      if (deletion.status === 204) {
        expect(made).toHaveLength(0);
        expect(await db.user.findUnique({ where: { id: owner.id } })).toBeNull();
        expect(await db.parkingSpot.findUnique({ where: { id: spot.id } })).toBeNull();
      } else {
        expect(await db.reservation.count({ where: { spotId: spot.id, status: "CONFIRMED" } })).toBe(made.length);
      }
      for (const reserver of reservers) {
        expect(await creditsOf(reserver.id)).toEqual(made.includes(reserver) ? { balance: 47, escrow: 3 } : { balance: 50, escrow: 0 });
      }
    }
  });

  it("reservers queueing on a spot (each already booked elsewhere then, so none commits) while its owner deletes the account: 204 and 409s, no deadlock", async () => {
    for (let round = 0; round < 4; round++) {
      const owner = await createUser("CUSTOMER");
      const spot = await offeredSpot(owner, 12);
      const elsewhere = await offeredSpot(await createUser("CUSTOMER"), 12);
      const reservers = await createUsers(10);
      const slot = (index: number) => [inFuture(HOUR + index * 30 * MINUTE), inFuture(HOUR + index * 30 * MINUTE + 20 * MINUTE)] as const;
      for (const [index, reserver] of reservers.entries()) {
        expect((await reserveCall(reserver, elsewhere.id, ...slot(index))).status).toBe(201);
      }
      // Each attempt locks its people and the spot, then fails at the insert (the reserver's own overlap): 409.
      const attempts = reservers.map((reserver, index) => () => reserveCall(reserver, spot.id, ...slot(index)));
      const responses = await Promise.all([
        ...attempts.slice(0, 3).map((send) => send()),
        deleteAccount(owner),
        ...attempts.slice(3).map((send) => send()),
      ]);
      const deletion = responses.splice(3, 1)[0]!;
      expect(deletion.status, describeResponses([deletion])).toBe(204);
      expect(responses.every((response) => [404, 409].includes(response.status)), describeResponses(responses)).toBe(true);
      expect(await db.parkingSpot.findUnique({ where: { id: spot.id } })).toBeNull();
    }
  });

  it("a resident deleting their account while reserving: the reservation wins (deletion 409) or finds the account gone", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner, 20);
    for (let round = 0; round < 8; round++) {
      const reserver = await createUser("CUSTOMER");
      const start = HOUR + round * HOUR;
      const [reservation, deletion] = await Promise.all([
        reserveCall(reserver, spot.id, inFuture(start), inFuture(start + 30 * MINUTE)),
        deleteAccount(reserver),
      ]);
      expect([201, 401, 404, 409], describeResponses([reservation])).toContain(reservation.status);
      expect([204, 409], describeResponses([deletion])).toContain(deletion.status);
      if (deletion.status === 204) {
        expect(reservation.status).not.toBe(201);
        expect(await db.user.findUnique({ where: { id: reserver.id } })).toBeNull();
        expect(await db.reservation.count({ where: { reserverId: reserver.id } })).toBe(0);
      } else {
        expect(reservation.status).toBe(201);
        expect(await creditsOf(reserver.id)).toEqual({ balance: 47, escrow: 3 });
      }
    }
    expect(await creditsOf(owner.id)).toEqual({ balance: 50, escrow: 0 });
  });

  it("a customer deleting their account while requesting a rental: the request wins (deletion 409) or finds the account gone", async () => {
    const { fleet } = await staffFleet(1);
    const vehicle = fleet[0]!;
    for (let round = 0; round < 8; round++) {
      const customer = await createUser("CUSTOMER");
      const [rental, deletion] = await Promise.all([requestRental(customer, vehicle.id, 3, 5), deleteAccount(customer)]);
      expect([201, 401, 404, 409], describeResponses([rental])).toContain(rental.status);
      expect([204, 409], describeResponses([deletion])).toContain(deletion.status);
      const open = await db.rental.count({ where: { customerId: customer.id, status: "PENDING" } });
      if (deletion.status === 204) {
        expect(rental.status).not.toBe(201);
        expect(await db.user.findUnique({ where: { id: customer.id } })).toBeNull();
      } else {
        expect(rental.status).toBe(201);
        expect(open).toBe(1);
      }
    }
  });

  it("two deletions of one account at once: one 204, the other 404", async () => {
    const customer = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const responses = await Promise.all([
      deleteAccount(customer),
      call(customerItem.DELETE, { method: "DELETE", params: { id: customer.id }, token: admin.token }),
    ]);
    expect(responses.map((response) => response.status).sort(), describeResponses(responses)).toEqual([204, 404]);
  });

  it("a login whose account is deleted between the password check and the token session is a clean 401, not a foreign-key error", async () => {
    const customer = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    expect((await call(customerItem.DELETE, { method: "DELETE", params: { id: customer.id }, token: admin.token })).status).toBe(204);
    const started = startTokenSession({ id: customer.id, roleId: 3, name: "Gone" }, { clientIp: "127.0.0.1" });
    await expect(started).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await db.refreshToken.count({ where: { userId: customer.id } })).toBe(0);
  });
});

describe(`a departing member's credits (${backend})`, () => {
  it("go to the community pool: Σ balances + escrow + pool = 50 × (customers + departed customers), exact in every snapshot while everything runs at once", async () => {
    const sheetDrift = (sheet: CreditSheet) => sheet.held - sheet.issued;
    const { client, release } = await concurrentClient();
    try {
      // Residents whose books are no longer 50 and who have nothing live: a settled owner (53) and their reserver (47).
      const settledOwners = await createUsers(3);
      const settledReservers = await createUsers(3);
      for (const [index, owner] of settledOwners.entries()) {
        const spot = await offeredSpot(owner, 2);
        const made = await reserveCall(settledReservers[index]!, spot.id, inFuture(2 * MINUTE), inFuture(17 * MINUTE));
        expect(made.status).toBe(201);
      }
      await advanceReservations(db, new Date(Date.now() + 20 * MINUTE));
      for (const owner of settledOwners) expect(await creditsOf(owner.id)).toEqual({ balance: 53, escrow: 0 });

      const owners = await createUsers(4);
      const spots: Array<{ id: string }> = [];
      for (const owner of owners) spots.push(await offeredSpot(owner, 30));
      const cancellers = await createUsers(4);
      const toCancel: Array<{ user: TestUser; id: string }> = [];
      for (const [index, canceller] of cancellers.entries()) {
        const made = await reserveCall(canceller, spots[index]!.id, inFuture(20 * HOUR), inFuture(21 * HOUR));
        expect(made.status).toBe(201);
        toCancel.push({ user: canceller, id: String(made.body.id) });
      }
      const settling = await createUsers(3);
      for (const [index, reserver] of settling.entries()) {
        const made = await reserveCall(reserver, spots[index]!.id, inFuture(3 * MINUTE), inFuture(25 * MINUTE));
        expect(made.status).toBe(201);
      }
      const reservers = await createUsers(8);

      const baseline = sheetDrift(await creditSheet(db));
      const samples: CreditSheet[] = [];
      let running = true;
      const sampler = (async () => {
        while (running) {
          samples.push(
            await client.$transaction((tx) => creditSheet(tx), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead }),
          );
        }
      })();

      const work = await Promise.all([
        ...reservers.map((reserver, index) =>
          reserveCall(reserver, spots[index % spots.length]!.id, inFuture(2 * HOUR + (index % 3) * HOUR), inFuture(2 * HOUR + (index % 3) * HOUR + 45 * MINUTE)),
        ),
        ...toCancel.map(({ user, id }) => call(cancelReservationRoute, { method: "POST", token: user.token, params: { id } })),
        advanceReservations(db, new Date(Date.now() + 5 * MINUTE)).then(() => ({ status: 200, body: null })),
        ...Array.from({ length: 4 }, () => registerCustomer()),
        ...[...settledOwners, ...settledReservers].map(deleteAccount),
        deleteAccount(owners[0]!),
      ]);
      running = false;
      await sampler;
      samples.push(await creditSheet(db));

      expect(work.every((response) => [200, 201, 204, 409].includes(response.status)), describeResponses(work)).toBe(true);
      const deletions = work.slice(-7);
      expect(deletions.slice(0, 6).map((response) => response.status)).toEqual([204, 204, 204, 204, 204, 204]);
      expect(deletions[6]!.status).toBe(409);
      expect(samples.length).toBeGreaterThan(3);
      expect(samples.map(sheetDrift).filter((drift) => drift !== baseline), `baseline ${baseline}`).toEqual([]);
      const last = samples.at(-1)!;
      expect(last.pool).toBeGreaterThanOrEqual(3 * 53 + 3 * 47);
      expect(last.departedCustomers).toBeGreaterThanOrEqual(6);
    } finally {
      await release();
    }
  });
});

describe(`rental request spam (${backend})`, () => {
  it("10 identical requests at once: exactly one 201, nine 409", async () => {
    const { fleet } = await staffFleet(1);
    const customer = await createUser("CUSTOMER");
    const responses = await Promise.all(Array.from({ length: 10 }, () => requestRental(customer, fleet[0]!.id, 4, 7)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201), describeResponses(responses)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const refusal = responses.find((response) => response.status === 409)!;
    expect(refusal.body).toEqual({ detail: expect.stringContaining("already asked for this vehicle") });
    expect(await db.rental.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("an overlapping request beside one's own pending or approved one is 409; back to back, or by someone else, it is fine", async () => {
    const { employee, fleet } = await staffFleet(1);
    const vehicle = fleet[0]!;
    const customer = await createUser("CUSTOMER");
    const other = await createUser("CUSTOMER");
    const first = await requestRental(customer, vehicle.id, 10, 14);
    expect(first.status).toBe(201);
    expect((await requestRental(customer, vehicle.id, 12, 16)).status).toBe(409);
    const approved = await call(approveRentalRoute, { method: "POST", token: employee.token, params: { id: String(first.body.id) } });
    expect(approved.status).toBe(200);
    expect((await requestRental(customer, vehicle.id, 13, 15)).status).toBe(409);
    expect((await requestRental(customer, vehicle.id, 14, 16)).status).toBe(201);
    expect((await requestRental(other, vehicle.id, 10, 14)).status).toBe(201);
    const cancelled = await call(cancelRentalRoute, { method: "POST", token: customer.token, params: { id: String(first.body.id) } });
    expect(cancelled.status).toBe(200);
    expect((await requestRental(customer, vehicle.id, 10, 13)).status).toBe(201);
  });

  it("at most 5 open requests per customer, also when they arrive at once; withdrawing one frees a place", async () => {
    const { fleet } = await staffFleet(2);
    const customer = await createUser("CUSTOMER");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) => requestRental(customer, fleet[index % 2]!.id, 5 + index * 3, 7 + index * 3)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201), describeResponses(responses)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    expect(responses.find((response) => response.status === 409)!.body).toEqual({
      detail: expect.stringContaining("at most 5 open rental requests"),
    });
    expect(await db.rental.count({ where: { customerId: customer.id, status: "PENDING" } })).toBe(5);
    const accepted = responses.find((response) => response.status === 201)!;
    const withdrawn = await call(cancelRentalRoute, { method: "POST", token: customer.token, params: { id: String(accepted.body.id) } });
    expect(withdrawn.status).toBe(200);
    expect((await requestRental(customer, fleet[0]!.id, 60, 62)).status).toBe(201);
    expect((await requestRental(customer, fleet[1]!.id, 70, 72)).status).toBe(409);
  });
});

describe(`the upgrade that adds the duplicate-request constraint (${backend})`, () => {
  it("withdraws duplicates already stored: approved and oldest open requests stay, each withdrawal gets a history entry", async () => {
    const { fleet } = await staffFleet(1);
    const [customer, other] = await createUsers(2);
    const migration = readFileSync(
      path.join(import.meta.dirname, "..", "..", "prisma", "migrations", "20261202042925_rentals_no_duplicate_requests", "migration.sql"),
      "utf8",
    );
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("ALTER TABLE rentals DROP CONSTRAINT rentals_customer_no_duplicate_requests");
      const insert = async (customerId: string, start: number, end: number, status: string, minutesAgo: number) => {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO rentals (id, vehicle_id, customer_id, start_date, end_date, status, daily_price_cents, total_price_cents, created_at, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3::date, $4::date, $5::"RentalStatus", 100, ($4::date - $3::date) * 100, now() - make_interval(mins => $6), now())
           RETURNING id`,
          [fleet[0]!.id, customerId, day(start), day(end), status, minutesAgo],
        );
        return rows[0]!.id;
      };
      const oldest = await insert(customer!.id, 10, 14, "PENDING", 30);
      const duplicate = await insert(customer!.id, 12, 16, "PENDING", 20);
      const approved = await insert(customer!.id, 30, 33, "APPROVED", 10);
      const besideApproved = await insert(customer!.id, 31, 32, "PENDING", 40);
      const someoneElses = await insert(other!.id, 10, 14, "PENDING", 5);
      await client.query(migration);
      const { rows } = await client.query<{ id: string; status: string }>("SELECT id, status::text AS status FROM rentals WHERE id = ANY($1)", [
        [oldest, duplicate, approved, besideApproved, someoneElses],
      ]);
      const statusOf = Object.fromEntries(rows.map((row) => [row.id, row.status]));
      expect([oldest, duplicate, approved, besideApproved, someoneElses].map((id) => statusOf[id])).toEqual([
        "PENDING",
        "CANCELLED",
        "APPROVED",
        "CANCELLED",
        "PENDING",
      ]);
      const history = await client.query<{ rental_id: string; note: string }>(
        "SELECT rental_id, note FROM rental_status_changes WHERE rental_id = ANY($1) AND to_status = 'CANCELLED' ORDER BY rental_id",
        [[duplicate, besideApproved]],
      );
      expect(history.rows.map((row) => row.rental_id).sort()).toEqual([duplicate, besideApproved].sort());
      expect(history.rows.every((row) => row.note.startsWith("Withdrawn on upgrade"))).toBe(true);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
