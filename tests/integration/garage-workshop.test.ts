import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as progressItem from "@/app/api/v1/bookings/[id]/progress/[entryId]/route";
import * as progressCollection from "@/app/api/v1/bookings/[id]/progress/route";
import * as bookingStatus from "@/app/api/v1/bookings/[id]/status/route";
import * as boardRoute from "@/app/api/v1/garage/board/route";
import * as dashboardRoute from "@/app/api/v1/garage/dashboard/route";
import { db } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import type { RoleName } from "@/lib/identity/roles";
import type { BookingProgressView, BookingView, GarageDashboardView, WorkshopCardView } from "@/lib/modules/garage/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { countStatements } from "../support/query-count";
import { customerCar, eventsFor, garageCatalogue, garageSnapshot, insertBooking, openDay, slotAt, type GarageFixture } from "../support/garage-bookings";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let catalogue: GarageFixture;
let dayIndex = 20;

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  catalogue = await garageCatalogue();
});

/** A booking of a new customer's car in `status`, assigned to `mechanic` (when given). */
async function bookingIn(status: BookingStatus, mechanic?: TestUser) {
  const customer = await createUser("CUSTOMER");
  const car = await customerCar(customer.id, catalogue.carModelId);
  await db.customerCar.update({ where: { id: car.id }, data: { odometerKm: 40_000 } });
  const booking = await insertBooking(customer.id, car.id, slotAt(openDay(dayIndex++), "09:00"), { status });
  if (mechanic) {
    await db.bookingAssignment.create({
      data: {
        bookingId: booking.id,
        mechanicId: mechanic.id,
        mechanicName: mechanic.name,
        startsAt: booking.slotStart,
        endsAt: new Date(booking.slotStart.getTime() + 3_600_000),
        assignedByName: "Test admin",
      },
    });
  }
  return { customer, car, booking };
}

const move = (user: TestUser, bookingId: string, json: unknown) =>
  call<BookingView>(bookingStatus.POST, { token: user.token, params: { id: bookingId }, path: `/api/v1/bookings/${bookingId}/status`, json });

const progressOf = (bookingId: string) => db.bookingProgress.findMany({ where: { bookingId }, orderBy: { id: "asc" } });

describe("workshop statuses", () => {
  it("the assigned mechanic walks a booking from check-in to delivery; each move is a progress entry with who and when, and an event", async () => {
    const { booking, car } = await bookingIn("BOOKED", users.MECHANIC);
    const checkedIn = await move(users.MECHANIC, booking.id, { status: "CHECKED_IN", odometerKm: 41_250, note: "Keys in the box" });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.status).toBe("CHECKED_IN");
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.odometerInKm).toBe(41_250);
    // The promised time defaults to the end of the slot plus the booked labour.
    expect(row.promisedAt?.getTime()).toBe(booking.slotEnd.getTime() + booking.labourMinutes * 60_000);
    expect((await db.customerCar.findUniqueOrThrow({ where: { id: car.id } })).odometerKm).toBe(41_250);

    expect((await move(users.MECHANIC, booking.id, { status: "INSPECTING" })).status).toBe(200);
    // Submitting the inspection moves it on; here it is put in progress directly.
    await db.booking.update({ where: { id: booking.id }, data: { status: "IN_PROGRESS" } });
    const steps = ["QUALITY_CHECK", "IN_PROGRESS", "QUALITY_CHECK", "READY"] as const;
    for (const status of steps) expect((await move(users.MECHANIC, booking.id, { status })).body.status).toBe(status);
    const delivered = await move(users.MECHANIC, booking.id, { status: "DELIVERED", odometerKm: 41_262 });
    expect(delivered.body.status).toBe("DELIVERED");
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).odometerOutKm).toBe(41_262);

    const progress = await progressOf(booking.id);
    expect(progress.map((entry) => [entry.fromStatus, entry.toStatus])).toEqual([
      ["BOOKED", "CHECKED_IN"],
      ["CHECKED_IN", "INSPECTING"],
      ["IN_PROGRESS", "QUALITY_CHECK"],
      ["QUALITY_CHECK", "IN_PROGRESS"],
      ["IN_PROGRESS", "QUALITY_CHECK"],
      ["QUALITY_CHECK", "READY"],
      ["READY", "DELIVERED"],
    ]);
    expect(progress.every((entry) => entry.actorId === users.MECHANIC.id && entry.actorName === users.MECHANIC.name)).toBe(true);
    expect(progress[0]?.note).toBe("Keys in the box");
    const events = (await eventsFor(booking.id)).filter((event) => event.type === "booking.status_changed");
    expect(events).toHaveLength(7);
    expect(events[0]?.payload).toMatchObject({ id: booking.id, status: "CHECKED_IN", change: { fromStatus: "BOOKED", toStatus: "CHECKED_IN", note: "Keys in the box" } });
  });

  it("an admin moves any booking; a move the flow does not allow is a 409 and changes nothing", async () => {
    const { booking } = await bookingIn("BOOKED");
    const before = await garageSnapshot();
    for (const status of ["INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY", "BOOKED", "CANCELLED"]) {
      const response = await move(users.ADMIN, booking.id, { status, ...(status === "DELIVERED" ? { odometerKm: 1 } : {}) });
      expect(response.status, status).toBe(409);
    }
    expect((await move(users.ADMIN, booking.id, { status: "DELIVERED", odometerKm: 50_000 })).status).toBe(409);
    expect(await garageSnapshot()).toEqual(before);
    expect((await move(users.ADMIN, booking.id, { status: "CHECKED_IN", odometerKm: 40_100 })).status).toBe(200);
    // AWAITING_APPROVAL and IN_PROGRESS after INSPECTING belong to the inspection and the customer's decisions.
    await db.booking.update({ where: { id: booking.id }, data: { status: "INSPECTING" } });
    for (const status of ["AWAITING_APPROVAL", "IN_PROGRESS"]) expect((await move(users.ADMIN, booking.id, { status })).status).toBe(409);
  });

  it("delivery reads the odometer again, never lower than at check-in; the odometer is read only at those two moves", async () => {
    const { booking } = await bookingIn("BOOKED", users.MECHANIC);
    const noReading = await move(users.MECHANIC, booking.id, { status: "CHECKED_IN" });
    expect(noReading.status).toBe(422);
    expect(fieldsOf(noReading.body)).toEqual(["odometerKm"]);
    await move(users.MECHANIC, booking.id, { status: "CHECKED_IN", odometerKm: 52_000 });
    expect(fieldsOf((await move(users.MECHANIC, booking.id, { status: "INSPECTING", odometerKm: 52_000 })).body)).toEqual(["odometerKm"]);
    expect(fieldsOf((await move(users.MECHANIC, booking.id, { status: "INSPECTING", promisedAt: new Date().toISOString() })).body)).toEqual(["promisedAt"]);
    await db.booking.update({ where: { id: booking.id }, data: { status: "READY" } });
    const before = await garageSnapshot();
    const lower = await move(users.MECHANIC, booking.id, { status: "DELIVERED", odometerKm: 51_999 });
    expect(lower.status).toBe(422);
    expect(fieldsOf(lower.body)).toEqual(["odometerKm"]);
    expect(await garageSnapshot()).toEqual(before);
    expect((await move(users.MECHANIC, booking.id, { status: "DELIVERED", odometerKm: 52_000 })).status).toBe(200);
  });

  it("a mechanic without an assignment on the booking (403), a customer or an employee (403) move nothing", async () => {
    const other = await createUser("MECHANIC");
    const { booking, customer } = await bookingIn("BOOKED", users.MECHANIC);
    const before = await garageSnapshot();
    for (const user of [other, customer, users.CUSTOMER, users.EMPLOYEE]) {
      expect((await move(user, booking.id, { status: "CHECKED_IN", odometerKm: 41_000 })).status, user.role).toBe(403);
    }
    // A reassigned (handed-over) assignment no longer counts.
    await db.bookingAssignment.updateMany({ where: { bookingId: booking.id }, data: { status: "REASSIGNED" } });
    expect((await move(users.MECHANIC, booking.id, { status: "CHECKED_IN", odometerKm: 41_000 })).status).toBe(403);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("refuses malformed bodies and ids (422 / 404) and revoked or missing tokens, changing nothing", async () => {
    const { booking } = await bookingIn("BOOKED");
    const revoked = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revoked.token });
    const before = await garageSnapshot();
    const bodies: unknown[] = [{}, { status: "FIXED" }, { status: "CHECKED_IN", odometerKm: -1 }, { status: "CHECKED_IN", odometerKm: 1.5 }, { status: "CHECKED_IN", odometerKm: "12" }, { status: "CHECKED_IN", odometerKm: 1, extra: true }, { status: "QUALITY_CHECK", note: "\u0000" }, { status: "QUALITY_CHECK", note: "x".repeat(2001) }, [], null];
    for (const json of bodies) expect((await move(users.ADMIN, booking.id, json)).status, JSON.stringify(json)).toBe(422);
    expect((await call(bookingStatus.POST, { token: users.ADMIN.token, params: { id: booking.id }, path: `/api/v1/bookings/${booking.id}/status`, rawBody: "{not json" })).status).toBe(422);
    for (const id of [UNKNOWN_ID, "not-a-uuid", "1' OR '1'='1"]) expect((await move(users.ADMIN, id, { status: "CHECKED_IN", odometerKm: 1 })).status).toBe(404);
    const requests: Array<[unknown, CallOptions]> = [
      [bookingStatus.POST, { params: { id: booking.id }, path: `/api/v1/bookings/${booking.id}/status`, json: { status: "CHECKED_IN", odometerKm: 1 } }],
      [progressCollection.POST, { params: { id: booking.id }, path: `/api/v1/bookings/${booking.id}/progress`, json: { note: "x" } }],
    ];
    for (const [handler, request] of requests) {
      expect((await call(handler, { ...request, token: revoked.token })).status).toBe(403);
      expect((await call(handler, { ...request, token: "garbage" })).status).toBe(401);
      expect((await call(handler, request)).status).toBe(401);
    }
    expect(await garageSnapshot()).toEqual(before);
  });

  it("two moves racing from the same status: one wins, the other is a 409", async () => {
    const { booking } = await bookingIn("QUALITY_CHECK");
    const results = await Promise.all([move(users.ADMIN, booking.id, { status: "READY" }), move(users.ADMIN, booking.id, { status: "IN_PROGRESS" })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(await progressOf(booking.id)).toHaveLength(1);
  });
});

describe("progress notes", () => {
  const notePath = (bookingId: string) => `/api/v1/bookings/${bookingId}/progress`;
  const addNote = (user: TestUser, bookingId: string, json: unknown) =>
    call<BookingProgressView>(progressCollection.POST, { token: user.token, params: { id: bookingId }, path: notePath(bookingId), json });
  const readProgress = (user: TestUser, bookingId: string) =>
    call<BookingProgressView[]>(progressCollection.GET, { token: user.token, params: { id: bookingId }, path: notePath(bookingId) });

  it("the assigned mechanic adds notes; the customer reads their own timeline and hears each note; others' timelines are 404", async () => {
    const { booking, customer } = await bookingIn("IN_PROGRESS", users.MECHANIC);
    const added = await addNote(users.MECHANIC, booking.id, { note: "Front pads at 20 %, replacing as booked." });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fromStatus: null, toStatus: null, note: "Front pads at 20 %, replacing as booked.", actorName: users.MECHANIC.name, editedAt: null });
    const timeline = await readProgress(customer, booking.id);
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((entry) => entry.note)).toEqual(["Front pads at 20 %, replacing as booked."]);
    expect((await readProgress(users.CUSTOMER, booking.id)).status).toBe(404);
    expect((await readProgress(users.EMPLOYEE, booking.id)).status).toBe(403);
    expect((await readProgress(users.MECHANIC, booking.id)).status).toBe(200);
    const event = (await eventsFor(booking.id)).at(-1);
    expect(event).toMatchObject({ type: "booking.progress_added", payload: { bookingId: booking.id, customerId: customer.id, note: "Front pads at 20 %, replacing as booked." } });
  });

  it("only the assigned mechanic or an admin adds notes; none on a closed booking; malformed notes are 422", async () => {
    const other = await createUser("MECHANIC");
    const { booking, customer } = await bookingIn("IN_PROGRESS", users.MECHANIC);
    const closed = await bookingIn("DELIVERED", users.MECHANIC);
    const before = await garageSnapshot();
    for (const user of [other, customer, users.EMPLOYEE]) expect((await addNote(user, booking.id, { note: "Hello" })).status, user.role).toBe(403);
    for (const json of [{}, { note: "" }, { note: "   " }, { note: 5 }, { note: "x", toStatus: "READY" }]) {
      expect((await addNote(users.ADMIN, booking.id, json)).status, JSON.stringify(json)).toBe(422);
    }
    expect((await addNote(users.ADMIN, closed.booking.id, { note: "Late note" })).status).toBe(409);
    expect((await addNote(users.ADMIN, UNKNOWN_ID, { note: "x" })).status).toBe(404);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("an admin corrects a note (marked edited) and deletes notes; transitions stay; mechanics and customers cannot", async () => {
    const { booking, customer } = await bookingIn("BOOKED", users.MECHANIC);
    await move(users.MECHANIC, booking.id, { status: "CHECKED_IN", odometerKm: 41_000 });
    const note = (await addNote(users.MECHANIC, booking.id, { note: "Tyre pressure low" })).body;
    const transition = (await progressOf(booking.id))[0]!;
    const itemPath = (entryId: string) => `/api/v1/bookings/${booking.id}/progress/${entryId}`;
    const patch = (user: TestUser, entryId: string, json: unknown) =>
      call<BookingProgressView>(progressItem.PATCH, { token: user.token, params: { id: booking.id, entryId }, path: itemPath(entryId), method: "PATCH", json });
    const remove = (user: TestUser, entryId: string) => call(progressItem.DELETE, { token: user.token, params: { id: booking.id, entryId }, path: itemPath(entryId), method: "DELETE" });

    const before = await garageSnapshot();
    for (const user of [users.MECHANIC, customer, users.EMPLOYEE]) {
      expect((await patch(user, note.id, { note: "changed" })).status, user.role).toBe(403);
      expect((await remove(user, note.id)).status, user.role).toBe(403);
    }
    for (const entryId of ["0", "-1", "abc", "99999999999999999999", "999999999"]) expect((await patch(users.ADMIN, entryId, { note: "x" })).status, entryId).toBe(404);
    expect((await patch(users.ADMIN, note.id, { note: "" })).status).toBe(422);
    expect(await garageSnapshot()).toEqual(before);

    const corrected = await patch(users.ADMIN, note.id, { note: "Tyre pressure low: set to 2.2 bar" });
    expect(corrected.status).toBe(200);
    expect(corrected.body.editedAt).not.toBeNull();
    expect((await patch(users.ADMIN, transition.id.toString(), { note: "Checked in by the night desk" })).body).toMatchObject({ toStatus: "CHECKED_IN", note: "Checked in by the night desk" });
    expect((await remove(users.ADMIN, transition.id.toString())).status).toBe(409);
    expect((await remove(users.ADMIN, note.id)).status).toBe(204);
    expect((await progressOf(booking.id)).map((entry) => entry.toStatus)).toEqual(["CHECKED_IN"]);
    // Another booking's entry is not this booking's.
    const elsewhere = await bookingIn("IN_PROGRESS", users.MECHANIC);
    const foreign = (await addNote(users.MECHANIC, elsewhere.booking.id, { note: "Elsewhere" })).body;
    expect((await patch(users.ADMIN, foreign.id, { note: "x" })).status).toBe(404);
  });
});

describe("workshop over GraphQL (the same services as REST)", () => {
  interface GraphQLResponse<Data> {
    data?: Data | null;
    errors?: Array<{ message: string; extensions?: { status?: number } }>;
  }
  const gql = <Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
  const MOVE = "mutation($id: ID!, $status: BookingStatus!, $km: Int) { moveBooking(id: $id, status: $status, odometerKm: $km) { id status } }";

  it("moveBooking and addProgressNote for the assigned mechanic; the wrong mechanic, a customer and a bad move change nothing", async () => {
    const { booking, customer } = await bookingIn("BOOKED", users.MECHANIC);
    const other = await createUser("MECHANIC");
    const before = await garageSnapshot();
    expect((await gql(other, MOVE, { id: booking.id, status: "CHECKED_IN", km: 41_000 })).body.errors?.[0]?.extensions?.status).toBe(403);
    expect((await gql(customer, MOVE, { id: booking.id, status: "CHECKED_IN", km: 41_000 })).body.errors?.[0]?.extensions?.status).toBe(403);
    expect((await gql(users.MECHANIC, MOVE, { id: booking.id, status: "READY" })).body.errors?.[0]?.extensions?.status).toBe(409);
    expect((await gql(users.MECHANIC, MOVE, { id: booking.id, status: "CHECKED_IN" })).body.errors?.[0]?.extensions?.status).toBe(422);
    expect(await garageSnapshot()).toEqual(before);

    const moved = await gql<{ moveBooking: { status: string } }>(users.MECHANIC, MOVE, { id: booking.id, status: "CHECKED_IN", km: 41_000 });
    expect(moved.body.data?.moveBooking.status).toBe("CHECKED_IN");
    const noted = await gql<{ addProgressNote: { note: string; toStatus: string | null } }>(
      users.MECHANIC,
      "mutation($id: ID!) { addProgressNote(bookingId: $id, note: \"Waiting for parts\") { note toStatus } }",
      { id: booking.id },
    );
    expect(noted.body.data?.addProgressNote).toEqual({ note: "Waiting for parts", toStatus: null });
    const timeline = await gql<{ booking: { progress: Array<{ fromStatus: string | null; toStatus: string | null; note: string | null }> } }>(
      customer,
      "query($id: ID!) { booking(id: $id) { progress { fromStatus toStatus note } } }",
      { id: booking.id },
    );
    expect(timeline.body.data?.booking.progress).toEqual([
      { fromStatus: "BOOKED", toStatus: "CHECKED_IN", note: null },
      { fromStatus: null, toStatus: null, note: "Waiting for parts" },
    ]);
  });

  it("lists bookings with their lines and timelines in a fixed number of statements (no N+1)", async () => {
    const query = "query($d: String) { bookings(date: $d, limit: 20) { id services { serviceName } progress { toStatus note } } }";
    const measure = async (count: number) => {
      const date = openDay(dayIndex++);
      for (let index = 0; index < count; index++) {
        const customer = await createUser("CUSTOMER");
        const car = await customerCar(customer.id, catalogue.carModelId);
        const booking = await insertBooking(customer.id, car.id, slotAt(date, `${String(8 + index).padStart(2, "0")}:00`), { bay: 1 });
        await db.bookedService.create({
          data: { bookingId: booking.id, serviceName: "Oil change", labourMinutes: 30, priceMinor: 1000, priceSource: "BASE", gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: 180 },
        });
        await db.bookingProgress.create({ data: { bookingId: booking.id, toStatus: "BOOKED", actorName: "Test" } });
      }
      const counter = countStatements();
      try {
        const response = await gql<{ bookings: Array<{ services: unknown[]; progress: unknown[] }> }>(users.ADMIN, query, { d: date });
        expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
        expect(response.body.data?.bookings).toHaveLength(count);
        expect(response.body.data?.bookings.every((row) => row.services.length === 1 && row.progress.length === 1)).toBe(true);
        return counter.count();
      } finally {
        await counter.restore();
      }
    };
    const few = await measure(2);
    const many = await measure(8);
    expect(many).toBe(few);
  });
});

describe("job board", () => {
  const board = (user: TestUser, query: Record<string, string> = {}) =>
    call<WorkshopCardView[]>(boardRoute.GET, { token: user.token, path: `/api/v1/garage/board?${new URLSearchParams(query).toString()}` });

  it("shows the day's drop-offs, every car in the shop and the day's deliveries, with mechanics, labour and approvals; who may move each", async () => {
    const date = openDay(dayIndex++);
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, catalogue.carModelId);
    const dropOff = await insertBooking(customer.id, car.id, slotAt(date, "10:00"), { status: "BOOKED", labourMinutes: 90 });
    const otherDay = await insertBooking(customer.id, car.id, slotAt(openDay(dayIndex++), "10:00"), { status: "BOOKED" });
    const inShop = await bookingIn("IN_PROGRESS", users.MECHANIC);
    const started = new Date(Date.now() - 25 * 60_000);
    await db.bookingAssignment.updateMany({ where: { bookingId: inShop.booking.id }, data: { status: "STARTED", startedAt: started } });
    await db.recommendation.create({
      data: {
        bookingId: inShop.booking.id,
        serviceName: "Wiper blades",
        severity: "ATTENTION",
        labourMinutes: 10,
        chartPriceMinor: 500,
        priceSource: "BASE",
        priceMinor: 500,
        gstCode: catalogue.gstCode,
        gstBasisPoints: 1800,
        taxMinor: 90,
        createdByName: "Test",
      },
    });

    const cards = (await board(users.MECHANIC, { date })).body;
    const ids = cards.map((card) => card.id);
    expect(ids).toContain(dropOff.id);
    expect(ids).toContain(inShop.booking.id);
    expect(ids).not.toContain(otherDay.id);
    const card = cards.find((candidate) => candidate.id === inShop.booking.id)!;
    expect(card).toMatchObject({ status: "IN_PROGRESS", mechanics: [{ id: users.MECHANIC.id, name: users.MECHANIC.name }], approval: { pending: 1, approved: 0, declined: 0 }, nextStatuses: ["QUALITY_CHECK"], mayMove: true });
    expect(card.labourMinutesDone).toBeGreaterThanOrEqual(25);
    expect(cards.find((candidate) => candidate.id === dropOff.id)).toMatchObject({ status: "BOOKED", mayMove: false, labourMinutesEstimated: 90, labourMinutesDone: 0, nextStatuses: ["CHECKED_IN"] });
    expect((await board(users.ADMIN, { date })).body.find((candidate) => candidate.id === dropOff.id)?.mayMove).toBe(true);
  });

  it("is the workshop's: customers and employees are refused, a bad day is a 422", async () => {
    expect((await board(users.CUSTOMER)).status).toBe(403);
    expect((await board(users.EMPLOYEE)).status).toBe(403);
    for (const date of ["tomorrow", "2026-02-30", "2026-1-1"]) expect((await board(users.ADMIN, { date })).status, date).toBe(422);
  });
});

describe("garage dashboard", () => {
  const dashboard = (user: TestUser, query: Record<string, string> = {}) =>
    call<GarageDashboardView>(dashboardRoute.GET, { token: user.token, path: `/api/v1/garage/dashboard?${new URLSearchParams(query).toString()}` });
  const today = (figures: GarageDashboardView) => figures.days.at(-1)!;

  it("counts today's drop-offs, revenue, decisions and each mechanic's assigned share of the open hours", async () => {
    const before = (await dashboard(users.ADMIN, { days: "7" })).body;
    expect(before.days).toHaveLength(7);
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, catalogue.carModelId);
    const now = new Date();
    const booking = await insertBooking(customer.id, car.id, now.toISOString(), { status: "READY", bay: 99 });
    await insertBooking(customer.id, car.id, now.toISOString(), { status: "CANCELLED", bay: 98 });
    const sequence = 900_000 + Math.floor(Math.random() * 90_000);
    const invoice = await db.invoice.create({
      data: {
        number: `INV-TEST-${sequence}`,
        year: 2099,
        sequence,
        bookingId: booking.id,
        customerName: "Test",
        carPlate: "TEST",
        carDescription: "Test car",
        subtotalMinor: 10_000,
        taxMinor: 1_800,
        totalMinor: 11_800,
        currency: booking.currency,
        issuedByName: "Test admin",
      },
    });
    await db.payment.create({ data: { invoiceId: invoice.id, amountMinor: 5_000, method: "CASH", recordedByName: "Test admin" } });
    const decided = (status: "APPROVED" | "DECLINED") =>
      db.recommendation.create({
        data: { bookingId: booking.id, serviceName: "Wipers", severity: "ATTENTION", labourMinutes: 10, chartPriceMinor: 100, priceSource: "BASE", priceMinor: 100, gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: 18, createdByName: "Test", status, decidedAt: now },
      });
    await decided("APPROVED");
    await decided("APPROVED");
    await decided("DECLINED");
    const mechanic = await createUser("MECHANIC", `Dashboard mechanic ${sequence}`);
    const startsAt = new Date(now.getTime() - 3 * 3_600_000);
    await db.bookingAssignment.create({ data: { bookingId: booking.id, mechanicId: mechanic.id, mechanicName: mechanic.name, startsAt, endsAt: new Date(startsAt.getTime() + 120 * 60_000), assignedByName: "Test" } });

    const after = (await dashboard(users.ADMIN, { days: "7" })).body;
    expect(today(after).bookings - today(before).bookings).toBe(1);
    expect(today(after).cancelled - today(before).cancelled).toBe(1);
    expect(today(after).invoicedMinor - today(before).invoicedMinor).toBe(11_800);
    expect(today(after).paidMinor - today(before).paidMinor).toBe(5_000);
    expect(today(after).approved - today(before).approved).toBe(2);
    expect(today(after).declined - today(before).declined).toBe(1);
    expect(after.approvalRate).not.toBeNull();
    const row = after.mechanics.find((entry) => entry.id === mechanic.id)!;
    expect(row.assignedMinutes).toBe(120);
    expect(row.openMinutes).toBeGreaterThan(0);
    expect(row.utilisation).toBeCloseTo(120 / row.openMinutes, 6);
  });

  it("is the admin's: mechanics, customers and employees are refused; a bad period is a 422", async () => {
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) expect((await dashboard(users[role])).status, role).toBe(403);
    for (const days of ["6", "91", "x", "1e1", "-7"]) expect((await dashboard(users.ADMIN, { days })).status, days).toBe(422);
  });
});
