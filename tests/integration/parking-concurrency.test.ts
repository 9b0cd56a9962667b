import { describe, expect, inject, it } from "vitest";
import { POST as cancel } from "@/app/api/v1/reservations/[id]/cancel/route";
import { db } from "@/lib/db";
import { advanceReservations } from "@/lib/modules/parking/services/lifecycle";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { creditsOf, HOUR, inFuture, MINUTE, offeredSpot, reserveCall } from "../support/parking";

const backend = inject("databaseBackend");

/** Setup, not the behaviour under test: one after another. */
async function createUsers(count: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let index = 0; index < count; index++) users.push(await createUser("CUSTOMER"));
  return users;
}

describe(`parking under concurrency (${backend})`, () => {
  it("50 simultaneous reservations of one spot for one time: exactly one 201, the rest 409, one escrow", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner, 6);
    const reservers = await createUsers(50);
    const startsAt = inFuture(2 * HOUR);
    const endsAt = inFuture(3 * HOUR);
    const responses = await Promise.all(reservers.map((reserver) => reserveCall(reserver, spot.id, startsAt, endsAt)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = reservers[statuses.indexOf(201)]!;
    expect(await creditsOf(winner.id)).toEqual({ balance: 47, escrow: 3 });
    const losers = reservers.filter((reserver) => reserver !== winner);
    const balances = await db.user.findMany({ where: { id: { in: losers.map((loser) => loser.id) } }, select: { credits: true } });
    expect(balances.every((user) => user.credits === 50)).toBe(true);
  });

  it("50 users placing random overlapping requests over 20 spots: no overlaps, and credits are conserved", async () => {
    const owners = await createUsers(20);
    const spots: Array<{ id: string }> = [];
    for (const owner of owners) spots.push(await offeredSpot(owner, 10));
    const reservers = await createUsers(50);
    const group: TestUser[] = [...owners, ...reservers];

    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    const base = Date.now() + 5 * MINUTE;
    const requests = reservers.flatMap((reserver) =>
      Array.from({ length: 3 }, () => {
        const spot = spots[random(spots.length)]!;
        const start = base + random(16) * 15 * MINUTE; // quarter-hour slots over four hours: plenty of clashes
        const length = (1 + random(4)) * 15 * MINUTE;
        return () => reserveCall(reserver, spot.id, new Date(start).toISOString(), new Date(start + length).toISOString());
      }),
    );
    const responses = await Promise.all(requests.map((send) => send()));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409), JSON.stringify(statuses)).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(0);

    const groupIds = group.map((user) => user.id);
    const overlaps = await db.$queryRaw<Array<{ count: bigint }>>`
      SELECT count(*) AS count FROM reservations a JOIN reservations b
        ON a.id < b.id AND a.status IN ('CONFIRMED','ACTIVE') AND b.status IN ('CONFIRMED','ACTIVE')
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
       AND (a.spot_id = b.spot_id OR a.reserver_id = b.reserver_id)
      WHERE a.reserver_id = ANY(${groupIds}) OR b.reserver_id = ANY(${groupIds})`;
    expect(Number(overlaps[0]!.count)).toBe(0);

    let total = 0;
    for (const user of group) {
      const { balance, escrow } = await creditsOf(user.id);
      expect(balance).toBeGreaterThanOrEqual(0);
      total += balance + escrow;
    }
    expect(total).toBe(50 * group.length);
    const confirmed = await db.reservation.count({ where: { reserverId: { in: reservers.map((user) => user.id) }, status: "CONFIRMED" } });
    expect(confirmed).toBe(statuses.filter((status) => status === 201).length);
  });

  it("cancelling and rebooking the same time elsewhere at once never deadlocks: both succeed or the rebooking gets 409", async () => {
    const owners = await createUsers(2);
    const first = await offeredSpot(owners[0]!, 30);
    const second = await offeredSpot(owners[1]!, 30);
    const reservers = await createUsers(10);
    for (const [index, reserver] of reservers.entries()) {
      const startsAt = inFuture(HOUR + index * 2 * HOUR);
      const endsAt = inFuture(2 * HOUR + index * 2 * HOUR);
      const made = await reserveCall(reserver, first.id, startsAt, endsAt);
      expect(made.status).toBe(201);
      const [cancelled, rebooked] = await Promise.all([
        call(cancel, { method: "POST", token: reserver.token, params: { id: String(made.body.id) } }),
        reserveCall(reserver, second.id, startsAt, endsAt),
      ]);
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect([201, 409], JSON.stringify(rebooked.body)).toContain(rebooked.status);
      const { balance, escrow } = await creditsOf(reserver.id);
      expect(balance + escrow).toBe(50);
    }
  });

  it("settling at the start while someone books the same spot at once never deadlocks: the booking gets 409", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner, 30);
    for (let index = 0; index < 8; index++) {
      const [reserver, latecomer] = await createUsers(2);
      const startsAt = new Date(Date.now() + HOUR + index * 2 * HOUR);
      const made = await reserveCall(reserver!, spot.id, startsAt.toISOString(), new Date(startsAt.getTime() + HOUR).toISOString());
      expect(made.status).toBe(201);
      const [, booked] = await Promise.all([
        advanceReservations(db, new Date(startsAt.getTime() + 1000)),
        reserveCall(latecomer!, spot.id, new Date(startsAt.getTime() + 10 * MINUTE).toISOString(), new Date(startsAt.getTime() + 30 * MINUTE).toISOString()),
      ]);
      expect(booked.status, JSON.stringify(booked.body)).toBe(409);
      expect(await creditsOf(owner.id)).toEqual({ balance: 50 + 3 * (index + 1), escrow: 0 });
    }
  });
});
