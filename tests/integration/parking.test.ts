import { describe, expect, it, vi } from "vitest";
import * as availability from "@/app/api/v1/spots/[id]/availability/route";
import * as spotItem from "@/app/api/v1/spots/[id]/route";
import * as spots from "@/app/api/v1/spots/route";
import * as reservationItem from "@/app/api/v1/reservations/[id]/route";
import { POST as cancel } from "@/app/api/v1/reservations/[id]/cancel/route";
import * as reservations from "@/app/api/v1/reservations/route";
import { GET as credits } from "@/app/api/v1/credits/route";
import { db } from "@/lib/db";
import { store } from "@/lib/kv";
import { parkingSettings } from "@/lib/modules/parking/settings";
import { advanceReservations } from "@/lib/modules/parking/services/lifecycle";
import { concurrentClient } from "../support/databases";
import { countStatements } from "../support/query-count";
import { call } from "../support/http";
import { createUser } from "../support/identity";
import { createSpot, creditsOf, HOUR, inFuture, MINUTE, offeredSpot, parkingSnapshot, publish, reserveCall } from "../support/parking";

describe("spots", () => {
  it("a resident registers a spot; labels are unique per owner; only residents own spots", async () => {
    const owner = await createUser("CUSTOMER", "Olga Owner");
    const created = await call<Record<string, unknown>>(spots.POST, {
      token: owner.token,
      json: { label: "B-12", zone: "Level -1", description: "Near the lift", kind: "EV_CHARGER" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      label: "B-12",
      zone: "Level -1",
      kind: "EV_CHARGER",
      owner: { id: owner.id, name: "Olga Owner" },
      availableNow: false,
      availability: [],
      nextReservation: null,
    });
    const admin = await createUser("ADMIN");
    const employee = await createUser("EMPLOYEE");
    const before = await parkingSnapshot();
    const duplicate = await call(spots.POST, { token: owner.token, json: { label: "b-12", zone: "Level 2" } });
    expect(duplicate.status).toBe(409);
    expect((await call(spots.POST, { token: admin.token, json: { label: "A-1", zone: "Z" } })).status).toBe(403);
    expect((await call(spots.POST, { token: employee.token, json: { label: "E-1", zone: "Z" } })).status).toBe(403);
    const invalid = await call<{ detail: Array<{ loc: string[] }> }>(spots.POST, { token: owner.token, json: { label: "", zone: "", kind: "HELIPAD" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((error) => error.loc.join(".")).sort()).toEqual(["body.kind", "body.label", "body.zone"]);
    expect(await parkingSnapshot()).toEqual(before);
    // Another owner may use the same label.
    const other = await createUser("CUSTOMER");
    expect((await call(spots.POST, { token: other.token, json: { label: "B-12", zone: "Level -1" } })).status).toBe(201);
  });

  it("only the owner or an admin edits or deletes; a spot with an upcoming reservation stays", async () => {
    const owner = await createUser("CUSTOMER");
    const stranger = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const spot = await offeredSpot(owner);
    let before = await parkingSnapshot();
    expect((await call(spotItem.PATCH, { method: "PATCH", token: stranger.token, params: { id: spot.id }, json: { zone: "Roof" } })).status).toBe(403);
    expect((await call(spotItem.DELETE, { method: "DELETE", token: stranger.token, params: { id: spot.id } })).status).toBe(403);
    expect((await call(spotItem.PATCH, { method: "PATCH", token: owner.token, params: { id: spot.id }, json: {} })).status).toBe(422);
    expect((await call(spotItem.PATCH, { method: "PATCH", token: owner.token, params: { id: "not-a-uuid" }, json: { zone: "x" } })).status).toBe(404);
    expect((await call(spotItem.GET, { token: stranger.token, params: { id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
    expect(await parkingSnapshot()).toEqual(before);
    const kindOnly = await call<Record<string, unknown>>(spotItem.PATCH, { method: "PATCH", token: owner.token, params: { id: spot.id }, json: { kind: "COMPACT" } });
    expect(kindOnly.body).toMatchObject({ kind: "COMPACT", zone: "Level 1" });
    before = await parkingSnapshot();

    const byAdmin = await call<Record<string, unknown>>(spotItem.PATCH, { method: "PATCH", token: admin.token, params: { id: spot.id }, json: { zone: "Roof" } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.zone).toBe("Roof");

    const reservation = await reserveCall(stranger, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR));
    expect(reservation.status).toBe(201);
    const blocked = await call<{ detail: string; reservationId: string }>(spotItem.DELETE, { method: "DELETE", token: owner.token, params: { id: spot.id } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.reservationId).toBe(reservation.body.id);

    await call(cancel, { method: "POST", token: owner.token, params: { id: String(reservation.body.id) } });
    expect((await call(spotItem.DELETE, { method: "DELETE", token: owner.token, params: { id: spot.id } })).status).toBe(204);
    expect((await call(spotItem.GET, { token: owner.token, params: { id: spot.id } })).status).toBe(404);
  });
});

describe("availability", () => {
  it("windows merge when they overlap or touch; the toggle opens from now and withdraws", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    await publish(owner, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    await publish(owner, spot.id, inFuture(90 * MINUTE), inFuture(3 * HOUR));
    const merged = await call<{ windows: unknown[] }>(availability.GET, { token: owner.token, params: { id: spot.id } });
    expect(merged.body.windows).toHaveLength(1);

    const opened = await call<{ availableNow: boolean; availability: Array<{ startsAt: string; endsAt: string }> }>(availability.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: spot.id },
      json: { available: true, until: inFuture(30 * MINUTE) },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.availableNow).toBe(true);

    const closed = await call<{ availableNow: boolean; availability: unknown[] }>(availability.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: spot.id },
      json: { available: false },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ availableNow: false, availability: [] });
  });

  it("refuses to withdraw over a confirmed reservation, naming it, and changes nothing", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const reservation = await reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR));
    const before = await parkingSnapshot();
    const refused = await call<{ detail: string; reservationId: string }>(availability.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: spot.id },
      json: { available: false },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(String(reservation.body.id));
    expect(refused.body.reservationId).toBe(reservation.body.id);
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("rejects past, inverted, overlong and malformed windows, and strangers, changing nothing", async () => {
    const owner = await createUser("CUSTOMER");
    const stranger = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    const before = await parkingSnapshot();
    const attempts = [
      { token: owner.token, json: { from: inFuture(-2 * HOUR), to: inFuture(-HOUR) } },
      { token: owner.token, json: { from: inFuture(2 * HOUR), to: inFuture(HOUR) } },
      { token: owner.token, json: { from: inFuture(HOUR), to: inFuture(400 * 24 * HOUR) } },
      { token: owner.token, json: { from: "tomorrow", to: "later" } },
      { token: owner.token, json: { from: "2030-01-01T10:00:00" , to: "2030-01-01T12:00:00" } },
    ];
    for (const attempt of attempts) {
      const response = await call(availability.POST, { ...attempt, params: { id: spot.id } });
      expect(response.status, JSON.stringify(attempt.json)).toBe(422);
    }
    const byStranger = await call(availability.POST, { token: stranger.token, params: { id: spot.id }, json: { from: inFuture(HOUR), to: inFuture(2 * HOUR) } });
    expect(byStranger.status).toBe(403);
    const badToggle = await call(availability.PUT, { method: "PUT", token: owner.token, params: { id: spot.id }, json: { available: true } });
    expect(badToggle.status).toBe(422);
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("validation errors name the field that is wrong", () => {
  it("the toggle's until, and only the malformed one of a pair", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    const before = await parkingSnapshot();
    const pastUntil = await call<{ detail: Array<{ loc: string[] }> }>(availability.PUT, {
      method: "PUT",
      token: owner.token,
      params: { id: spot.id },
      json: { available: true, until: inFuture(-MINUTE) },
    });
    expect(pastUntil.status).toBe(422);
    expect(pastUntil.body.detail.map((error) => error.loc)).toEqual([["body", "until"]]);

    const malformedFrom = await call<{ detail: Array<{ loc: string[] }> }>(availability.POST, {
      token: owner.token,
      params: { id: spot.id },
      json: { from: "2030-02-30T10:00:00Z", to: inFuture(HOUR) },
    });
    expect(malformedFrom.status).toBe(422);
    expect(malformedFrom.body.detail.map((error) => error.loc)).toEqual([["body", "from"]]);

    const malformedStart = await call<{ detail: Array<{ loc: string[] }> }>(reservations.POST, {
      token: owner.token,
      json: { spotId: spot.id, startsAt: "soon", endsAt: inFuture(HOUR) },
    });
    expect(malformedStart.body.detail.map((error) => error.loc)).toEqual([["body", "startsAt"]]);

    const notBoolean = await call<{ detail: Array<{ msg: string }> }>(spots.GET, { token: owner.token, path: "/api/v1/spots?availableNow=maybe" });
    expect(notBoolean.body.detail[0]?.msg).toBe("must be true or false");
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("reservations and credits", () => {
  it("moves the cost into escrow, shows 'busy' on the spot, and the ledger records it", async () => {
    const owner = await createUser("CUSTOMER", "Owner Oz");
    const reserver = await createUser("CUSTOMER", "Reserver Rae");
    const spot = await offeredSpot(owner);
    const startsAt = inFuture(2 * HOUR);
    const endsAt = inFuture(3 * HOUR);
    const created = await reserveCall(reserver, spot.id, startsAt, endsAt);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "CONFIRMED", cost: 3, owner: { id: owner.id, name: "Owner Oz" }, reserver: { id: reserver.id } });
    expect(await creditsOf(reserver.id)).toEqual({ balance: 47, escrow: 3 });
    expect(await creditsOf(owner.id)).toEqual({ balance: 50, escrow: 0 });

    const mine = await call<{ balance: number; escrow: number; transactions: Array<{ kind: string; amount: number; balanceAfter: number }> }>(credits, { token: reserver.token });
    expect(mine.body).toMatchObject({ balance: 47, escrow: 3 });
    expect(mine.body.transactions[0]).toMatchObject({ kind: "ESCROW_HOLD", amount: -3, balanceAfter: 47 });

    const busy = await call<{ busy: Array<{ startsAt: string }> }>(availability.GET, { token: owner.token, params: { id: spot.id } });
    expect(busy.body.busy).toEqual([{ startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), status: "CONFIRMED" }]);
    const listed = await call<Array<{ id: string; nextReservation: unknown; owner: { name: string } }>>(spots.GET, { token: reserver.token, path: `/api/v1/spots?ownerId=${owner.id}` });
    expect(listed.body.find((item) => item.id === spot.id)).toMatchObject({ owner: { name: "Owner Oz" }, nextReservation: { status: "CONFIRMED" } });
  });

  it("refuses with clear errors and changes nothing: own spot, outside a window, past, too short or long, overlaps, no credits", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner, 6);
    const otherSpot = await offeredSpot(owner, 6);
    expect((await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR))).status).toBe(201);
    const before = await parkingSnapshot();
    const cases: Array<[string, Promise<{ status: number; body: unknown }>, number, string?]> = [
      ["own spot", reserveCall(owner, spot.id, inFuture(3 * HOUR), inFuture(4 * HOUR)), 409, "your own spot"],
      ["outside the window", reserveCall(reserver, spot.id, inFuture(5 * HOUR), inFuture(7 * HOUR)), 409, "not offered"],
      ["starts in the past", reserveCall(reserver, spot.id, inFuture(-MINUTE), inFuture(HOUR)), 422],
      ["too short", reserveCall(reserver, spot.id, inFuture(3 * HOUR), inFuture(3 * HOUR + 10 * MINUTE)), 422],
      ["too long", reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(27 * HOUR)), 422],
      ["overlaps on the spot", reserveCall(await createUser("CUSTOMER"), spot.id, inFuture(90 * MINUTE), inFuture(150 * MINUTE)), 409, "already reserved"],
      ["reserver double-booked", reserveCall(reserver, otherSpot.id, inFuture(90 * MINUTE), inFuture(150 * MINUTE)), 409, "You already have"],
      ["unknown spot", reserveCall(reserver, "00000000-0000-4000-8000-000000000000", inFuture(HOUR), inFuture(2 * HOUR)), 404],
    ];
    for (const [name, pending, status, text] of cases) {
      const response = await pending;
      expect(response.status, name).toBe(status);
      if (text) expect(JSON.stringify(response.body), name).toContain(text);
    }
    const after = await parkingSnapshot();
    // Creating the extra user above adds no parking rows; everything parking is unchanged.
    expect({ ...after, users: undefined }).toEqual({ ...before, users: undefined });

    const poor = await createUser("CUSTOMER");
    await db.user.update({ where: { id: poor.id }, data: { credits: 2 } });
    const snapshot = await parkingSnapshot();
    const broke = await reserveCall(poor, otherSpot.id, inFuture(3 * HOUR), inFuture(4 * HOUR));
    expect(broke.status).toBe(409);
    expect(broke.body).toMatchObject({ balance: 2, cost: 3 });
    expect(await parkingSnapshot()).toEqual(snapshot);
  });

  it("cancelling before the start refunds in full — by the reserver, the owner or an admin; anyone else gets 404", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const stranger = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const spot = await offeredSpot(owner);
    for (const [index, canceller] of [reserver, owner, admin].entries()) {
      const made = await reserveCall(reserver, spot.id, inFuture((index + 1) * 2 * HOUR), inFuture(((index + 1) * 2 + 1) * HOUR));
      expect(made.status).toBe(201);
      const id = String(made.body.id);
      const before = await parkingSnapshot();
      expect((await call(cancel, { method: "POST", token: stranger.token, params: { id } })).status).toBe(404);
      expect((await call(reservationItem.GET, { token: stranger.token, params: { id } })).status).toBe(404);
      expect(await parkingSnapshot()).toEqual(before);
      const cancelled = await call<Record<string, unknown>>(cancel, { method: "POST", token: canceller.token, params: { id } });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: "CANCELLED", cancelledById: canceller.id });
      expect(await creditsOf(reserver.id)).toEqual({ balance: 50, escrow: 0 });
      expect((await call(cancel, { method: "POST", token: reserver.token, params: { id } })).status).toBe(409);
    }
  });

  it("settles escrow to the owner at the start and completes at the end, once, even with two schedulers", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const id = String(made.body.id);
    const startsAt = new Date(String(made.body.startsAt));
    const endsAt = new Date(String(made.body.endsAt));

    const first = await concurrentClient();
    const second = await concurrentClient();
    try {
      // Earlier tests' reservations start sooner: settle those first so the race is about this one.
      await advanceReservations(db, new Date(startsAt.getTime() - 1000));
      const atStart = new Date(startsAt.getTime() + 1000);
      await Promise.all([advanceReservations(first.client, atStart), advanceReservations(second.client, atStart), advanceReservations(db, atStart)]);
      expect((await db.reservation.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
      expect(await creditsOf(owner.id)).toEqual({ balance: 53, escrow: 0 });
      expect(await creditsOf(reserver.id)).toEqual({ balance: 47, escrow: 0 });
      expect(await db.creditTransaction.count({ where: { reservationId: id, kind: "SETTLEMENT" } })).toBe(1);
      expect((await call(cancel, { method: "POST", token: reserver.token, params: { id } })).status).toBe(409);

      const atEnd = new Date(endsAt.getTime() + 1000);
      await Promise.all([advanceReservations(first.client, atEnd), advanceReservations(second.client, atEnd)]);
      expect((await db.reservation.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
      expect(await creditsOf(owner.id)).toEqual({ balance: 53, escrow: 0 });
    } finally {
      await Promise.all([first.release(), second.release()]);
    }
  });

  it("catches up after downtime: a reservation whose whole time passed unseen is settled and completed", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const later = new Date(Date.now() + 5 * HOUR);
    await advanceReservations(db, later);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: String(made.body.id) } })).status).toBe("COMPLETED");
    expect(await creditsOf(owner.id)).toEqual({ balance: 53, escrow: 0 });
  });

  it("limits how often the same two people reserve each other's spots in a day", async () => {
    const first = await createUser("CUSTOMER");
    const second = await createUser("CUSTOMER");
    const spotOfSecond = await offeredSpot(second, 24);
    const spotOfFirst = await offeredSpot(first, 24);
    expect((await reserveCall(first, spotOfSecond.id, inFuture(HOUR), inFuture(2 * HOUR))).status).toBe(201);
    expect((await reserveCall(second, spotOfFirst.id, inFuture(3 * HOUR), inFuture(4 * HOUR))).status).toBe(201);
    expect((await reserveCall(first, spotOfSecond.id, inFuture(5 * HOUR), inFuture(6 * HOUR))).status).toBe(201);
    const before = await parkingSnapshot();
    const fourth = await reserveCall(second, spotOfFirst.id, inFuture(7 * HOUR), inFuture(8 * HOUR));
    expect(fourth.status).toBe(409);
    expect(JSON.stringify(fourth.body)).toContain("between the same two people");
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("at most 10 reservations a user makes a day, cancelled ones included; 15 minutes and 24 hours are both allowed", async () => {
    const reserver = await createUser("CUSTOMER");
    const owners = await Promise.all([1, 2, 3, 4, 5].map(() => createUser("CUSTOMER")));
    const spotsOf = await Promise.all(owners.map((owner) => offeredSpot(owner, 60)));
    const base = Date.now() + HOUR;
    const at = (offset: number) => new Date(base + offset).toISOString();
    const exactDay = await reserveCall(reserver, spotsOf[0]!.id, at(0), at(24 * HOUR));
    expect(exactDay.status).toBe(201);
    expect((await call(cancel, { method: "POST", token: reserver.token, params: { id: String(exactDay.body.id) } })).status).toBe(200);
    for (let index = 1; index < 10; index++) {
      const start = 25 * HOUR + index * HOUR;
      const made = await reserveCall(reserver, spotsOf[Math.floor(index / 3)]!.id, at(start), at(start + 15 * MINUTE));
      expect(made.status, `reservation ${index + 1}`).toBe(201);
    }
    const before = await parkingSnapshot();
    const eleventh = await reserveCall(reserver, spotsOf[4]!.id, at(40 * HOUR), at(41 * HOUR));
    expect(eleventh.status).toBe(409);
    expect(JSON.stringify(eleventh.body)).toContain("at most 10 reservations a day");
    expect(await parkingSnapshot()).toEqual(before);
    expect(await creditsOf(reserver.id)).toEqual({ balance: 50 - 27, escrow: 27 });
  });

  it("GET /credits pages the ledger newest first", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    await call(cancel, { method: "POST", token: reserver.token, params: { id: String(made.body.id) } });
    await reserveCall(reserver, spot.id, inFuture(3 * HOUR), inFuture(4 * HOUR));
    type Page = { balance: number; escrow: number; transactions: Array<{ id: string; kind: string; balanceAfter: number }>; nextBefore: string | null };
    const first = await call<Page>(credits, { token: reserver.token, path: "/api/v1/credits?limit=2" });
    expect(first.body).toMatchObject({ balance: 47, escrow: 3 });
    expect(first.body.transactions.map((entry) => [entry.kind, entry.balanceAfter])).toEqual([
      ["ESCROW_HOLD", 47],
      ["REFUND", 50],
    ]);
    const second = await call<Page>(credits, { token: reserver.token, path: `/api/v1/credits?limit=2&before=${first.body.nextBefore}` });
    expect(second.body.transactions.map((entry) => [entry.kind, entry.balanceAfter])).toEqual([["ESCROW_HOLD", 47]]);
    expect(second.body.nextBefore).toBeNull();
    const ownersView = await call<Page>(credits, { token: owner.token });
    expect(ownersView.body).toMatchObject({ balance: 50, escrow: 0, transactions: [], nextBefore: null });
    for (const bad of ["limit=0", "limit=201", "limit=1.5", "before=abc", "before=-1"]) {
      expect((await call(credits, { token: reserver.token, path: `/api/v1/credits?${bad}` })).status, bad).toBe(422);
    }
  });

  it("lists my reservations (made and on my spots), all of them only for admins", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const asOwner = await call<Array<{ id: string }>>(reservations.GET, { token: owner.token, path: "/api/v1/reservations?role=owner" });
    expect(asOwner.body.map((entry) => entry.id)).toContain(made.body.id);
    const asReserver = await call<Array<{ id: string }>>(reservations.GET, { token: reserver.token, path: "/api/v1/reservations?all=true" });
    expect(asReserver.body.every((entry) => entry.id === made.body.id)).toBe(true);
    const asAdmin = await call<Array<{ id: string }>>(reservations.GET, { token: admin.token, path: "/api/v1/reservations?all=true&limit=200" });
    expect(asAdmin.body.map((entry) => entry.id)).toContain(made.body.id);
    expect(Number(asAdmin.headers.get("x-total-count"))).toBeGreaterThanOrEqual(1);
  });
});

describe("malformed ids", () => {
  it("a malformed path id is a 404 like an unknown one, on every parking route; a malformed id in a body is a 422 naming it", async () => {
    const owner = await createUser("CUSTOMER");
    const before = await parkingSnapshot();
    const malformed = { id: "not-a-uuid" };
    const spotNotFound: Array<Promise<{ status: number; body: unknown }>> = [
      call(spotItem.GET, { token: owner.token, params: malformed }),
      call(spotItem.PATCH, { method: "PATCH", token: owner.token, params: malformed, json: { zone: "x" } }),
      call(spotItem.DELETE, { method: "DELETE", token: owner.token, params: malformed }),
      call(availability.GET, { token: owner.token, params: malformed }),
      call(availability.POST, { token: owner.token, params: malformed, json: { from: inFuture(HOUR), to: inFuture(2 * HOUR) } }),
      call(availability.PUT, { method: "PUT", token: owner.token, params: malformed, json: { available: false } }),
    ];
    for (const response of await Promise.all(spotNotFound)) expect(response).toMatchObject({ status: 404, body: { detail: "Spot not found." } });
    const reservationNotFound = [
      await call(reservationItem.GET, { token: owner.token, params: malformed }),
      await call(cancel, { token: owner.token, params: malformed }),
    ];
    for (const response of reservationNotFound) expect(response).toMatchObject({ status: 404, body: { detail: "Reservation not found." } });
    const inBody = await call<{ detail: Array<{ loc: string[] }> }>(reservations.POST, {
      token: owner.token,
      json: { spotId: "not-a-uuid", startsAt: inFuture(HOUR), endsAt: inFuture(2 * HOUR) },
    });
    expect(inBody.status).toBe(422);
    expect(inBody.body.detail.map((error) => error.loc)).toEqual([["body", "spotId"]]);
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("GET /spots filters and the cache", () => {
  it("filters by zone, kind, owner and availability, and a reservation takes the spot out of a window search at once", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const zone = `Zone-${Date.now()}`;
    const ev = await offeredSpot(owner, 6, { zone, kind: "EV_CHARGER" });
    const compact = await createSpot(owner, { zone, kind: "COMPACT" });
    await call(availability.PUT, { method: "PUT", token: owner.token, params: { id: compact.id }, json: { available: true, until: inFuture(HOUR) } });

    const list = async (query: string) =>
      (await call<Array<{ id: string }>>(spots.GET, { token: reserver.token, path: `/api/v1/spots?zone=${encodeURIComponent(zone)}&${query}` })).body.map((spot) => spot.id).sort();
    expect(await list("")).toEqual([ev.id, compact.id].sort());
    expect(await list("kind=EV_CHARGER")).toEqual([ev.id]);
    expect(await list("availableNow=true")).toEqual([compact.id]);
    const from = inFuture(2 * HOUR);
    const to = inFuture(3 * HOUR);
    const windowQuery = `availableFrom=${encodeURIComponent(from)}&availableTo=${encodeURIComponent(to)}`;
    expect(await list(windowQuery)).toEqual([ev.id]);
    expect((await reserveCall(reserver, ev.id, from, to)).status).toBe(201);
    expect(await list(windowQuery)).toEqual([]);

    expect(await list("availableNow=false")).toEqual([ev.id]);
    expect(await list("availableNow=0")).toEqual([ev.id]);
    const withOwner = await call<Array<{ id: string; owner: { name: string }; nextReservation: { startsAt: string } | null }>>(spots.GET, {
      token: reserver.token,
      path: `/api/v1/spots?ownerId=${owner.id}&zone=${encodeURIComponent(zone)}`,
    });
    expect(withOwner.body.map((spot) => [spot.id, spot.owner.name, spot.nextReservation?.startsAt ?? null]).sort()).toEqual(
      [
        [ev.id, "Test customer", new Date(from).toISOString()],
        [compact.id, "Test customer", null],
      ].sort(),
    );

    for (const bad of ["kind=HELIPAD", "availableFrom=2030-01-01T00:00:00Z", "availableTo=2030-01-01T00:00:00Z", "availableNow=maybe", "limit=0", "ownerId=MEC000001"]) {
      expect((await call(spots.GET, { token: reserver.token, path: `/api/v1/spots?${bad}` })).status, bad).toBe(422);
    }
  });
  it("a cached list costs no statement; a change made elsewhere applies once it bumps the shared version, an unseen one within the TTL", async () => {
    const owner = await createUser("CUSTOMER");
    const reader = await createUser("CUSTOMER");
    const zone = `Cached-${Date.now()}`;
    const spot = await createSpot(owner, { zone, kind: "COMPACT", label: "Before" });
    const labels = async () =>
      (await call<Array<{ label: string }>>(spots.GET, { token: reader.token, path: `/api/v1/spots?zone=${encodeURIComponent(zone)}` })).body.map((row) => row.label);
    expect(await labels()).toEqual(["Before"]);

    const counter = countStatements();
    try {
      await labels(); // the counting connection's own setup
      const before = counter.count();
      const version = await store().get("parking:spots:version");
      expect(await labels()).toEqual(["Before"]);
      if ((await store().get("parking:spots:version")) === version) expect(counter.count() - before).toBe(0);
    } finally {
      await counter.restore();
    }

    // Another instance's change: its commit (here straight into the table), then its new version in the shared store.
    // Served from the cache — unless, on Redis, a test file running meanwhile changed parking (a new shared version).
    const unannounced = store().backend === "memory";
    await db.parkingSpot.update({ where: { id: spot.id }, data: { label: "After" } });
    if (unannounced) expect(await labels()).toEqual(["Before"]);
    await store().set("parking:spots:version", `elsewhere-${Date.now()}`);
    expect(await labels()).toEqual(["After"]);

    // A change no one announced (time passing, or psql): the list is at most PARKING_CACHE_TTL_SECONDS old.
    await db.parkingSpot.update({ where: { id: spot.id }, data: { label: "Later" } });
    if (unannounced) expect(await labels()).toEqual(["After"]);
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + parkingSettings().PARKING_CACHE_TTL_SECONDS * 1000);
    try {
      expect(await labels()).toEqual(["Later"]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});


