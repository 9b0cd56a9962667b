import { beforeAll, describe, expect, it } from "vitest";
import * as approvalsRoute from "@/app/api/v1/bookings/[id]/approvals/route";
import * as deferredRoute from "@/app/api/v1/customer-cars/[id]/deferred-work/route";
import * as reviseRoute from "@/app/api/v1/recommendations/[id]/revise/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import { garageNotifications } from "@/lib/modules/garage/notifications";
import type { ApprovalOutcomeView, ApprovalRecordView, BookingDetailView, RecommendationView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { bookCall, customerCar, eventsFor, garageCatalogue, openDay, slotAt, type GarageFixture } from "../support/garage-bookings";
import { approvalSnapshot, assign, recommend, workshopBooking } from "../support/garage-approvals";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let catalogue: GarageFixture;

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  catalogue = await garageCatalogue();
});

/** A customer, their car and a booking awaiting approval of two recommendations: oil (chart 120000) and brakes (base 250000). */
async function awaitingTwo(status: "AWAITING_APPROVAL" | "IN_PROGRESS" | "BOOKED" | "QUALITY_CHECK" = "AWAITING_APPROVAL") {
  const customer = await createUser("CUSTOMER", "Asha Customer");
  const car = await customerCar(customer.id, catalogue.carModelId);
  const booking = await workshopBooking(customer.id, car.id, status);
  const oil = await recommend(users.ADMIN, booking.id, { serviceId: catalogue.serviceIds[0], severity: "ATTENTION", reason: "Oil is black" });
  const brakes = await recommend(users.ADMIN, booking.id, { serviceId: catalogue.serviceIds[1], severity: "CRITICAL", reason: "Pads at 10%" });
  return { customer, car, booking, oil, brakes };
}

const decide = (user: TestUser, bookingId: string, json: unknown) =>
  call<ApprovalOutcomeView>(approvalsRoute.POST, { token: user.token, params: { id: bookingId }, path: `/api/v1/bookings/${bookingId}/approvals`, json });
const history = (user: TestUser, bookingId: string) =>
  call<ApprovalRecordView[]>(approvalsRoute.GET, { token: user.token, params: { id: bookingId }, path: `/api/v1/bookings/${bookingId}/approvals` });
const revise = (user: TestUser, id: string, json: unknown) =>
  call<RecommendationView>(reviseRoute.POST, { token: user.token, params: { id }, path: `/api/v1/recommendations/${id}/revise`, json });
const deferred = (user: TestUser, carId: string) =>
  call<RecommendationView[]>(deferredRoute.GET, { token: user.token, params: { id: carId }, path: `/api/v1/customer-cars/${carId}/deferred-work` });

describe("deciding on recommended work", () => {
  it("approves one item: one record with its item, a booked service, totals up by exactly that item; the booking still awaits the other", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    expect(oil).toMatchObject({ priceMinor: 120_000, taxMinor: 21_600, labourMinutes: 60, status: "PENDING", version: 1 });
    const response = await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }], note: "Go ahead" });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const [record] = response.body.records;
    expect(response.body.records).toHaveLength(1);
    expect(record).toMatchObject({
      bookingId: booking.id,
      decision: "APPROVED",
      channel: "IN_APP",
      customerId: customer.id,
      customerName: "Asha Customer",
      recordedById: customer.id,
      amountMinor: 141_600,
      note: "Go ahead",
      items: [{ recommendationId: oil.id, version: 1, serviceName: oil.serviceName, priceMinor: 120_000, taxMinor: 21_600 }],
    });
    expect(Date.now() - Date.parse(record!.at)).toBeLessThan(60_000);
    expect(response.body.booking).toMatchObject({ status: "AWAITING_APPROVAL", labourMinutes: 120, subtotalMinor: 121_000, taxMinor: 21_780, totalMinor: 142_780 });
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: oil.id }, include: { bookedService: true } });
    expect(row.status).toBe("APPROVED");
    expect(row.bookedService).toMatchObject({ bookingId: booking.id, serviceId: oil.serviceId, priceMinor: 120_000, taxMinor: 21_600, labourMinutes: 60, priceSource: "SEGMENT", gstBasisPoints: 1800 });
    const types = (await eventsFor(booking.id)).map((event) => event.type);
    expect(types).toContain("recommendation.approved");
    expect(types).not.toContain("booking.status_changed");
    const approved = (await eventsFor(booking.id)).find((event) => event.type === "recommendation.approved")!;
    expect(approved.payload).toMatchObject({ id: record!.id, customerId: customer.id, carPlate: booking.carPlate, amountMinor: 141_600 });
  });

  it("declines the last pending item: a DECLINED record, totals unchanged, the booking moves to IN_PROGRESS with a progress entry", async () => {
    const { customer, booking, oil, brakes } = await awaitingTwo();
    await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] });
    const response = await decide(customer, booking.id, { decisions: [{ recommendationId: brakes.id, decision: "DECLINED", version: 1 }] });
    expect(response.status).toBe(201);
    expect(response.body.records).toEqual([expect.objectContaining({ decision: "DECLINED", amountMinor: 295_000 })]);
    expect(response.body.booking).toMatchObject({ status: "IN_PROGRESS", subtotalMinor: 121_000, totalMinor: 142_780 });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: brakes.id } })).status).toBe("DECLINED");
    const progress = await db.bookingProgress.findMany({ where: { bookingId: booking.id, toStatus: "IN_PROGRESS" } });
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ fromStatus: "AWAITING_APPROVAL", actorId: customer.id });
  });

  it("decides everything at once, and item by item in one call with one record per decision", async () => {
    const all = await awaitingTwo();
    const response = await decide(all.customer, all.booking.id, { all: "APPROVED" });
    expect(response.status).toBe(201);
    expect(response.body.records).toHaveLength(1);
    expect(response.body.records[0]!.items.map((item) => item.recommendationId).sort()).toEqual([all.oil.id, all.brakes.id].sort());
    expect(response.body.records[0]!.amountMinor).toBe(141_600 + 295_000);
    expect(response.body.booking).toMatchObject({ status: "IN_PROGRESS", labourMinutes: 60 + 60 + 90, subtotalMinor: 1000 + 120_000 + 250_000, taxMinor: 180 + 21_600 + 45_000 });
    expect(await db.bookedService.count({ where: { bookingId: all.booking.id } })).toBe(3);

    const mixed = await awaitingTwo();
    const both = await decide(mixed.customer, mixed.booking.id, {
      decisions: [
        { recommendationId: mixed.oil.id, decision: "DECLINED", version: 1 },
        { recommendationId: mixed.brakes.id, decision: "APPROVED", version: 1 },
      ],
    });
    expect(both.status).toBe(201);
    expect(both.body.records.map((record) => [record.decision, record.items.length])).toEqual([["APPROVED", 1], ["DECLINED", 1]]);
    expect(both.body.booking).toMatchObject({ status: "IN_PROGRESS", subtotalMinor: 251_000, taxMinor: 45_180, totalMinor: 296_180 });
  });

  it("decides while IN_PROGRESS too (the booking stays there)", async () => {
    const { customer, booking } = await awaitingTwo("IN_PROGRESS");
    const response = await decide(customer, booking.id, { all: "DECLINED" });
    expect(response.status).toBe(201);
    expect(response.body.booking.status).toBe("IN_PROGRESS");
    expect(response.body.booking.totalMinor).toBe(1180);
  });

  it("refuses with 409 and changes nothing: a stale version, an item already decided, nothing pending, a booking not awaiting approval", async () => {
    const { customer, booking, oil, brakes } = await awaitingTwo();
    await db.recommendation.update({ where: { id: oil.id }, data: { version: 2 } });
    await decide(customer, booking.id, { decisions: [{ recommendationId: brakes.id, decision: "DECLINED", version: 1 }] });
    const before = await approvalSnapshot();
    const stale = await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ detail: "This recommendation was changed since you saw it: look at it again before deciding." });
    const decided = await decide(customer, booking.id, { decisions: [{ recommendationId: brakes.id, decision: "APPROVED", version: 1 }] });
    expect(decided.status).toBe(409);
    // One good item and one decided item in one call: all or nothing.
    const partly = await decide(customer, booking.id, {
      decisions: [
        { recommendationId: oil.id, decision: "APPROVED", version: 2 },
        { recommendationId: brakes.id, decision: "APPROVED", version: 1 },
      ],
    });
    expect(partly.status).toBe(409);
    expect(await approvalSnapshot()).toEqual(before);

    const booked = await awaitingTwo("BOOKED");
    const qc = await awaitingTwo("QUALITY_CHECK");
    const before2 = await approvalSnapshot();
    expect((await decide(booked.customer, booked.booking.id, { all: "APPROVED" })).status).toBe(409);
    expect((await decide(qc.customer, qc.booking.id, { decisions: [{ recommendationId: qc.oil.id, decision: "APPROVED", version: 1 }] })).status).toBe(409);
    const done = await awaitingTwo();
    await decide(done.customer, done.booking.id, { all: "APPROVED" });
    const before3 = await approvalSnapshot();
    expect(before3.recommendations.length).toBe(before2.recommendations.length + 2);
    const nothing = await decide(done.customer, done.booking.id, { all: "DECLINED" });
    expect(nothing.status).toBe(409);
    expect(await approvalSnapshot()).toEqual(before3);
  });

  it("another customer's booking and unknown ids are 404, EMPLOYEE is 403, malformed bodies are 422 with field paths; nothing changes", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    const other = await awaitingTwo();
    const good = { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] };
    const before = await approvalSnapshot();
    expect((await decide(other.customer, booking.id, good)).status).toBe(404);
    expect((await decide(customer, UNKNOWN_ID, good)).status).toBe(404);
    expect((await decide(customer, "not-an-id", good)).status).toBe(404);
    expect((await decide(users.EMPLOYEE, booking.id, good)).status).toBe(403);
    expect((await history(users.EMPLOYEE, booking.id)).status).toBe(403);
    const malformed: Array<[unknown, string[]]> = [
      [{}, ["decisions"]],
      [{ decisions: [], all: "APPROVED" }, ["decisions", "decisions"]],
      [{ all: "MAYBE" }, ["all"]],
      [{ decisions: [{ recommendationId: oil.id, decision: "APPROVED" }] }, ["decisions.0.version"]],
      [{ decisions: [{ recommendationId: "x", decision: "YES", version: 0 }] }, ["decisions.0.recommendationId", "decisions.0.decision", "decisions.0.version"]],
      [{ decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }, { recommendationId: oil.id, decision: "DECLINED", version: 1 }] }, ["decisions.1.recommendationId"]],
      [{ ...good, extra: true }, [""]],
      [{ ...good, channel: "FAX" }, ["channel"]],
      [{ decisions: [{ recommendationId: other.oil.id, decision: "APPROVED", version: 1 }] }, ["decisions.0.recommendationId"]],
    ];
    for (const [json, fields] of malformed) {
      const response = await decide(customer, booking.id, json);
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(new Set(fieldsOf(response.body)), JSON.stringify(json)).toEqual(new Set(fields));
    }
    expect(await approvalSnapshot()).toEqual(before);
  });

  it("staff record a decision given by phone: admins, and the assigned mechanic only; customers cannot claim PHONE, staff cannot claim IN_APP", async () => {
    const { customer, booking, oil, brakes } = await awaitingTwo();
    const before = await approvalSnapshot();
    expect((await decide(customer, booking.id, { all: "APPROVED", channel: "PHONE" })).status).toBe(403);
    expect((await decide(users.ADMIN, booking.id, { all: "APPROVED", channel: "IN_APP" })).status).toBe(403);
    expect((await decide(users.MECHANIC, booking.id, { all: "APPROVED", channel: "PHONE" })).status).toBe(403);
    expect(await approvalSnapshot()).toEqual(before);

    const byAdmin = await decide(users.ADMIN, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }], channel: "PHONE", note: "Called at 10:05" });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.records[0]).toMatchObject({ channel: "PHONE", customerId: customer.id, customerName: "Asha Customer", recordedById: users.ADMIN.id, note: "Called at 10:05" });

    await assign(users.MECHANIC, booking.id);
    const byMechanic = await decide(users.MECHANIC, booking.id, { decisions: [{ recommendationId: brakes.id, decision: "DECLINED", version: 1 }] });
    expect(byMechanic.status).toBe(201);
    expect(byMechanic.body.records[0]).toMatchObject({ channel: "PHONE", decision: "DECLINED", recordedById: users.MECHANIC.id, customerId: customer.id });
    expect(byMechanic.body.booking.status).toBe("IN_PROGRESS");
  });

  it("lists the records newest first with their items: the customer their own, staff every booking", async () => {
    const { customer, booking, oil, brakes } = await awaitingTwo();
    await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] });
    await decide(customer, booking.id, { decisions: [{ recommendationId: brakes.id, decision: "DECLINED", version: 1 }] });
    const mine = await history(customer, booking.id);
    expect(mine.status).toBe(200);
    expect(mine.body.map((record) => record.decision)).toEqual(["DECLINED", "APPROVED"]);
    expect(mine.body[1]!.items).toHaveLength(1);
    for (const staff of [users.ADMIN, users.MECHANIC]) expect((await history(staff, booking.id)).body).toEqual(mine.body);
    const stranger = await createUser("CUSTOMER");
    expect((await history(stranger, booking.id)).status).toBe(404);
    expect((await history(customer, UNKNOWN_ID)).status).toBe(404);
  });

  it("approval records are immutable: the database refuses UPDATE and DELETE of records and items", async () => {
    const { customer, booking } = await awaitingTwo();
    const response = await decide(customer, booking.id, { all: "APPROVED" });
    const record = response.body.records[0]!;
    const item = record.items[0]!;
    await expect(db.$executeRaw`UPDATE approval_records SET amount_minor = 1 WHERE id = ${record.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM approval_records WHERE id = ${record.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE approval_items SET price_minor = 1 WHERE id = ${item.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM approval_items WHERE id = ${item.id}::uuid`).rejects.toThrow(/immutable/);
    expect((await history(customer, booking.id)).body).toEqual(response.body.records);
  });

  it("notifies admins of approvals and declines, and the customer of each item awaiting approval", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    const response = await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "DECLINED", version: 1 }] });
    const events = await db.outboxEvent.findMany({ where: { key: booking.id }, orderBy: { id: "asc" } });
    const declined = events.find((event) => event.type === "recommendation.declined")!;
    const drafts = await garageNotifications({ ...declined, offset: 1n } as never, db as never);
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.map((draft) => draft.userId)).toContain(users.ADMIN.id);
    expect(drafts.map((draft) => draft.userId)).not.toContain(customer.id);
    expect(drafts[0]!.title).toContain("declined");
    const created = events.find((event) => event.type === "recommendation.created")!;
    expect(await garageNotifications({ ...created, offset: 1n } as never, db as never)).toEqual([
      expect.objectContaining({ userId: customer.id, link: `/garage/bookings/${booking.id}` }),
    ]);
    expect(response.status).toBe(201);
  });
});

describe("revising approved work", () => {
  it("needs a new approval: booked service gone, totals back, version + 1, the booking back to AWAITING_APPROVAL; the old record stays", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    const first = await decide(customer, booking.id, { all: "APPROVED" });
    expect(first.body.booking.status).toBe("IN_PROGRESS");
    const bookedServiceId = (await db.recommendation.findUniqueOrThrow({ where: { id: oil.id } })).bookedServiceId!;
    await assign(users.MECHANIC, booking.id);

    const before = await approvalSnapshot();
    expect((await revise(customer, oil.id, { priceMinor: 130_000, adjustmentReason: "Synthetic oil" })).status).toBe(403);
    expect((await revise(users.EMPLOYEE, oil.id, { priceMinor: 130_000, adjustmentReason: "Synthetic oil" })).status).toBe(403);
    expect((await revise(users.ADMIN, UNKNOWN_ID, { priceMinor: 130_000, adjustmentReason: "Synthetic oil" })).status).toBe(404);
    const noReason = await revise(users.MECHANIC, oil.id, { priceMinor: 130_000 });
    expect(noReason.status).toBe(422);
    expect(fieldsOf(noReason.body)).toEqual(["adjustmentReason"]);
    expect(fieldsOf((await revise(users.MECHANIC, oil.id, { priceMinor: -1 })).body)).toEqual(["priceMinor"]);
    expect(await approvalSnapshot()).toEqual(before);

    const revised = await revise(users.MECHANIC, oil.id, { priceMinor: 130_000, adjustmentReason: "Synthetic oil" });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body).toMatchObject({ status: "PENDING", version: 2, priceMinor: 130_000, taxMinor: 23_400, bookedServiceId: null, adjustmentReason: "Synthetic oil" });
    expect(await db.bookedService.findUnique({ where: { id: bookedServiceId } })).toBeNull();
    const after = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after).toMatchObject({ status: "AWAITING_APPROVAL", labourMinutes: 150, subtotalMinor: 251_000, taxMinor: 45_180, totalMinor: 296_180 });
    expect((await db.bookingProgress.findFirstOrThrow({ where: { bookingId: booking.id }, orderBy: { id: "desc" } })).toStatus).toBe("AWAITING_APPROVAL");
    expect((await history(customer, booking.id)).body).toEqual(first.body.records);
    expect((await eventsFor(booking.id)).map((event) => event.type)).toContain("recommendation.revised");

    // Pending now: not revised here (409); the customer's old version is stale; the new one is approved anew.
    expect((await revise(users.ADMIN, oil.id, { priceMinor: 140_000, adjustmentReason: "Again" })).status).toBe(409);
    expect((await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] })).status).toBe(409);
    const again = await decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 2 }] });
    expect(again.status).toBe(201);
    expect(again.body.records[0]).toMatchObject({ amountMinor: 153_400, items: [expect.objectContaining({ version: 2, priceMinor: 130_000 })] });
    expect(again.body.booking).toMatchObject({ status: "IN_PROGRESS", subtotalMinor: 381_000 });
    expect((await history(customer, booking.id)).body).toHaveLength(2);
  });

  it("an unassigned mechanic is 403; a booking past IN_PROGRESS is 409", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    await decide(customer, booking.id, { all: "APPROVED" });
    const mechanic = await createUser("MECHANIC");
    expect((await revise(mechanic, oil.id, { priceMinor: 120_000 })).status).toBe(403);
    await db.booking.update({ where: { id: booking.id }, data: { status: "QUALITY_CHECK" } });
    expect((await revise(users.ADMIN, oil.id, { priceMinor: 100_000, adjustmentReason: "Discount" })).status).toBe(409);
  });
});

describe("deferred work", () => {
  it("keeps declined work on the car and offers it again, priced from today's chart, at the car's next booking", async () => {
    const { customer, car, booking, oil, brakes } = await awaitingTwo();
    await decide(customer, booking.id, {
      decisions: [
        { recommendationId: oil.id, decision: "APPROVED", version: 1 },
        { recommendationId: brakes.id, decision: "DECLINED", version: 1 },
      ],
    });
    const listed = await deferred(customer, car.id);
    expect(listed.status).toBe(200);
    expect(listed.body.map((item) => item.id)).toEqual([brakes.id]);
    for (const staff of [users.ADMIN, users.MECHANIC]) expect((await deferred(staff, car.id)).body).toEqual(listed.body);
    expect((await deferred(await createUser("CUSTOMER"), car.id)).status).toBe(404);
    expect((await deferred(users.EMPLOYEE, car.id)).status).toBe(403);
    expect((await deferred(customer, UNKNOWN_ID)).status).toBe(404);

    // The chart changed since: the offer is today's price.
    await db.priceChartEntry.create({ data: { serviceId: catalogue.serviceIds[1], segment: "HATCHBACK", priceMinor: 200_000, validFrom: new Date("2021-01-01T00:00:00Z") } });
    const next = await bookCall(customer, { carId: car.id, slotStart: slotAt(openDay(12), "09:00"), serviceIds: [catalogue.serviceIds[0]] });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const nextId = (next.body as unknown as BookingDetailView).id;
    const offered = await db.recommendation.findMany({ where: { bookingId: nextId } });
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ deferredFromId: brakes.id, status: "PENDING", serviceId: catalogue.serviceIds[1], severity: "CRITICAL", reason: "Pads at 10%", priceMinor: 200_000, carId: car.id });
    expect((await db.booking.findUniqueOrThrow({ where: { id: nextId } })).subtotalMinor).toBe(120_000);
    expect((await eventsFor(nextId)).map((event) => event.type)).toEqual(["booking.created", "recommendation.created"]);
    const offer = await db.outboxEvent.findFirstOrThrow({ where: { key: nextId, type: "recommendation.created" } });
    expect(await garageNotifications({ ...offer, offset: 1n } as never, db as never)).toEqual([
      expect.objectContaining({ userId: customer.id, title: expect.stringContaining("offered again"), link: `/garage/bookings/${nextId}` }),
    ]);
    expect((await deferred(customer, car.id)).body).toEqual([]);

    // Declined again on the new booking: deferred again (the newer one), and offered at the booking after.
    await db.booking.update({ where: { id: nextId }, data: { status: "AWAITING_APPROVAL" } });
    await decide(customer, nextId, { all: "DECLINED" });
    expect((await deferred(customer, car.id)).body.map((item) => item.deferredFromId)).toEqual([brakes.id]);
  });
});

describe("deferred work, more cases", () => {
  it("work left undecided on a cancelled booking is deferred too; a car's two bookings made at once offer it once", async () => {
    const { customer, car, booking, oil, brakes } = await awaitingTwo();
    await db.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect((await deferred(customer, car.id)).body.map((item) => item.id).sort()).toEqual([oil.id, brakes.id].sort());
    const [first, second] = await Promise.all([
      bookCall(customer, { carId: car.id, slotStart: slotAt(openDay(13), "09:00"), serviceIds: [catalogue.serviceIds[0]] }),
      bookCall(customer, { carId: car.id, slotStart: slotAt(openDay(14), "09:00"), serviceIds: [catalogue.serviceIds[0]] }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const offered = await db.recommendation.findMany({ where: { deferredFromId: { in: [oil.id, brakes.id] } } });
    expect(offered).toHaveLength(2);
    expect(new Set(offered.map((row) => row.bookingId)).size).toBe(1);
    expect((await deferred(customer, car.id)).body).toEqual([]);
  });
});

describe("racing decisions", () => {
  it("two decisions on the same item at once: one wins, the other is a 409; one record, one booked service", async () => {
    const { customer, booking, oil } = await awaitingTwo();
    await assign(users.MECHANIC, booking.id);
    const responses = await Promise.all([
      decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] }),
      decide(users.MECHANIC, booking.id, { decisions: [{ recommendationId: oil.id, decision: "DECLINED", version: 1 }] }),
      decide(customer, booking.id, { decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 1 }] }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    expect(await db.approvalItem.count({ where: { recommendationId: oil.id } })).toBe(1);
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: oil.id } });
    expect(await db.bookedService.count({ where: { bookingId: booking.id } })).toBe(row.status === "APPROVED" ? 2 : 1);
  });
});
