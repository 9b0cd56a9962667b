import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as queryCollection from "@/app/api/v1/queries/route";
import * as queryItem from "@/app/api/v1/queries/[id]/route";
import type { RoleName } from "@/lib/identity/roles";
import type { SupportQueryView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { customerCar, eventsFor, garageCatalogue, garageSnapshot, insertBooking, openDay, slotAt, withQuery } from "../support/garage-bookings";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
});

const openCall = (user: TestUser, json: unknown) => call<SupportQueryView>(queryCollection.POST, { token: user.token, json });

describe("support queries", () => {
  it("a customer opens a query, optionally about their own booking; the event carries customerId", async () => {
    const customer = await createUser("CUSTOMER");
    const catalogue = await garageCatalogue();
    const car = await customerCar(customer.id, catalogue.carModelId);
    const booking = await insertBooking(customer.id, car.id, slotAt(openDay(8), "08:00"));
    const plain = await openCall(customer, { subject: "Opening hours", message: "Are you open on Sunday?" });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ customerId: customer.id, bookingId: null, status: "OPEN", answer: null, answeredById: null, answeredAt: null });
    expect(await eventsFor(plain.body.id)).toEqual([{ topic: "query_events", type: "query.opened", payload: plain.body, actor: customer.id }]);
    const about = await openCall(customer, { subject: "My booking", message: "Can I come\nan hour later?", bookingId: booking.id });
    expect(about.status).toBe(201);
    expect(about.body.bookingId).toBe(booking.id);

    const stranger = await createUser("CUSTOMER");
    const before = await garageSnapshot();
    expect((await openCall(stranger, { subject: "Theirs", message: "x", bookingId: booking.id })).status).toBe(404);
    expect((await openCall(stranger, { subject: "Unknown", message: "x", bookingId: UNKNOWN_ID })).status).toBe(404);
    const invalid = await openCall(stranger, { subject: "", message: 5, bookingId: "b", extra: true });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid.body).sort()).toEqual(["", "bookingId", "message", "subject"]);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await openCall(users[role], { subject: "Staff", message: "x", customerId: customer.id })).status, role).toBe(403);
    }
    expect(fieldsOf((await openCall(users.ADMIN, { subject: "For whom?", message: "x" })).body)).toEqual(["customerId"]);
    expect(fieldsOf((await openCall(users.ADMIN, { subject: "Staff", message: "x", customerId: users.MECHANIC.id })).body)).toEqual(["customerId"]);
    expect(fieldsOf((await openCall(stranger, { subject: "As another", message: "x", customerId: customer.id })).body)).toEqual(["customerId"]);
    expect((await openCall(users.ADMIN, { subject: "Not theirs", message: "x", customerId: stranger.id, bookingId: booking.id })).status).toBe(404);
    expect(await garageSnapshot()).toEqual(before);
    const forCustomer = await openCall(users.ADMIN, { subject: "Phoned in", message: "Asked by phone", customerId: customer.id, bookingId: booking.id });
    expect(forCustomer.status).toBe(201);
    expect(forCustomer.body).toMatchObject({ customerId: customer.id, bookingId: booking.id });
  });

  it("customers see their own queries only (another's is 404); admin sees all and filters by status; mechanics and employees are refused", async () => {
    const a = await createUser("CUSTOMER");
    const b = await createUser("CUSTOMER");
    const mine = (await openCall(a, { subject: "A", message: "a" })).body;
    const theirs = (await openCall(b, { subject: "B", message: "b" })).body;
    const own = await call<SupportQueryView[]>(queryCollection.GET, { token: a.token });
    expect(own.body.map((query) => query.id)).toEqual([mine.id]);
    expect(own.headers.get("X-Total-Count")).toBe("1");
    expect((await call(queryItem.GET, { token: a.token, params: { id: mine.id } })).status).toBe(200);
    expect((await call(queryItem.GET, { token: a.token, params: { id: theirs.id } })).body).toEqual({ detail: "Query not found." });
    const all = await call<SupportQueryView[]>(queryCollection.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/queries", { status: "OPEN", limit: "200" }) });
    expect(all.body.map((query) => query.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(all.body.every((query) => query.status === "OPEN")).toBe(true);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(queryCollection.GET, { token: users[role].token })).status, role).toBe(403);
      expect((await call(queryItem.GET, { token: users[role].token, params: { id: mine.id } })).status, role).toBe(403);
    }
    for (const id of [UNKNOWN_ID, "zzz"]) expect((await call(queryItem.GET, { token: users.ADMIN.token, params: { id } })).status).toBe(404);
    const queries: Array<Record<string, string>> = [{ status: "DONE" }, { q: "x" }];
    for (const query of queries) {
      expect((await call(queryCollection.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/queries", query) })).status).toBe(422);
    }
  });

  it("admin answers (ANSWERED, answeredBy/At, query.answered for the customer) and changes status; nobody else may", async () => {
    const customer = await createUser("CUSTOMER");
    const query = (await openCall(customer, { subject: "Price", message: "How much is an oil change?" })).body;
    const revoked = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revoked.token });
    const before = await garageSnapshot();
    for (const role of ["MECHANIC", "EMPLOYEE", "CUSTOMER"] as const) {
      expect((await call(queryItem.PATCH, { token: users[role].token, params: { id: query.id }, json: { answer: "x" } })).status, role).toBe(403);
    }
    expect((await call(queryItem.PATCH, { token: customer.token, params: { id: query.id }, json: { status: "CLOSED" } })).status).toBe(403);
    expect((await call(queryItem.PATCH, { token: users.ADMIN.token, params: { id: query.id }, json: {} })).status).toBe(422);
    expect((await call(queryItem.PATCH, { token: users.ADMIN.token, params: { id: query.id }, json: { status: "SOLVED" } })).status).toBe(422);
    expect((await call(queryItem.PATCH, { token: users.ADMIN.token, params: { id: UNKNOWN_ID }, json: { answer: "x" } })).status).toBe(404);
    expect((await call(queryItem.PATCH, { token: revoked.token, params: { id: query.id }, json: { answer: "x" } })).status).toBe(403);
    expect(await garageSnapshot()).toEqual(before);

    const answered = await call<SupportQueryView>(queryItem.PATCH, { token: users.ADMIN.token, params: { id: query.id }, json: { answer: "₹1,200 for a hatchback." } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: "ANSWERED", answer: "₹1,200 for a hatchback.", answeredById: users.ADMIN.id });
    expect(answered.body.answeredAt).not.toBeNull();
    const closed = await call<SupportQueryView>(queryItem.PATCH, { token: users.ADMIN.token, params: { id: query.id }, json: { status: "CLOSED" } });
    expect(closed.body).toMatchObject({ status: "CLOSED", answer: "₹1,200 for a hatchback." });
    const events = await eventsFor(query.id);
    expect(events.map((event) => event.type)).toEqual(["query.opened", "query.answered", "query.updated"]);
    expect(events[1]?.payload).toMatchObject({ customerId: customer.id });
    expect((await call<SupportQueryView>(queryItem.GET, { token: customer.token, params: { id: query.id } })).body).toEqual(closed.body);
  });
});
