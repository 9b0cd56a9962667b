import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import * as assignmentCollection from "@/app/api/v1/assignments/route";
import * as assignmentItem from "@/app/api/v1/assignments/[id]/route";
import * as acceptRoute from "@/app/api/v1/assignments/[id]/accept/route";
import * as startRoute from "@/app/api/v1/assignments/[id]/start/route";
import * as finishRoute from "@/app/api/v1/assignments/[id]/finish/route";
import * as cancelRoute from "@/app/api/v1/assignments/[id]/cancel/route";
import * as reassignRoute from "@/app/api/v1/assignments/[id]/reassign/route";
import * as mineRoute from "@/app/api/v1/assignments/mine/route";
import * as bookingAssignments from "@/app/api/v1/bookings/[id]/assignments/route";
import { db } from "@/lib/db";
import { garageModule } from "@/lib/modules/garage/module";
import { garageNotifications } from "@/lib/modules/garage/notifications";
import type { RoleName } from "@/lib/identity/roles";
import type { AssignmentView } from "@/lib/modules/garage/views";
import { userChannel } from "@/lib/realtime/channels";
import type { LoggedEvent } from "@/lib/events/types";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { eventsFor, garageCatalogue, openDay, slotAt, withQuery, type GarageFixture } from "../support/garage-bookings";
import { assignCall, assignmentSnapshot, autoAssignCall, bookingFor, insertAssignment, span } from "../support/garage-assignments";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let catalogue: GarageFixture;

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number } }>;
}
const gql = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
  call<GraphQLResponse>(graphql, { path: "/api/graphql", token: user.token, json: { query, variables } });

const post = (handler: unknown, user: TestUser, id: string, json?: Record<string, unknown>) =>
  call<AssignmentView & { detail?: unknown }>(handler, { token: user.token, method: "POST", params: { id }, path: `/api/v1/assignments/${id}/x`, ...(json ? { json } : {}) });

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  catalogue = await garageCatalogue();
});

/** Asserts a refused request changed nothing. */
async function unchanged<Response extends { status: number; body: unknown }>(request: () => Promise<Response>, status: number): Promise<Response> {
  const before = await assignmentSnapshot();
  const response = await request();
  expect(response.status).toBe(status);
  expect(await assignmentSnapshot()).toEqual(before);
  return response;
}

describe("assigning a booking", () => {
  it("an admin assigns a booking (or one of its services) to a mechanic; names are copied; the event and the mechanic's notification follow", async () => {
    const date = openDay(140);
    const mechanic = await createUser("MECHANIC", "Ravi Mechanic");
    const { booking, line, customer } = await bookingFor(catalogue, date);
    const created = await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:30"), note: "Bay 2" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bookingId: booking.id,
      bookedServiceId: null,
      mechanicId: mechanic.id,
      mechanicName: "Ravi Mechanic",
      assignedByName: "Test admin",
      status: "ASSIGNED",
      minutes: 90,
      note: "Bay 2",
      previousId: null,
      booking: { id: booking.id, carPlate: "TEST", status: "BOOKED", labourMinutes: 90, promisedAt: null },
    });
    const perService = await assignCall(users.ADMIN, { bookingId: booking.id, bookedServiceId: line.id, mechanicId: mechanic.id, ...span(date, "10:30", "11:30") });
    expect(perService.status).toBe(201);
    expect(perService.body).toMatchObject({ bookedServiceId: line.id, bookedServiceName: "Oil change" });

    const events = (await eventsFor(booking.id)).filter((event) => event.type.startsWith("assignment."));
    expect(events.map((event) => event.type)).toEqual(["assignment.created", "assignment.created"]);
    expect(events[0]).toMatchObject({ topic: "booking_events", actor: users.ADMIN.id, payload: { id: created.body.id, customerId: customer.id, mechanicId: mechanic.id } });
    const logged = { topic: "booking_events", type: "assignment.created", key: booking.id, payload: events[0]!.payload } as unknown as LoggedEvent;
    expect(garageModule.audience?.(logged)).toEqual(expect.arrayContaining([userChannel(customer.id), userChannel(mechanic.id)]));
    const notes = await db.$transaction((tx) => garageNotifications(logged, tx));
    expect(notes).toEqual([expect.objectContaining({ userId: mechanic.id, title: "New job", link: "/admin/garage/jobs" })]);
  });

  it("refuses overlapping time for one mechanic with a 409 (never a 500); touching spans, other mechanics and cancelled time are fine", async () => {
    const date = openDay(141);
    const [mechanic, other] = [await createUser("MECHANIC", "Busy Bee"), await createUser("MECHANIC")];
    const { booking } = await bookingFor(catalogue, date);
    const { booking: second } = await bookingFor(catalogue, date);
    expect((await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") })).status).toBe(201);
    const overlap = await unchanged(() => assignCall(users.ADMIN, { bookingId: second.id, mechanicId: mechanic.id, ...span(date, "09:30", "10:30") }), 409);
    expect((overlap.body as unknown as { detail: string }).detail).toMatch(/Busy Bee already holds an assignment overlapping/);
    expect((await assignCall(users.ADMIN, { bookingId: second.id, mechanicId: mechanic.id, ...span(date, "10:00", "11:00") })).status).toBe(201);
    expect((await assignCall(users.ADMIN, { bookingId: second.id, mechanicId: other.id, ...span(date, "09:30", "10:30") })).status).toBe(201);
    const cancelled = await assignCall(users.ADMIN, { bookingId: second.id, mechanicId: mechanic.id, ...span(date, "12:00", "13:00") });
    expect((await post(cancelRoute.POST, users.ADMIN, cancelled.body.id)).body.status).toBe("CANCELLED");
    expect((await assignCall(users.ADMIN, { bookingId: second.id, mechanicId: mechanic.id, ...span(date, "12:30", "13:30") })).status).toBe(201);
  });

  it("refuses other roles (403), malformed input and non-mechanics (422), unknown bookings (404) and closed bookings (409), changing nothing", async () => {
    const date = openDay(142);
    const mechanic = await createUser("MECHANIC");
    const { booking } = await bookingFor(catalogue, date);
    const { line: foreignLine } = await bookingFor(catalogue, date);
    const { booking: delivered } = await bookingFor(catalogue, date, { status: "DELIVERED" });
    const { booking: cancelled } = await bookingFor(catalogue, date, { status: "CANCELLED" });
    const valid = { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") };
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) await unchanged(() => assignCall(users[role], valid), 403);
    await unchanged(() => call(assignmentCollection.POST, { json: valid }), 401);

    const invalid: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, mechanicId: users.CUSTOMER.id }, "mechanicId"],
      [{ ...valid, mechanicId: users.ADMIN.id }, "mechanicId"],
      [{ ...valid, mechanicId: "NOPE000000" }, "mechanicId"],
      [{ ...valid, endsAt: valid.startsAt }, "endsAt"],
      [{ ...valid, ...span(date, "10:00", "09:00") }, "endsAt"],
      [{ ...valid, startsAt: slotAt(date, "06:00"), endsAt: slotAt(date, "18:30") }, "endsAt"],
      [{ ...valid, startsAt: slotAt(date, "22:00"), endsAt: new Date(Date.parse(slotAt(date, "22:00")) + 4 * 3_600_000).toISOString() }, "endsAt"],
      [{ ...valid, startsAt: "tomorrow" }, "startsAt"],
      [{ ...valid, bookingId: "nope" }, "bookingId"],
      [{ ...valid, bookedServiceId: foreignLine.id }, "bookedServiceId"],
      [{ ...valid, extra: 1 }, ""],
      [{ bookingId: booking.id }, "mechanicId"],
    ];
    for (const [json, field] of invalid) {
      const response = await unchanged(() => assignCall(users.ADMIN, json), 422);
      expect(fieldsOf(response.body), JSON.stringify(json)).toContain(field);
    }
    await unchanged(() => call(assignmentCollection.POST, { token: users.ADMIN.token, rawBody: "{" }), 422);
    await unchanged(() => assignCall(users.ADMIN, { ...valid, bookingId: UNKNOWN_ID }), 404);
    for (const closed of [delivered, cancelled]) await unchanged(() => assignCall(users.ADMIN, { ...valid, bookingId: closed.id }), 409);
  });
});

describe("the mechanic's steps", () => {
  it("the assigned mechanic accepts, starts and finishes in order, stamping each; the booking's status does not move", async () => {
    const date = openDay(143);
    const mechanic = await createUser("MECHANIC");
    const { booking } = await bookingFor(catalogue, date);
    const { body: assignment } = await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") });
    await unchanged(() => post(startRoute.POST, mechanic, assignment.id), 409);
    await unchanged(() => post(finishRoute.POST, mechanic, assignment.id), 409);
    const accepted = await post(acceptRoute.POST, mechanic, assignment.id);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "ACCEPTED", acceptedAt: expect.any(String), startedAt: null });
    await unchanged(() => post(acceptRoute.POST, mechanic, assignment.id), 409);
    const started = await post(startRoute.POST, mechanic, assignment.id, { note: "Car on the lift" });
    expect(started.body).toMatchObject({ status: "STARTED", startedAt: expect.any(String), note: "Car on the lift" });
    const finished = await post(finishRoute.POST, mechanic, assignment.id);
    expect(finished.body).toMatchObject({ status: "FINISHED", finishedAt: expect.any(String) });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
    const types = (await eventsFor(booking.id)).map((event) => event.type).filter((type) => type.startsWith("assignment."));
    expect(types).toEqual(["assignment.created", "assignment.updated", "assignment.updated", "assignment.updated"]);
  });

  it("another mechanic gets 403, customers and employees 403, unknown ids 404, malformed bodies 422; an admin may step for the mechanic", async () => {
    const date = openDay(144);
    const [mechanic, other] = [await createUser("MECHANIC"), await createUser("MECHANIC")];
    const { booking } = await bookingFor(catalogue, date);
    const { body: assignment } = await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") });
    for (const handler of [acceptRoute.POST, startRoute.POST, finishRoute.POST]) {
      await unchanged(() => post(handler, other, assignment.id), 403);
      await unchanged(() => post(handler, users.CUSTOMER, assignment.id), 403);
      await unchanged(() => post(handler, users.EMPLOYEE, assignment.id), 403);
      await unchanged(() => post(handler, mechanic, UNKNOWN_ID), 404);
      await unchanged(() => post(handler, mechanic, "not-an-id"), 404);
      await unchanged(() => post(handler, mechanic, assignment.id, { note: 5 }), 422);
    }
    expect((await post(acceptRoute.POST, users.ADMIN, assignment.id)).body.status).toBe("ACCEPTED");
  });

  it("only an admin cancels (a mechanic's own is 403); finished, cancelled or handed-over ones are 409; an admin deletes", async () => {
    const date = openDay(145);
    const mechanic = await createUser("MECHANIC");
    const { booking } = await bookingFor(catalogue, date);
    const { body: assignment } = await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") });
    await unchanged(() => post(cancelRoute.POST, mechanic, assignment.id), 403);
    expect((await post(cancelRoute.POST, users.ADMIN, assignment.id, { note: "Customer rescheduled" })).body).toMatchObject({ status: "CANCELLED", note: "Customer rescheduled" });
    await unchanged(() => post(cancelRoute.POST, users.ADMIN, assignment.id), 409);
    await unchanged(() => post(acceptRoute.POST, mechanic, assignment.id), 409);

    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) {
      await unchanged(() => call(assignmentItem.DELETE, { token: users[role].token, method: "DELETE", params: { id: assignment.id } }), 403);
    }
    await unchanged(() => call(assignmentItem.DELETE, { token: users.ADMIN.token, method: "DELETE", params: { id: UNKNOWN_ID } }), 404);
    expect((await call(assignmentItem.DELETE, { token: users.ADMIN.token, method: "DELETE", params: { id: assignment.id } })).status).toBe(204);
    expect(await db.bookingAssignment.findUnique({ where: { id: assignment.id } })).toBeNull();
    expect((await eventsFor(booking.id)).map((event) => event.type).at(-1)).toBe("assignment.deleted");
  });
});

describe("reassignment", () => {
  it("hands over in one transaction: the old one REASSIGNED, the new one naming it; both mechanics hear it; the constraint applies to the new mechanic", async () => {
    const date = openDay(146);
    const [first, second, busy] = [await createUser("MECHANIC", "First Hand"), await createUser("MECHANIC", "Second Hand"), await createUser("MECHANIC")];
    const { booking } = await bookingFor(catalogue, date);
    const { booking: other } = await bookingFor(catalogue, date);
    const { body: original } = await assignCall(users.ADMIN, { bookingId: booking.id, mechanicId: first.id, ...span(date, "09:00", "10:00") });
    await insertAssignment(other.id, busy, slotAt(date, "09:30"), slotAt(date, "10:30"));

    await unchanged(() => post(reassignRoute.POST, users.ADMIN, original.id, { mechanicId: busy.id }), 409);
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) await unchanged(() => post(reassignRoute.POST, users[role], original.id, { mechanicId: second.id }), 403);
    await unchanged(() => post(reassignRoute.POST, users.ADMIN, original.id, { mechanicId: users.CUSTOMER.id }), 422);
    await unchanged(() => post(reassignRoute.POST, users.ADMIN, original.id, { mechanicId: second.id, endsAt: slotAt(date, "08:00") }), 422);
    await unchanged(() => post(reassignRoute.POST, users.ADMIN, UNKNOWN_ID, { mechanicId: second.id }), 404);

    const handed = await post(reassignRoute.POST, users.ADMIN, original.id, { mechanicId: second.id });
    expect(handed.status).toBe(201);
    expect(handed.body).toMatchObject({ mechanicId: second.id, mechanicName: "Second Hand", previousId: original.id, startsAt: original.startsAt, endsAt: original.endsAt, status: "ASSIGNED" });
    expect((await db.bookingAssignment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("REASSIGNED");
    await unchanged(() => post(reassignRoute.POST, users.ADMIN, original.id, { mechanicId: first.id }), 409);
    // Back to the first mechanic at another time: a chain of three.
    const back = await post(reassignRoute.POST, users.ADMIN, handed.body.id, { mechanicId: first.id, ...span(date, "11:00", "12:00") });
    expect(back.body).toMatchObject({ previousId: handed.body.id, mechanicId: first.id, startsAt: slotAt(date, "11:00") });

    const history = await call<AssignmentView[]>(bookingAssignments.GET, { token: users.ADMIN.token, params: { id: booking.id } });
    expect(history.body.map((entry) => [entry.status, entry.previousId])).toEqual([
      ["REASSIGNED", null],
      ["REASSIGNED", original.id],
      ["ASSIGNED", handed.body.id],
    ]);
    const event = (await eventsFor(booking.id)).find((entry) => entry.type === "assignment.reassigned");
    const logged = { topic: "booking_events", type: "assignment.reassigned", key: booking.id, payload: event!.payload } as unknown as LoggedEvent;
    expect(garageModule.audience?.(logged)).toEqual(expect.arrayContaining([userChannel(first.id), userChannel(second.id)]));
    const notes = await db.$transaction((tx) => garageNotifications(logged, tx));
    expect(notes.map((note) => [note.userId, note.title])).toEqual([
      [second.id, "Job handed over to you"],
      [first.id, "Job handed over"],
    ]);
  });
});

describe("auto-assign", () => {
  it("picks the free mechanic with the fewest assigned minutes that day (ties: the lowest id); 409 when nobody is free", async () => {
    const date = openDay(147);
    const crew = [await createUser("MECHANIC"), await createUser("MECHANIC"), await createUser("MECHANIC"), await createUser("MECHANIC")];
    const [a, b, c, d] = [...crew].sort((x, y) => (x.id < y.id ? -1 : 1));
    const { booking: filler } = await bookingFor(catalogue, date);
    const { booking } = await bookingFor(catalogue, date);
    await insertAssignment(filler.id, a!, slotAt(date, "08:00"), slotAt(date, "10:00")); // a: 120 minutes
    await insertAssignment(filler.id, b!, slotAt(date, "15:00"), slotAt(date, "16:00")); // b: 60 minutes
    await insertAssignment(filler.id, c!, slotAt(date, "13:00"), slotAt(date, "13:30")); // c: 30 minutes, but busy at 13:00
    await insertAssignment(filler.id, d!, slotAt(date, "08:00"), slotAt(date, "09:30")); // d: 90 minutes
    const candidateIds = crew.map((mechanic) => mechanic.id);

    const first = await autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds, ...span(date, "13:00", "14:00") });
    expect(first.status).toBe(201);
    expect(first.body.mechanicId).toBe(b!.id); // c is busy; b has the fewest minutes of the free ones
    // Now b 120, c 30 busy only 13:00–13:30, d 90, a 120: at 14:00 c is free and least loaded.
    expect((await autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds, ...span(date, "14:00", "15:00") })).body.mechanicId).toBe(c!.id);
    // c 90, d 90: a tie goes to the lowest id; b is busy 15:00–16:00.
    const tie = await autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds: [b!.id, c!.id, d!.id], ...span(date, "15:00", "16:00") });
    expect(tie.body.mechanicId).toBe(c!.id < d!.id ? c!.id : d!.id);

    await unchanged(() => autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds: [a!.id, d!.id], ...span(date, "08:30", "09:00") }), 409);
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) await unchanged(() => autoAssignCall(users[role], { bookingId: booking.id, ...span(date, "17:00", "18:00") }), 403);
    await unchanged(() => autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds: [users.CUSTOMER.id], ...span(date, "17:00", "18:00") }), 422);
    await unchanged(() => autoAssignCall(users.ADMIN, { bookingId: booking.id, candidateIds: [], ...span(date, "17:00", "18:00") }), 422);
    await unchanged(() => autoAssignCall(users.ADMIN, { bookingId: UNKNOWN_ID, candidateIds, ...span(date, "17:00", "18:00") }), 404);
  });
});

describe("reading assignments", () => {
  it("lists with filters and X-Total-Count for every role reading them; customers see only their own bookings'; my jobs in start order", async () => {
    const date = openDay(148);
    const mechanic = await createUser("MECHANIC");
    const customer = await createUser("CUSTOMER");
    const { booking: mine } = await bookingFor(catalogue, date, { customer });
    const { booking: theirs } = await bookingFor(catalogue, date);
    const late = await assignCall(users.ADMIN, { bookingId: mine.id, mechanicId: mechanic.id, ...span(date, "14:00", "15:00") });
    const early = await assignCall(users.ADMIN, { bookingId: theirs.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") });
    const list = (user: TestUser, query: Record<string, string>) => call<AssignmentView[]>(assignmentCollection.GET, { token: user.token, path: withQuery("/api/v1/assignments", query) });

    for (const role of ["ADMIN", "MECHANIC"] as const) {
      const response = await list(users[role], { mechanicId: mechanic.id, date });
      expect(response.status).toBe(200);
      expect(response.body.map((entry) => entry.id)).toEqual([early.body.id, late.body.id]);
      expect(response.headers.get("X-Total-Count")).toBe("2");
    }
    const paged = await list(users.ADMIN, { mechanicId: mechanic.id, limit: "1", offset: "1" });
    expect(paged.body.map((entry) => entry.id)).toEqual([late.body.id]);
    expect(paged.headers.get("X-Total-Count")).toBe("2");
    expect((await list(users.ADMIN, { bookingId: theirs.id })).body.map((entry) => entry.id)).toEqual([early.body.id]);
    expect((await list(users.ADMIN, { mechanicId: mechanic.id, status: "CANCELLED" })).body).toEqual([]);
    expect((await list(users.ADMIN, { mechanicId: mechanic.id, date: openDay(149) })).body).toEqual([]);
    expect((await list(customer, { mechanicId: mechanic.id })).body.map((entry) => entry.id)).toEqual([late.body.id]);
    expect((await list(users.EMPLOYEE, {})).status).toBe(403);
    for (const query of [{ date: "tomorrow" }, { status: "DONE" }, { bookingId: "x" }, { limit: "0" }] as Array<Record<string, string>>) expect((await list(users.ADMIN, query)).status).toBe(422);

    const item = (user: TestUser, id: string) => call<AssignmentView>(assignmentItem.GET, { token: user.token, params: { id } });
    expect((await item(customer, late.body.id)).status).toBe(200);
    expect((await item(customer, early.body.id)).status).toBe(404);
    expect((await item(users.MECHANIC, early.body.id)).status).toBe(200);
    expect((await item(users.ADMIN, UNKNOWN_ID)).status).toBe(404);

    const ofBooking = (user: TestUser, id: string) => call<AssignmentView[]>(bookingAssignments.GET, { token: user.token, params: { id } });
    expect((await ofBooking(customer, mine.id)).body.map((entry) => entry.id)).toEqual([late.body.id]);
    expect((await ofBooking(customer, theirs.id)).status).toBe(404);
    expect((await ofBooking(users.ADMIN, UNKNOWN_ID)).status).toBe(404);
    expect((await ofBooking(users.EMPLOYEE, mine.id)).status).toBe(403);

    const jobs = await call<AssignmentView[]>(mineRoute.GET, { token: mechanic.token, path: withQuery("/api/v1/assignments/mine", { date }) });
    expect(jobs.body.map((entry) => entry.id)).toEqual([early.body.id, late.body.id]);
    expect(jobs.body[0]!.booking).toMatchObject({ id: theirs.id, carPlate: "TEST", carDescription: "Test car", status: "BOOKED", labourMinutes: 90 });
    expect((await call<AssignmentView[]>(mineRoute.GET, { token: mechanic.token })).body).toEqual([]);
    expect((await call(mineRoute.GET, { token: mechanic.token, path: withQuery("/api/v1/assignments/mine", { date: "13/12" }) })).status).toBe(422);
  });
});

describe("GraphQL", () => {
  it("assigns, steps and reassigns through the same services; refuses the wrong role, owner and input; Booking.assignments and myJobs read them", async () => {
    const date = openDay(150);
    const [mechanic, other] = [await createUser("MECHANIC"), await createUser("MECHANIC")];
    const { booking, customer } = await bookingFor(catalogue, date);
    const ASSIGN = `mutation($bookingId: ID!, $mechanicId: String!, $startsAt: String!, $endsAt: String!) {
      assignBooking(bookingId: $bookingId, mechanicId: $mechanicId, startsAt: $startsAt, endsAt: $endsAt) { id status mechanicId booking { carPlate } } }`;
    const variables = { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, "09:00", "10:00") };
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) {
      const before = await assignmentSnapshot();
      expect((await gql(users[role], ASSIGN, variables)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(await assignmentSnapshot()).toEqual(before);
    }
    expect((await gql(users.ADMIN, ASSIGN, { ...variables, mechanicId: customer.id })).body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await gql(users.ADMIN, ASSIGN, { ...variables, bookingId: UNKNOWN_ID })).body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const assigned = await gql(users.ADMIN, ASSIGN, variables);
    const assignment = (assigned.body.data?.assignBooking ?? {}) as { id: string };
    expect(assigned.body.data?.assignBooking).toMatchObject({ status: "ASSIGNED", mechanicId: mechanic.id, booking: { carPlate: "TEST" } });
    expect((await gql(users.ADMIN, ASSIGN, { ...variables, bookingId: (await bookingFor(catalogue, date)).booking.id })).body.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status } }`;
    expect((await gql(other, STEP("acceptAssignment"), { id: assignment.id })).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(mechanic, STEP("startAssignment"), { id: assignment.id })).body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect((await gql(mechanic, STEP("acceptAssignment"), { id: UNKNOWN_ID })).body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    for (const step of ["acceptAssignment", "startAssignment", "finishAssignment"]) {
      expect((await gql(mechanic, STEP(step), { id: assignment.id })).body.errors).toBeUndefined();
    }

    const { booking: next } = await bookingFor(catalogue, date);
    const auto = await gql(users.ADMIN, `mutation($bookingId: ID!, $ids: [String!]) { autoAssignBooking(bookingId: $bookingId, startsAt: "${slotAt(date, "09:00")}", endsAt: "${slotAt(date, "10:00")}", candidateIds: $ids) { id mechanicId } }`, {
      bookingId: next.id,
      ids: [mechanic.id, other.id],
    });
    expect(auto.body.data?.autoAssignBooking).toMatchObject({ mechanicId: other.id });
    const autoId = (auto.body.data?.autoAssignBooking as { id: string }).id;
    const handed = await gql(users.ADMIN, `mutation($id: ID!, $m: String!) { reassignAssignment(id: $id, mechanicId: $m, startsAt: "${slotAt(date, "10:00")}", endsAt: "${slotAt(date, "11:00")}") { previousId mechanicId } }`, {
      id: autoId,
      m: mechanic.id,
    });
    expect(handed.body.data?.reassignAssignment).toEqual({ previousId: autoId, mechanicId: mechanic.id });

    const jobs = await gql(mechanic, `query($date: String) { myJobs(date: $date) { status booking { id } } }`, { date });
    expect(jobs.body.data?.myJobs).toEqual([
      { status: "FINISHED", booking: { id: booking.id } },
      { status: "ASSIGNED", booking: { id: next.id } },
    ]);
    const listed = await gql(users.ADMIN, `query($m: String) { assignments(mechanicId: $m, status: REASSIGNED) { id } }`, { m: other.id });
    expect(listed.body.data?.assignments).toEqual([{ id: autoId }]);
    const ofCustomer = await gql(customer, `{ bookings { id assignments { mechanicId status } } }`);
    expect(ofCustomer.body.data?.bookings).toEqual([{ id: booking.id, assignments: [{ mechanicId: mechanic.id, status: "FINISHED" }] }]);
  });

  it("Booking.assignments costs the same number of statements for few bookings as for many", async () => {
    const { countStatements } = await import("../support/query-count");
    const date = openDay(151);
    const mechanic = await createUser("MECHANIC");
    const customerFew = await createUser("CUSTOMER");
    const customerMany = await createUser("CUSTOMER");
    let minute = 0;
    for (const [customer, count] of [[customerFew, 2], [customerMany, 8]] as const) {
      for (let index = 0; index < count; index++) {
        const { booking } = await bookingFor(catalogue, date, { customer });
        const from = Date.parse(slotAt(date, "08:00")) + minute++ * 60_000;
        await insertAssignment(booking.id, mechanic, new Date(from).toISOString(), new Date(from + 60_000).toISOString());
      }
    }
    const QUERY = `{ bookings(limit: 10) { id assignments { id mechanicName } } }`;
    const measure = async (customer: TestUser) => {
      const counter = countStatements();
      try {
        const response = await gql(customer, QUERY);
        expect(response.body.errors).toBeUndefined();
        return counter.count();
      } finally {
        await counter.restore();
      }
    };
    expect(await measure(customerMany)).toBe(await measure(customerFew));
  });
});
