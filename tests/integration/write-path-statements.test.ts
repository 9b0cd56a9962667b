import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import * as spotItem from "@/app/api/v1/spots/[id]/route";
import * as reservationItem from "@/app/api/v1/reservations/[id]/route";
import { GET as credits } from "@/app/api/v1/credits/route";
import { db, directQuery } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "../support/http";
import { createUser } from "../support/identity";
import * as reservationCancel from "@/app/api/v1/reservations/[id]/cancel/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import * as cartCollection from "@/app/api/v1/cart/route";
import { advanceReservations } from "@/lib/modules/parking/services/lifecycle";
import { HOUR, inFuture, offeredSpot, reserveCall } from "../support/parking";
import { day, newBranch, newVehicle } from "../support/rentals";
import { newCar, newCarModel, newGarageService } from "../support/garage-customers";
import { countStatements } from "../support/query-count";

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

describe("a reservation's write path", () => {
  it("is four statements and the outbox's one inside its transaction, and reads back nothing it wrote", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const counter = countStatements();
    restore = counter.restore;
    expect((await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR))).status).toBe(201); // sets the connection up
    const before = counter.texts().length;
    const made = await reserveCall(reserver, spot.id, inFuture(3 * HOUR), inFuture(4 * HOUR));
    expect(made.status).toBe(201);
    const statements = counter.texts().slice(before);

    expect(statements[0]).toBe("BEGIN");
    expect(statements.at(-1)).toBe("COMMIT");
    expect(statements).toHaveLength(6);
    expect(statements.filter((text) => /^INSERT INTO "?outbox_events"? /.test(text))).toHaveLength(1);
    const inserted = statements.findIndex((text) => /INSERT INTO "?reservations"? /.test(text));
    expect(inserted).toBeGreaterThan(0);
    // The response and the events are built from what was written: nothing after the insert reads reservations back.
    expect(statements.slice(inserted + 1).filter((text) => /^SELECT .*FROM "?reservations"?/.test(text))).toEqual([]);

    // Named, so the connection parsed and planned them once (not on the embedded database: one session for all).
    const prepared = (await directQuery<{ name: string; statement: string }>("SELECT name, statement FROM pg_prepared_statements", []))
      .filter((row) => row.name.startsWith("wheelhouse_"))
      .map((row) => row.statement.replace(/\s+/g, " ").trim());
    const reservationStatements = statements.filter((text) => text !== "BEGIN" && text !== "COMMIT");
    expect(reservationStatements).toHaveLength(4);
    if (env().EMBEDDED_DATABASE) expect(prepared).toEqual([]);
    else expect(prepared).toEqual(expect.arrayContaining(reservationStatements));
  });

  it("answers and records what the API then reads: the reservation, the spot on the board and the escrow hold", async () => {
    const owner = await createUser("CUSTOMER", "Petra Owner");
    const reserver = await createUser("CUSTOMER", "Rui Reserver");
    const spot = await offeredSpot(owner);
    // A later reservation first, so the board's "next reservation" must move to the earlier one.
    expect((await reserveCall(reserver, spot.id, inFuture(5 * HOUR), inFuture(6 * HOUR))).status).toBe(201);
    const made = await reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR));
    expect(made.status).toBe(201);
    const id = String(made.body.id);

    const read = await call<Record<string, unknown>>(reservationItem.GET, { token: reserver.token, params: { id } });
    expect(made.body).toEqual(read.body);
    const events = await db.outboxEvent.findMany({ where: { OR: [{ key: id }, { key: spot.id }, { key: reserver.id }] }, orderBy: { id: "asc" } });
    const last = (type: string) => events.filter((event) => event.type === type).at(-1)?.payload;
    expect(last("reservation.confirmed")).toEqual(read.body);

    const board = await call<Record<string, unknown>>(spotItem.GET, { token: reserver.token, params: { id: spot.id } });
    expect(last("spot.reserved")).toEqual(board.body);
    expect(board.body.nextReservation).toMatchObject({ startsAt: read.body.startsAt, status: "CONFIRMED" });

    const sheet = await call<{ balance: number; escrow: number; transactions: Array<{ id: string; kind: string; amount: number; balanceAfter: number; reservationId: string | null }> }>(
      credits,
      { token: reserver.token },
    );
    const hold = sheet.body.transactions[0]!;
    expect(hold).toMatchObject({ kind: "ESCROW_HOLD", reservationId: id, balanceAfter: sheet.body.balance });
    expect(last("credit.escrow_hold")).toEqual({
      userId: reserver.id,
      transactionId: hold.id,
      kind: "ESCROW_HOLD",
      amount: hold.amount,
      balance: sheet.body.balance,
      escrow: sheet.body.escrow,
      reservationId: id,
    });
    // In the order they happened: the hold, the reservation, the spot.
    expect(events.slice(-3).map((event) => event.type)).toEqual(["credit.escrow_hold", "reservation.confirmed", "spot.reserved"]);
  });

  it.skipIf(inject("databaseBackend") === "embedded")(
    "does not wait for a transaction that only refers to the people (a foreign key's KEY SHARE lock, as the notifications consumer's inserts take)",
    async () => {
      // Seen in the bench: the notifications consumer's batch held KEY SHARE on one person (a notification row's
      // foreign key) and waited for another a reservation held FOR UPDATE, while that reservation waited for the
      // first: a deadlock, and the reservation answered 500. The reservation's row locks are FOR NO KEY UPDATE.
      const owner = await createUser("CUSTOMER");
      const reserver = await createUser("CUSTOMER");
      const spot = await offeredSpot(owner);
      const other = new pg.Client({ connectionString: inject("databaseUrl") });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query("SELECT 1 FROM users WHERE id = ANY($1) FOR KEY SHARE", [[reserver.id, owner.id]]);
        const made = await Promise.race([
          reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR)),
          new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000)),
        ]);
        expect(made === "waited" ? made : made.status).toBe(201);
      } finally {
        await other.query("ROLLBACK").catch(() => undefined);
        await other.end();
      }
    },
  );
});

/**
 * Another session holding KEY SHARE on the people (what a foreign key takes: the notifications consumer's batch
 * inserting rows for several people, in event order) must not hold up a write that locks those people: with FOR
 * UPDATE the two could each wait for the other, and under load they did (a 500 and a 2 s tail).
 */
describe.skipIf(inject("databaseBackend") === "embedded")("writes that lock people, while another transaction only refers to them", () => {
  async function whileReferred<T>(ids: readonly string[], write: () => Promise<T>): Promise<T | "waited"> {
    const other = new pg.Client({ connectionString: inject("databaseUrl") });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM users WHERE id = ANY($1) FOR KEY SHARE", [ids]);
      return await Promise.race([write(), new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000))]);
    } finally {
      await other.query("ROLLBACK").catch(() => undefined);
      await other.end();
    }
  }

  it("a cancellation", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const id = String(made.body.id);
    const cancelled = await whileReferred([owner.id, reserver.id], () =>
      call<Record<string, unknown>>(reservationCancel.POST, { token: reserver.token, params: { id } }),
    );
    expect(cancelled === "waited" ? cancelled : [cancelled.status, cancelled.body.status]).toEqual([200, "CANCELLED"]);
  });

  it("a reservation's settlement at its start", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const startsAt = new Date(String(made.body.startsAt));
    const advanced = await whileReferred([owner.id, reserver.id], () => advanceReservations(db, new Date(startsAt.getTime() + 1_000)));
    expect(advanced === "waited" ? advanced : advanced.activated).toBeGreaterThanOrEqual(1);
    expect(await db.reservation.findUniqueOrThrow({ where: { id: String(made.body.id) }, select: { status: true } })).toEqual({ status: "ACTIVE" });
  });

  it("a rental request", async () => {
    const admin = await createUser("ADMIN");
    const customer = await createUser("CUSTOMER");
    const vehicle = await newVehicle(admin.token, (await newBranch(admin.token)).id);
    const requested = await whileReferred([customer.id], () =>
      call<Record<string, unknown>>(rentalCollection.POST, {
        path: "/api/v1/rentals",
        token: customer.token,
        json: { vehicleId: vehicle.id, startDate: day(2), endDate: day(4) },
      }),
    );
    expect(requested === "waited" ? requested : requested.status).toBe(201);
  });

  it("a line added to the garage cart", async () => {
    const customer = await createUser("CUSTOMER");
    const car = await newCar(customer.token, (await newCarModel()).id);
    const service = await newGarageService();
    const added = await whileReferred([customer.id], () =>
      call<Record<string, unknown>>(cartCollection.POST, { token: customer.token, json: { serviceId: service.id, carId: car.id } }),
    );
    expect(added === "waited" ? added : added.status).toBe(201);
  });
});
