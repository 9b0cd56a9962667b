import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import * as cancelRoute from "@/app/api/v1/rentals/[id]/cancel/route";
import * as pickupRoute from "@/app/api/v1/rentals/[id]/pickup/route";
import * as rejectRoute from "@/app/api/v1/rentals/[id]/reject/route";
import * as returnRoute from "@/app/api/v1/rentals/[id]/return/route";
import * as rentalItem from "@/app/api/v1/rentals/[id]/route";
import * as rentalCollection from "@/app/api/v1/rentals/route";
import * as branchItem from "@/app/api/v1/branches/[id]/route";
import * as vehicleItem from "@/app/api/v1/vehicles/[id]/route";
import * as vehicleRentals from "@/app/api/v1/vehicles/[id]/rentals/route";
import * as vehicleStatus from "@/app/api/v1/vehicles/[id]/status/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { addDays, today } from "@/lib/modules/rentals/view-models/dates";
import type { BranchView, RentalView, VehicleView } from "@/lib/modules/rentals/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { day, eventsFor, newBranch, newRental, newVehicle, rentalSnapshot, withQuery } from "../support/rentals";

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let employee: TestUser;
let admin: TestUser;
let mechanic: TestUser;
let alice: TestUser;
let bob: TestUser;
let branch: BranchView;

// Alice and Bob file many requests across this file; the per-customer cap has its own tests (hardening-integrity).
const capBefore = process.env.RENTALS_MAX_OPEN_REQUESTS;
afterAll(() => {
  if (capBefore === undefined) delete process.env.RENTALS_MAX_OPEN_REQUESTS;
  else process.env.RENTALS_MAX_OPEN_REQUESTS = capBefore;
  resetEnvCache();
});

beforeAll(async () => {
  process.env.RENTALS_MAX_OPEN_REQUESTS = "1000";
  resetEnvCache();
  [employee, admin, mechanic, alice, bob] = await Promise.all([
    createUser("EMPLOYEE", "Erin Employee"),
    createUser("ADMIN"),
    createUser("MECHANIC"),
    createUser("CUSTOMER", "Alice Customer"),
    createUser("CUSTOMER", "Bob Customer"),
  ]);
  branch = await newBranch(employee.token);
});

const vehicle = (overrides: Record<string, unknown> = {}) => newVehicle(employee.token, branch.id, { dailyPrice: 40, ...overrides });

const post = (handler: unknown, token: string, id: string, json?: unknown) =>
  call<RentalView & Detail>(handler, { method: "POST", token, params: { id }, ...(json === undefined ? {} : { json }) });
const approve = (id: string, token = employee.token) => post(approveRoute.POST, token, id);
const reject = (id: string, reason: unknown, token = employee.token) => post(rejectRoute.POST, token, id, { reason });
const pickUp = (id: string, token = employee.token) => post(pickupRoute.POST, token, id);
const giveBack = (id: string, token = employee.token) => post(returnRoute.POST, token, id);
const cancel = (id: string, token: string) => post(cancelRoute.POST, token, id);

/** Moves a rental's period as if it had been requested earlier (the API never accepts past dates). */
async function shiftPeriod(rentalId: string, startOffset: number, endOffset: number) {
  const rental = await db.rental.findUniqueOrThrow({ where: { id: rentalId } });
  const days = endOffset - startOffset;
  await db.rental.update({
    where: { id: rentalId },
    data: { startDate: addDays(today(), startOffset), endDate: addDays(today(), endOffset), totalPriceCents: days * rental.dailyPriceCents },
  });
}

describe("requesting a rental", () => {
  it("creates a PENDING rental (201) priced days × daily price, with its history and a rental.requested event", async () => {
    const car = await vehicle({ dailyPrice: 39.5 });
    const response = await call<RentalView>(rentalCollection.POST, {
      token: alice.token,
      json: { vehicleId: car.id, startDate: day(3), endDate: day(7) },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      vehicleId: car.id,
      vehicle: { id: car.id, make: car.make, plate: car.plate, branch: { id: branch.id, name: branch.name, city: branch.city } },
      customerId: alice.id,
      customer: { id: alice.id, name: "Alice Customer" },
      startDate: day(3),
      endDate: day(7),
      days: 4,
      status: "PENDING",
      dailyPrice: 39.5,
      totalPrice: 158,
      lateDays: 0,
      lateFee: 0,
      amountDue: 158,
      rejectionReason: null,
    });
    expect(response.body.history).toEqual([
      { fromStatus: null, status: "PENDING", at: expect.any(String), actorId: alice.id, actorName: "Alice Customer", note: null },
    ]);
    expect(await eventsFor(response.body.id)).toEqual([{ topic: "rental_events", type: "rental.requested", payload: response.body, actor: alice.id }]);
  });

  it("lets several customers request overlapping periods of one vehicle", async () => {
    const car = await vehicle();
    const first = await newRental(alice.token, car.id, 5, 10);
    const second = await newRental(bob.token, car.id, 7, 12);
    const third = await newRental((await createUser("CUSTOMER")).token, car.id, 5, 10);
    expect([first.status, second.status, third.status]).toEqual(["PENDING", "PENDING", "PENDING"]);
  });

  it("refuses bad dates and bodies (422 naming the field) and unknown vehicles (404), changing nothing", async () => {
    const car = await vehicle();
    const before = await rentalSnapshot();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ vehicleId: car.id, startDate: day(5), endDate: day(5) }, "endDate"],
      [{ vehicleId: car.id, startDate: day(5), endDate: day(2) }, "endDate"],
      [{ vehicleId: car.id, startDate: day(-1), endDate: day(2) }, "startDate"],
      [{ vehicleId: car.id, startDate: "2031-02-30", endDate: "2031-03-02" }, "startDate"],
      [{ vehicleId: car.id, startDate: `${day(2)}T10:00:00Z`, endDate: day(4) }, "startDate"],
      [{ vehicleId: car.id, startDate: day(2), endDate: 20301231 }, "endDate"],
      [{ vehicleId: car.id, startDate: day(1), endDate: day(200) }, "endDate"],
      [{ vehicleId: car.id, startDate: day(400), endDate: day(401) }, "startDate"],
      [{ vehicleId: "car-1", startDate: day(1), endDate: day(2) }, "vehicleId"],
      [{ startDate: day(1), endDate: day(2) }, "vehicleId"],
    ];
    for (const [json, field] of cases) {
      const response = await call(rentalCollection.POST, { token: alice.token, json });
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(response.body), JSON.stringify(json)).toContain(field);
    }
    expect((await call(rentalCollection.POST, { token: alice.token, rawBody: "[" })).status).toBe(422);
    const unknown = await call<Detail>(rentalCollection.POST, { token: alice.token, json: { vehicleId: UNKNOWN_ID, startDate: day(1), endDate: day(2) } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: "Vehicle not found." });
    expect(await rentalSnapshot()).toEqual(before);
  });

  it("starts today at the earliest; a retired vehicle or a closed branch takes no requests (409)", async () => {
    const car = await vehicle();
    expect((await newRental(alice.token, car.id, 0, 1)).startDate).toBe(day(0));

    const retired = await vehicle();
    await call(vehicleStatus.PATCH, { method: "PATCH", token: employee.token, params: { id: retired.id }, json: { status: "RETIRED" } });
    const closed = await newBranch(employee.token, { active: false });
    const atClosed = await newVehicle(employee.token, closed.id);
    const before = await rentalSnapshot();
    const toRetired = await call<Detail>(rentalCollection.POST, { token: alice.token, json: { vehicleId: retired.id, startDate: day(1), endDate: day(2) } });
    expect(toRetired.status).toBe(409);
    expect(String(toRetired.body.detail)).toContain("retired");
    const toClosed = await call<Detail>(rentalCollection.POST, { token: alice.token, json: { vehicleId: atClosed.id, startDate: day(1), endDate: day(2) } });
    expect(toClosed.status).toBe(409);
    expect(String(toClosed.body.detail)).toContain("not taking rentals");
    expect(await rentalSnapshot()).toEqual(before);
  });

  it("is for customers: staff and mechanics get 403 and nothing changes", async () => {
    const car = await vehicle();
    const before = await rentalSnapshot();
    for (const user of [employee, admin, mechanic]) {
      const response = await call(rentalCollection.POST, { token: user.token, json: { vehicleId: car.id, startDate: day(1), endDate: day(2) } });
      expect(response.status, user.role).toBe(403);
    }
    expect(await rentalSnapshot()).toEqual(before);
  });
});

describe("the lifecycle: approve, pick up, return", () => {
  it("runs PENDING → APPROVED → ACTIVE → COMPLETED, moving the vehicle RENTED → AVAILABLE, recording who and when", async () => {
    const car = await vehicle({ dailyPrice: 50 });
    const rental = await newRental(alice.token, car.id, 0, 3);

    const approved = await approve(rental.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "APPROVED" });
    expect(approved.body.history.map((entry) => [entry.fromStatus, entry.status, entry.actorId, entry.actorName])).toEqual([
      [null, "PENDING", alice.id, "Alice Customer"],
      ["PENDING", "APPROVED", employee.id, "Erin Employee"],
    ]);

    const pickedUp = await pickUp(rental.id);
    expect(pickedUp.status).toBe(200);
    expect(pickedUp.body).toMatchObject({ status: "ACTIVE", vehicle: { status: "RENTED" } });
    expect(pickedUp.body.pickedUpAt).not.toBeNull();
    const rentedCar = await call<VehicleView>(vehicleItem.GET, { token: alice.token, params: { id: car.id } });
    expect(rentedCar.body.status).toBe("RENTED");

    const returned = await giveBack(rental.id, admin.token);
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: "COMPLETED", lateDays: 0, lateFee: 0, totalPrice: 150, amountDue: 150, vehicle: { status: "AVAILABLE" } });
    expect(returned.body.returnedAt).not.toBeNull();
    expect(returned.body.history.map((entry) => entry.status)).toEqual(["PENDING", "APPROVED", "ACTIVE", "COMPLETED"]);
    expect(returned.body.history.at(-1)).toMatchObject({ fromStatus: "ACTIVE", actorId: admin.id });

    const rentalEvents = await eventsFor(rental.id);
    expect(rentalEvents.map((event) => event.type)).toEqual(["rental.requested", "rental.approved", "rental.picked_up", "rental.returned"]);
    expect(rentalEvents.at(-1)?.payload).toEqual(returned.body);
    const vehicleEvents = (await eventsFor(car.id)).filter((event) => event.type === "vehicle.status_changed");
    expect(vehicleEvents.map((event) => (event.payload as { status: string }).status)).toEqual(["RENTED", "AVAILABLE"]);

    const history = await call<RentalView[]>(vehicleRentals.GET, { token: employee.token, params: { id: car.id } });
    expect(history.status).toBe(200);
    expect(history.body).toEqual([returned.body]);
    expect(history.headers.get("X-Total-Count")).toBe("1");
  });

  it("charges every day after the end date at the rental's daily price", async () => {
    const car = await vehicle({ dailyPrice: 30 });
    const rental = await newRental(alice.token, car.id, 0, 2);
    await approve(rental.id);
    await pickUp(rental.id);
    await shiftPeriod(rental.id, -6, -3);
    await call(vehicleItem.PATCH, { method: "PATCH", token: employee.token, params: { id: car.id }, json: { dailyPrice: 99 } });
    const returned = await giveBack(rental.id);
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: "COMPLETED", dailyPrice: 30, totalPrice: 90, lateDays: 3, lateFee: 90, amountDue: 180 });
    expect(returned.body.history.at(-1)?.note).toBe("3 days late");
  });

  it("picks up only from the start date on, and not after the end date", async () => {
    const car = await vehicle();
    const future = await newRental(alice.token, car.id, 2, 4);
    await approve(future.id);
    const before = await rentalSnapshot();
    const early = await pickUp(future.id);
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(`This rental can be picked up from ${day(2)} on.`);
    expect(await rentalSnapshot()).toEqual(before);

    const other = await vehicle();
    const missed = await newRental(alice.token, other.id, 0, 2);
    await approve(missed.id);
    await shiftPeriod(missed.id, -3, -1);
    const late = await pickUp(missed.id);
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toContain("period has ended");
  });

  it("hands over only a vehicle that is at the branch: not while out on another rental or in maintenance", async () => {
    const car = await vehicle();
    const first = await newRental(alice.token, car.id, 0, 1);
    await approve(first.id);
    await pickUp(first.id);
    await shiftPeriod(first.id, -3, -1); // overdue, still out
    const second = await newRental(bob.token, car.id, 0, 2);
    expect((await approve(second.id)).status).toBe(200);
    const before = await rentalSnapshot();
    const refused = await pickUp(second.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("The vehicle is still out on another rental.");
    const statusWhileOut = await call<Detail>(vehicleStatus.PATCH, { method: "PATCH", token: employee.token, params: { id: car.id }, json: { status: "MAINTENANCE" } });
    expect(statusWhileOut.status).toBe(409);
    expect(String(statusWhileOut.body.detail)).toContain("out on a rental");
    expect(await rentalSnapshot()).toEqual(before);

    await giveBack(first.id);
    await call(vehicleStatus.PATCH, { method: "PATCH", token: employee.token, params: { id: car.id }, json: { status: "MAINTENANCE" } });
    const inMaintenance = await pickUp(second.id);
    expect(inMaintenance.status).toBe(409);
    expect(String(inMaintenance.body.detail)).toContain("maintenance");
    await call(vehicleStatus.PATCH, { method: "PATCH", token: employee.token, params: { id: car.id }, json: { status: "AVAILABLE" } });
    expect((await pickUp(second.id)).status).toBe(200);
  });

  it("rejects a pending request with a reason (required), recorded in the history", async () => {
    const car = await vehicle();
    const rental = await newRental(bob.token, car.id, 4, 6);
    const before = await rentalSnapshot();
    for (const reason of [undefined, "", "   ", 42, "x".repeat(501)]) {
      const response = await post(rejectRoute.POST, employee.token, rental.id, reason === undefined ? {} : { reason });
      expect(response.status, JSON.stringify(reason)).toBe(422);
      expect(fieldsOf(response.body)).toEqual(["reason"]);
    }
    expect((await post(rejectRoute.POST, employee.token, rental.id)).status).toBe(422);
    expect(await rentalSnapshot()).toEqual(before);

    const rejected = await reject(rental.id, "  The vehicle is booked for a fleet inspection.  ");
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "REJECTED", rejectionReason: "The vehicle is booked for a fleet inspection." });
    expect(rejected.body.history.at(-1)).toMatchObject({
      fromStatus: "PENDING",
      status: "REJECTED",
      actorId: employee.id,
      note: "The vehicle is booked for a fleet inspection.",
    });
    expect((await eventsFor(rental.id)).at(-1)).toMatchObject({ type: "rental.rejected", payload: rejected.body });
  });

  it("checks every transition against the current state: illegal ones are 409 and change nothing", async () => {
    const car = await vehicle();
    // One customer holds one open request per vehicle and days: the pending and approved ones are other customers'.
    const make = async (token = alice.token) => newRental(token, car.id, 0, 1);
    const pending = await make((await createUser("CUSTOMER")).token);
    const approved = await make((await createUser("CUSTOMER")).token);
    await approve(approved.id);
    const rejected = await make();
    await reject(rejected.id, "No");
    const cancelled = await newRental(alice.token, car.id, 5, 6);
    await cancel(cancelled.id, alice.token);
    const active = await newRental(bob.token, (await vehicle()).id, 0, 1);
    await approve(active.id);
    await pickUp(active.id);
    const completed = await newRental(bob.token, (await vehicle()).id, 0, 1);
    await approve(completed.id);
    await pickUp(completed.id);
    await giveBack(completed.id);

    const illegal: Array<[string, () => Promise<{ status: number; body: Detail }>]> = [
      ["approve APPROVED", () => approve(approved.id)],
      ["approve REJECTED", () => approve(rejected.id)],
      ["approve ACTIVE", () => approve(active.id)],
      ["approve CANCELLED", () => approve(cancelled.id)],
      ["reject APPROVED", () => reject(approved.id, "late")],
      ["reject COMPLETED", () => reject(completed.id, "late")],
      ["pick up PENDING", () => pickUp(pending.id)],
      ["pick up ACTIVE", () => pickUp(active.id)],
      ["pick up REJECTED", () => pickUp(rejected.id)],
      ["return PENDING", () => giveBack(pending.id)],
      ["return APPROVED", () => giveBack(approved.id)],
      ["return COMPLETED", () => giveBack(completed.id)],
      ["cancel ACTIVE", () => cancel(active.id, bob.token)],
      ["cancel COMPLETED", () => cancel(completed.id, bob.token)],
      ["cancel REJECTED", () => cancel(rejected.id, alice.token)],
      ["cancel CANCELLED", () => cancel(cancelled.id, alice.token)],
    ];
    for (const [name, attempt] of illegal) {
      const before = await rentalSnapshot();
      const response = await attempt();
      expect(response.status, name).toBe(409);
      expect(String(response.body.detail), name).toMatch(/^This rental is \w+: only an? [a-z ]+ rental can be /);
      expect(await rentalSnapshot(), name).toEqual(before);
    }
  });
});

describe("approval is exclusive", () => {
  it("a second overlapping approval is a clear 409; back-to-back periods are fine", async () => {
    const car = await vehicle();
    const first = await newRental(alice.token, car.id, 5, 10);
    const overlapping = await newRental(bob.token, car.id, 9, 12);
    const adjacent = await newRental((await createUser("CUSTOMER")).token, car.id, 10, 12);
    expect((await approve(first.id)).status).toBe(200);
    const before = await rentalSnapshot();
    const conflict = await approve(overlapping.id);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      detail: "The vehicle is already booked for part of this period: another rental overlapping it has been approved.",
    });
    expect(await rentalSnapshot()).toEqual(before);
    expect((await approve(adjacent.id)).status).toBe(200);
  });

  it(`concurrent approvals of overlapping requests: exactly one wins, the rest get 409, none 500 (${inject("databaseBackend")})`, async () => {
    const car = await vehicle();
    const customers = await Promise.all(Array.from({ length: 6 }, (_, index) => createUser("CUSTOMER", `Racer ${index}`)));
    const requests = await Promise.all(customers.map((customer, index) => newRental(customer.token, car.id, 20 + index, 26 + index)));
    const staff = [employee, admin, await createUser("EMPLOYEE")];
    const results = await Promise.all(requests.map((rental, index) => approve(rental.id, staff[index % staff.length]!.token)));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const loser of results.filter((result) => result.status === 409)) {
      expect(String(loser.body.detail)).toContain("already booked");
    }
    const approvedRows = await db.rental.findMany({ where: { vehicleId: car.id, status: "APPROVED" } });
    expect(approvedRows).toHaveLength(1);
    expect(await db.rentalStatusChange.count({ where: { rentalId: { in: requests.map((rental) => rental.id) }, toStatus: "APPROVED" } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { key: { in: requests.map((rental) => rental.id) }, type: "rental.approved" } })).toBe(1);
  });

  it("concurrent transitions of one rental: only one applies (approve vs reject, cancel vs reject, double pick-up)", async () => {
    const car = await vehicle();
    for (let round = 0; round < 3; round++) {
      const decided = await newRental(alice.token, car.id, 3 + round * 3, 5 + round * 3);
      const withdrawn = await newRental(bob.token, car.id, 3 + round * 3, 5 + round * 3);
      const results = await Promise.all([
        approve(decided.id),
        reject(decided.id, "Racing"),
        approve(decided.id, admin.token),
        cancel(withdrawn.id, bob.token),
        reject(withdrawn.id, "Racing"),
      ]);
      expect(results.slice(0, 3).filter((result) => result.status === 200), `round ${round}`).toHaveLength(1);
      expect(results.slice(3).filter((result) => result.status === 200), `round ${round}`).toHaveLength(1);
      expect(results.every((result) => result.status === 200 || result.status === 409)).toBe(true);
      for (const rental of [decided, withdrawn]) expect(await db.rentalStatusChange.count({ where: { rentalId: rental.id } })).toBe(2);
    }
    const other = await vehicle();
    const rental = await newRental(alice.token, other.id, 0, 2);
    await approve(rental.id);
    const pickups = await Promise.all([pickUp(rental.id), pickUp(rental.id, admin.token)]);
    expect(pickups.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await db.outboxEvent.count({ where: { key: other.id, type: "vehicle.status_changed" } })).toBe(1);
  });
});

describe("cancelling", () => {
  it("the customer cancels their own pending or approved rental before its start", async () => {
    const car = await vehicle();
    const pending = await newRental(alice.token, car.id, 2, 3);
    const approved = await newRental(alice.token, car.id, 4, 6);
    await approve(approved.id);
    for (const rental of [pending, approved]) {
      const response = await cancel(rental.id, alice.token);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe("CANCELLED");
      expect(response.body.history.at(-1)).toMatchObject({ fromStatus: rental.id === pending.id ? "PENDING" : "APPROVED", actorId: alice.id });
      expect((await eventsFor(rental.id)).at(-1)).toMatchObject({ type: "rental.cancelled", payload: response.body });
    }
    // The freed period can be approved for someone else.
    const next = await newRental(bob.token, car.id, 4, 6);
    expect((await approve(next.id)).status).toBe(200);
  });

  it("not on or after the start date (409), not someone else's (404), not by staff (403) — changing nothing", async () => {
    const car = await vehicle();
    const startsToday = await newRental(alice.token, car.id, 0, 2);
    const later = await newRental(alice.token, car.id, 5, 6);
    const before = await rentalSnapshot();
    const onStart = await cancel(startsToday.id, alice.token);
    expect(onStart.status).toBe(409);
    expect(onStart.body.detail).toBe("A rental can only be cancelled before its start date.");
    const notHers = await cancel(later.id, bob.token);
    expect(notHers.status).toBe(404);
    expect(notHers.body).toEqual({ detail: "Rental not found." });
    for (const user of [employee, admin]) expect((await cancel(later.id, user.token)).status, user.role).toBe(403);
    expect((await cancel(later.id, mechanic.token)).status).toBe(403);
    expect((await cancel(UNKNOWN_ID, alice.token)).status).toBe(404);
    expect(await rentalSnapshot()).toEqual(before);
  });
});

describe("reading rentals", () => {
  let aliceRental: RentalView;
  let bobRental: RentalView;
  let car: VehicleView;

  beforeAll(async () => {
    car = await vehicle();
    aliceRental = await newRental(alice.token, car.id, 30, 32);
    bobRental = await newRental(bob.token, car.id, 30, 33);
    await approve(bobRental.id);
  });

  const list = async (token: string, query: Record<string, string> = {}) => {
    const response = await call<RentalView[]>(rentalCollection.GET, { token, path: withQuery("/api/v1/rentals", query) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return { ids: response.body.map((rental) => rental.id), total: Number(response.headers.get("X-Total-Count")), body: response.body };
  };

  it("customers list only their own rentals, whatever they filter by", async () => {
    const own = await list(alice.token, { limit: "200" });
    expect(own.ids).toContain(aliceRental.id);
    expect(own.ids).not.toContain(bobRental.id);
    expect(own.body.every((rental) => rental.customerId === alice.id)).toBe(true);
    expect((await list(alice.token, { customerId: bob.id })).ids).toEqual([]);
    expect((await list(alice.token, { vehicleId: car.id })).ids).toEqual([aliceRental.id]);
  });

  it("staff list everyone's, filtered by status, vehicle and customer", async () => {
    expect((await list(employee.token, { vehicleId: car.id, sort: "created" })).ids).toEqual([aliceRental.id, bobRental.id]);
    expect((await list(employee.token, { vehicleId: car.id, status: "APPROVED" })).ids).toEqual([bobRental.id]);
    const byCustomer = await list(admin.token, { customerId: bob.id, limit: "200" });
    expect(byCustomer.ids).toContain(bobRental.id);
    expect(byCustomer.body.every((rental) => rental.customerId === bob.id)).toBe(true);
    const paged = await list(employee.token, { vehicleId: car.id, limit: "1", sort: "created" });
    expect(paged).toMatchObject({ ids: [aliceRental.id], total: 2 });
    const badQueries: Array<Record<string, string>> = [{ status: "LOST" }, { vehicleId: "x" }, { limit: "0" }, { sort: "price" }];
    for (const query of badQueries) {
      expect((await call(rentalCollection.GET, { token: employee.token, path: withQuery("/api/v1/rentals", query) })).status, JSON.stringify(query)).toBe(422);
    }
  });

  it("GET /rentals/{id}: the customer or staff; anyone else 404; mechanics 403", async () => {
    expect((await call(rentalItem.GET, { token: alice.token, params: { id: aliceRental.id } })).body).toMatchObject({ id: aliceRental.id });
    expect((await call(rentalItem.GET, { token: employee.token, params: { id: aliceRental.id } })).status).toBe(200);
    expect((await call(rentalItem.GET, { token: admin.token, params: { id: aliceRental.id } })).status).toBe(200);
    const other = await call(rentalItem.GET, { token: bob.token, params: { id: aliceRental.id } });
    expect(other).toMatchObject({ status: 404, body: { detail: "Rental not found." } });
    expect((await call(rentalItem.GET, { token: mechanic.token, params: { id: aliceRental.id } })).status).toBe(403);
    expect((await call(rentalItem.GET, { token: alice.token, params: { id: "42" } })).status).toBe(404);
    expect((await call(rentalCollection.GET, { token: mechanic.token })).status).toBe(403);
  });

  it("GET /vehicles/{id}/rentals is the staff's view of a vehicle's rental history", async () => {
    const history = await call<RentalView[]>(vehicleRentals.GET, { token: employee.token, params: { id: car.id } });
    expect(history.body.map((rental) => rental.id).sort()).toEqual([aliceRental.id, bobRental.id].sort());
    expect(history.body.find((rental) => rental.id === bobRental.id)?.history.map((entry) => entry.status)).toEqual(["PENDING", "APPROVED"]);
    for (const user of [alice, mechanic]) expect((await call(vehicleRentals.GET, { token: user.token, params: { id: car.id } })).status, user.role).toBe(403);
    expect((await call(vehicleRentals.GET, { token: employee.token, params: { id: UNKNOWN_ID } })).status).toBe(404);
  });
});

describe("who may move a rental", () => {
  let pendingRental: RentalView;
  let approvedRental: RentalView;
  let activeRental: RentalView;

  beforeAll(async () => {
    const car = await vehicle();
    pendingRental = await newRental(alice.token, car.id, 10, 12);
    approvedRental = await newRental(alice.token, car.id, 0, 2);
    await approve(approvedRental.id);
    const other = await vehicle();
    activeRental = await newRental(alice.token, other.id, 0, 2);
    await approve(activeRental.id);
    await pickUp(activeRental.id);
  });

  const staffMutations = (): Array<{ name: string; handler: unknown; request: CallOptions }> => [
    { name: "approve", handler: approveRoute.POST, request: { method: "POST", params: { id: pendingRental.id } } },
    { name: "reject", handler: rejectRoute.POST, request: { method: "POST", params: { id: pendingRental.id }, json: { reason: "No" } } },
    { name: "pickup", handler: pickupRoute.POST, request: { method: "POST", params: { id: approvedRental.id } } },
    { name: "return", handler: returnRoute.POST, request: { method: "POST", params: { id: activeRental.id } } },
  ];

  it("customers — even the rental's own — and mechanics get 403 for staff transitions; nothing changes", async () => {
    for (const { name, handler, request } of staffMutations()) {
      for (const user of [alice, bob, mechanic]) {
        const before = await rentalSnapshot();
        const response = await call(handler, { ...request, token: user.token });
        expect(response.status, `${name} by ${user.role} ${user.id}`).toBe(403);
        expect(await rentalSnapshot()).toEqual(before);
      }
    }
  });

  it("revoked, garbage and missing tokens change nothing, for every rental mutation", async () => {
    const revokedEmployee = await createUser("EMPLOYEE");
    const revokedCustomer = await createUser("CUSTOMER");
    await call(logout, { method: "POST", token: revokedEmployee.token });
    await call(logout, { method: "POST", token: revokedCustomer.token });
    const car = await vehicle();
    const all: Array<{ name: string; handler: unknown; request: CallOptions; revoked: TestUser }> = [
      ...staffMutations().map((mutation) => ({ ...mutation, revoked: revokedEmployee })),
      { name: "request", handler: rentalCollection.POST, request: { json: { vehicleId: car.id, startDate: day(1), endDate: day(2) } }, revoked: revokedCustomer },
      { name: "cancel", handler: cancelRoute.POST, request: { method: "POST", params: { id: pendingRental.id } }, revoked: revokedCustomer },
    ];
    for (const { name, handler, request, revoked } of all) {
      const before = await rentalSnapshot();
      const withRevoked = await call(handler, { ...request, token: revoked.token });
      expect(withRevoked.status, name).toBe(403);
      expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
      expect((await call(handler, { ...request, token: "not.a.token" })).status, name).toBe(401);
      expect((await call(handler, { ...request, authorization: "Basic abc" })).status, name).toBe(401);
      expect((await call(handler, request)).status, name).toBe(401);
      expect(await rentalSnapshot(), name).toEqual(before);
    }
  });

  it("unknown rental ids are 404 for every transition", async () => {
    const before = await rentalSnapshot();
    for (const id of [UNKNOWN_ID, "nope"]) {
      for (const { name, handler, request } of staffMutations()) {
        const response = await call(handler, { ...request, params: { id }, token: employee.token });
        expect(response.status, `${name} ${id}`).toBe(404);
        expect(response.body).toEqual({ detail: "Rental not found." });
      }
    }
    expect(await rentalSnapshot()).toEqual(before);
  });

  it("an inactive branch's vehicles keep their approved rentals moving", async () => {
    const car = await vehicle();
    const rental = await newRental(bob.token, car.id, 0, 1);
    await approve(rental.id);
    const closing = await call(branchItem.PATCH, { method: "PATCH", token: employee.token, params: { id: branch.id }, json: { active: false } });
    expect(closing.status).toBe(200);
    try {
      expect((await pickUp(rental.id)).status).toBe(200);
      expect((await giveBack(rental.id)).status).toBe(200);
    } finally {
      await call(branchItem.PATCH, { method: "PATCH", token: employee.token, params: { id: branch.id }, json: { active: true } });
    }
  });
});
