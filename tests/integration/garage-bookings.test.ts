import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as bookingItem from "@/app/api/v1/bookings/[id]/route";
import * as bookingCancel from "@/app/api/v1/bookings/[id]/cancel/route";
import * as bookingServices from "@/app/api/v1/bookings/[id]/services/route";
import * as bookingCollection from "@/app/api/v1/bookings/route";
import * as myBookings from "@/app/api/v1/bookings/customer/route";
import * as slots from "@/app/api/v1/garage/slots/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import type { BookedServiceView, BookingDetailView, BookingView, GarageSlotView } from "@/lib/modules/garage/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import {
  bookCall,
  cartLine,
  closedDay,
  customerAddress,
  customerCar,
  eventsFor,
  garageCatalogue,
  garageSnapshot,
  insertBooking,
  openDay,
  slotAt,
  withQuery,
  type GarageFixture,
} from "../support/garage-bookings";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let catalogue: GarageFixture;

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  catalogue = await garageCatalogue();
});

/** A new customer with a car. */
async function customerWithCar() {
  const customer = await createUser("CUSTOMER");
  const car = await customerCar(customer.id, catalogue.carModelId);
  return { customer, car };
}

const slotsCall = (user: TestUser, query: Record<string, string>) =>
  call<GarageSlotView[]>(slots.GET, { token: user.token, path: withQuery("/api/v1/garage/slots", query) });

describe("slots", () => {
  it("lists the free slots of an open day from opening time for every role holding READ:BOOKINGS", async () => {
    const date = openDay(1);
    for (const role of ["ADMIN", "MECHANIC", "CUSTOMER"] as const) {
      const response = await slotsCall(users[role], { date, minutes: "60" });
      expect(response.status, role).toBe(200);
      expect(response.body[0]).toEqual({ start: slotAt(date, "08:00"), end: slotAt(date, "08:30"), freeBays: 3 });
      // 08:00 … 17:00 for an hour's work (it must end by 18:00).
      expect(response.body.at(-1)?.start).toBe(slotAt(date, "17:00"));
      expect(response.body).toHaveLength(19);
    }
    expect((await slotsCall(users.EMPLOYEE, { date, minutes: "60" })).status).toBe(403);
    expect((await call(slots.GET, { path: withQuery("/api/v1/garage/slots", { date, minutes: "60" }) })).status).toBe(401);
  });

  it("answers an empty list on a closed day and for past days; today's slots are all in the future", async () => {
    const closed = closedDay(8);
    if (closed) expect((await slotsCall(users.CUSTOMER, { date: closed, minutes: "30" })).body).toEqual([]);
    expect((await slotsCall(users.CUSTOMER, { date: "2021-03-01", minutes: "30" })).body).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const todays = await slotsCall(users.CUSTOMER, { date: today, minutes: "30" });
    expect(todays.status).toBe(200);
    expect(todays.body.every((slot) => Date.parse(slot.start) > Date.now())).toBe(true);
    const beyondHorizon = openDay(90);
    expect((await slotsCall(users.CUSTOMER, { date: beyondHorizon, minutes: "30" })).body).toEqual([]);
  });

  it("leaves out full slots, work that would end after closing, and a day without the capacity left", async () => {
    const date = openDay(2);
    const { customer, car } = await customerWithCar();
    for (const bay of [1, 2, 3]) await insertBooking(customer.id, car.id, slotAt(date, "10:00"), { bay });
    await insertBooking(customer.id, car.id, slotAt(date, "11:00"), { bay: 2 });
    const free = (await slotsCall(users.CUSTOMER, { date, minutes: "30" })).body;
    expect(free.map((slot) => slot.start)).not.toContain(slotAt(date, "10:00"));
    expect(free.find((slot) => slot.start === slotAt(date, "11:00"))?.freeBays).toBe(2);
    const wholeDay = (await slotsCall(users.CUSTOMER, { date, minutes: "600" })).body;
    expect(wholeDay.map((slot) => slot.start)).toEqual([slotAt(date, "08:00")]);
    expect((await slotsCall(users.CUSTOMER, { date, minutes: "601" })).body).toEqual([]);
    // 3 bays × 600 minutes = 1800; 4 × 30 booked above, so 1680 left: fill 1650 more.
    await insertBooking(customer.id, car.id, slotAt(date, "08:00"), { labourMinutes: 600 });
    await insertBooking(customer.id, car.id, slotAt(date, "08:30"), { labourMinutes: 600 });
    await insertBooking(customer.id, car.id, slotAt(date, "09:00"), { labourMinutes: 450 });
    expect((await slotsCall(users.CUSTOMER, { date, minutes: "31" })).body).toEqual([]);
    expect((await slotsCall(users.CUSTOMER, { date, minutes: "30" })).body.length).toBeGreaterThan(0);
  });

  it("refuses bad or missing parameters (422) and unknown ones", async () => {
    const date = openDay(1);
    const queries: Array<Record<string, string>> = [{ minutes: "30" }, { date }, { date: "2026-02-30", minutes: "30" }, { date, minutes: "0" }, { date, minutes: "1441" }, { date, minutes: "1e2" }, { date, minutes: "30", bay: "1" }];
    for (const query of queries) {
      expect((await slotsCall(users.CUSTOMER, query)).status, JSON.stringify(query)).toBe(422);
    }
  });
});

describe("booking", () => {
  it("a customer books services for their car: lines snapshot price and GST, totals are the sums, event and history written", async () => {
    const { customer, car } = await customerWithCar();
    const address = await customerAddress(customer.id);
    const date = openDay(3);
    const response = await call<BookingDetailView>(bookingCollection.POST, {
      token: customer.token,
      json: { carId: car.id, slotStart: slotAt(date, "09:00"), serviceIds: catalogue.serviceIds, pickupAddressId: address.id, notes: "Squeaky brakes" },
    });
    expect(response.status).toBe(201);
    const booking = response.body;
    expect(booking).toMatchObject({
      customerId: customer.id,
      carId: car.id,
      carPlate: car.plate,
      slotStart: slotAt(date, "09:00"),
      slotEnd: slotAt(date, "09:30"),
      bay: 1,
      labourMinutes: 150,
      pickupAddressId: address.id,
      status: "BOOKED",
      notes: "Squeaky brakes",
      subtotalMinor: 370_000,
      taxMinor: 66_600,
      totalMinor: 436_600,
      currency: "INR",
    });
    expect(booking.pickupText).toContain("1 MG Road");
    // Lines are listed by service name: "Brake service …" before "Oil change …".
    expect(booking.services.map((line) => [line.priceMinor, line.priceSource, line.gstBasisPoints, line.taxMinor, line.labourMinutes])).toEqual([
      [250_000, "BASE", 1800, 45_000, 90],
      [120_000, "SEGMENT", 1800, 21_600, 60],
    ]);
    expect(booking.progress).toMatchObject([{ fromStatus: null, toStatus: "BOOKED" }]);
    const { services: _services, progress: _progress, ...view } = booking;
    expect(await eventsFor(booking.id)).toEqual([{ topic: "booking_events", type: "booking.created", payload: view, actor: customer.id }]);
    // The next booking of that slot takes the next bay.
    const other = await customerWithCar();
    const second = await bookCall(other.customer, { carId: other.car.id, slotStart: slotAt(date, "09:00"), serviceIds: [catalogue.serviceIds[0]] });
    expect(second.body.bay).toBe(2);
  });

  it("snapshots: changing the GST rate and the price afterwards leaves the booking's lines and totals as they were", async () => {
    const own = await garageCatalogue();
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, own.carModelId);
    const booked = await call<BookingDetailView>(bookingCollection.POST, {
      token: customer.token,
      json: { carId: car.id, slotStart: slotAt(openDay(3), "10:00"), serviceIds: own.serviceIds },
    });
    expect(booked.status).toBe(201);
    await db.gstRate.update({ where: { code: own.gstCode }, data: { basisPoints: 2800 } });
    await db.garageService.update({ where: { id: own.serviceIds[1] }, data: { basePriceMinor: 999_999 } });
    await db.priceChartEntry.updateMany({ where: { serviceId: own.serviceIds[0] }, data: { priceMinor: 1 } });
    const after = await call<BookingDetailView>(bookingItem.GET, { token: customer.token, params: { id: booked.body.id } });
    expect(after.body).toEqual(booked.body);
    const lines = await call<BookedServiceView[]>(bookingServices.GET, { token: customer.token, params: { id: booked.body.id } });
    expect(lines.body).toEqual(booked.body.services);
  });

  it("books from the cart: the car's cart lines become the booking and leave the cart; other cars' lines stay", async () => {
    const { customer, car } = await customerWithCar();
    const otherCar = await customerCar(customer.id, catalogue.carModelId);
    await cartLine(customer.id, car.id, catalogue.serviceIds[0]);
    await cartLine(customer.id, car.id, catalogue.serviceIds[1]);
    const kept = await cartLine(customer.id, otherCar.id, catalogue.serviceIds[0]);
    const response = await call<BookingDetailView>(bookingCollection.POST, {
      token: customer.token,
      json: { carId: car.id, slotStart: slotAt(openDay(3), "11:00"), fromCart: true },
    });
    expect(response.status).toBe(201);
    expect(response.body.services.map((line) => line.serviceId).sort()).toEqual([...catalogue.serviceIds].sort());
    expect((await db.cartLine.findMany({ where: { ownerId: customer.id } })).map((line) => line.id)).toEqual([kept.id]);
    const again = await bookCall(customer, { carId: car.id, slotStart: slotAt(openDay(3), "11:00"), fromCart: true });
    expect(again.status).toBe(422);
    expect(fieldsOf(again.body)).toEqual(["fromCart"]);
  });

  it("admin books for a customer with customerId; mechanics and employees cannot book", async () => {
    const { customer, car } = await customerWithCar();
    const slotStart = slotAt(openDay(3), "12:00");
    const admin = await bookCall(users.ADMIN, { customerId: customer.id, carId: car.id, slotStart, serviceIds: [catalogue.serviceIds[0]] });
    expect(admin.status).toBe(201);
    expect(admin.body.customerId).toBe(customer.id);
    const before = await garageSnapshot();
    expect((await bookCall(users.ADMIN, { carId: car.id, slotStart, serviceIds: [catalogue.serviceIds[0]] })).status).toBe(422);
    expect((await bookCall(users.ADMIN, { customerId: users.MECHANIC.id, carId: car.id, slotStart, serviceIds: [catalogue.serviceIds[0]] })).status).toBe(422);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await bookCall(users[role], { customerId: customer.id, carId: car.id, slotStart, serviceIds: [catalogue.serviceIds[0]] })).status, role).toBe(403);
    }
    expect(await garageSnapshot()).toEqual(before);
  });

  it("refuses another's car or address (404), bad input (422) and slots that are not bookable, changing nothing", async () => {
    const { customer, car } = await customerWithCar();
    const stranger = await customerWithCar();
    const strangersAddress = await customerAddress(stranger.customer.id);
    const date = openDay(3);
    const slotStart = slotAt(date, "13:00");
    const service = [catalogue.serviceIds[0]];
    const before = await garageSnapshot();
    const notFound: Array<Record<string, unknown>> = [
      { carId: stranger.car.id, slotStart, serviceIds: service },
      { carId: UNKNOWN_ID, slotStart, serviceIds: service },
      { carId: car.id, slotStart, serviceIds: service, pickupAddressId: strangersAddress.id },
    ];
    for (const json of notFound) expect((await bookCall(customer, json)).status, JSON.stringify(json)).toBe(404);
    const invalid: Array<[Record<string, unknown>, string[]]> = [
      [{ carId: car.id, slotStart }, ["serviceIds"]],
      [{ carId: car.id, slotStart, serviceIds: service, fromCart: true }, ["serviceIds"]],
      [{ carId: car.id, slotStart, serviceIds: [UNKNOWN_ID] }, ["serviceIds"]],
      [{ carId: car.id, slotStart, serviceIds: [catalogue.inactiveServiceId] }, ["serviceIds"]],
      [{ carId: car.id, slotStart, serviceIds: [] }, ["serviceIds"]],
      [{ carId: car.id, slotStart, fromCart: false }, ["fromCart"]],
      [{ carId: "nope", slotStart: "tomorrow", serviceIds: ["x"], extra: 1 }, ["", "carId", "slotStart", "serviceIds.0"]],
      [{ carId: car.id, slotStart: slotAt(date, "13:10"), serviceIds: service }, ["slotStart"]],
      [{ carId: car.id, slotStart: slotAt(date, "07:30"), serviceIds: service }, ["slotStart"]],
      [{ carId: car.id, slotStart: slotAt("2021-03-01", "10:00"), serviceIds: service }, ["slotStart"]],
      [{ carId: car.id, slotStart: slotAt(openDay(90), "10:00"), serviceIds: service }, ["slotStart"]],
      [{ customerId: stranger.customer.id, carId: car.id, slotStart, serviceIds: service }, ["customerId"]],
    ];
    const closed = closedDay(10);
    if (closed) invalid.push([{ carId: car.id, slotStart: slotAt(closed, "10:00"), serviceIds: service }, ["slotStart"]]);
    for (const [json, fields] of invalid) {
      const response = await bookCall(customer, json);
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(response.body).sort(), JSON.stringify(json)).toEqual(fields.sort());
    }
    for (const json of [[], null, "book", { carId: car.id, slotStart, serviceIds: Array.from({ length: 21 }, () => UNKNOWN_ID) }]) {
      expect((await call(bookingCollection.POST, { token: customer.token, json })).status, JSON.stringify(json)).toBe(422);
    }
    expect((await call(bookingCollection.POST, { token: customer.token, rawBody: "{not json", headers: { "content-type": "application/json" } })).status).toBe(422);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("a full slot or work that does not fit the day is a 409 listing the next free slots", async () => {
    const date = openDay(4);
    const { customer, car } = await customerWithCar();
    for (const bay of [1, 2, 3]) await insertBooking(customer.id, car.id, slotAt(date, "08:00"), { bay });
    const before = await garageSnapshot();
    const full = await bookCall(customer, { carId: car.id, slotStart: slotAt(date, "08:00"), serviceIds: [catalogue.serviceIds[0]] });
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/full/);
    expect((full.body.nextFreeSlots as GarageSlotView[]).map((slot) => slot.start)).toEqual(
      ["08:30", "09:00", "09:30", "10:00", "10:30"].map((time) => slotAt(date, time)),
    );
    // 150 minutes from 16:00 would end at 18:30, after closing.
    const late = await bookCall(customer, { carId: car.id, slotStart: slotAt(date, "16:00"), serviceIds: catalogue.serviceIds });
    expect(late.status).toBe(409);
    expect((late.body.nextFreeSlots as GarageSlotView[]).map((slot) => slot.start)).toEqual(
      ["08:30", "09:00", "09:30", "10:00", "10:30"].map((time) => slotAt(date, time)),
    );
    expect(await garageSnapshot()).toEqual(before);
  });
});

describe("reading bookings", () => {
  it("customers list and read only their own (another's is 404); staff see all and filter", async () => {
    const a = await customerWithCar();
    const b = await customerWithCar();
    const date = openDay(5);
    const mine = (await bookCall(a.customer, { carId: a.car.id, slotStart: slotAt(date, "14:00"), serviceIds: [catalogue.serviceIds[0]] })).body as unknown as BookingDetailView;
    const theirs = (await bookCall(b.customer, { carId: b.car.id, slotStart: slotAt(date, "14:30"), serviceIds: [catalogue.serviceIds[0]] })).body as unknown as BookingDetailView;
    const own = await call<BookingView[]>(bookingCollection.GET, { token: a.customer.token });
    expect(own.body.map((booking) => booking.id)).toEqual([mine.id]);
    expect(own.headers.get("X-Total-Count")).toBe("1");
    const ignoredFilter = await call<BookingView[]>(bookingCollection.GET, { token: a.customer.token, path: withQuery("/api/v1/bookings", { customerId: b.customer.id }) });
    expect(ignoredFilter.body.map((booking) => booking.id)).toEqual([mine.id]);
    expect((await call<BookingView[]>(myBookings.GET, { token: a.customer.token })).body.map((booking) => booking.id)).toEqual([mine.id]);
    for (const handler of [bookingItem.GET, bookingServices.GET]) {
      expect((await call<Detail>(handler, { token: a.customer.token, params: { id: theirs.id } })).body).toEqual({ detail: "Booking not found." });
      for (const id of [UNKNOWN_ID, "not-a-uuid"]) expect((await call(handler, { token: users.ADMIN.token, params: { id } })).status).toBe(404);
    }
    for (const role of ["ADMIN", "MECHANIC"] as const) {
      const all = await call<BookingView[]>(bookingCollection.GET, { token: users[role].token, path: withQuery("/api/v1/bookings", { date, sort: "slot" }) });
      expect(all.status, role).toBe(200);
      expect(all.body.map((booking) => booking.id)).toEqual([mine.id, theirs.id]);
      const newest = await call<BookingView[]>(bookingCollection.GET, { token: users[role].token, path: withQuery("/api/v1/bookings", { date, customerId: b.customer.id, status: "BOOKED" }) });
      expect(newest.body.map((booking) => booking.id)).toEqual([theirs.id]);
      expect((await call(bookingItem.GET, { token: users[role].token, params: { id: theirs.id } })).status).toBe(200);
      expect((await call(bookingServices.GET, { token: users[role].token, params: { id: theirs.id } })).status).toBe(200);
    }
    for (const handler of [bookingCollection.GET, myBookings.GET]) {
      expect((await call(handler, { token: users.EMPLOYEE.token })).status).toBe(403);
    }
    expect((await call(bookingItem.GET, { token: users.EMPLOYEE.token, params: { id: mine.id } })).status).toBe(403);
    const queries: Array<Record<string, string>> = [{ status: "LOST" }, { date: "2026-13-01" }, { sort: "price" }, { page: "1" }, { limit: "0" }];
    for (const query of queries) {
      expect((await call(bookingCollection.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/bookings", query) })).status, JSON.stringify(query)).toBe(422);
    }
    expect((await call(myBookings.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/bookings/customer", { status: "BOOKED" }) })).status).toBe(422);
  });
});

describe("changing, cancelling and deleting bookings", () => {
  async function booked(time: string, dayOffset = 6) {
    const { customer, car } = await customerWithCar();
    const response = await bookCall(customer, { carId: car.id, slotStart: slotAt(openDay(dayOffset), time), serviceIds: [catalogue.serviceIds[0]] });
    expect(response.status).toBe(201);
    return { customer, car, booking: response.body as unknown as BookingDetailView };
  }

  it("PATCH changes notes and pick-up while BOOKED (own for customers), 409 afterwards", async () => {
    const { customer, booking } = await booked("08:00");
    const address = await customerAddress(customer.id);
    const patched = await call<BookingView>(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json: { notes: "Call first", pickupAddressId: address.id } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ notes: "Call first", pickupAddressId: address.id });
    expect((await eventsFor(booking.id)).map((event) => event.type)).toEqual(["booking.created", "booking.updated"]);
    const unchanged = await call<BookingView>(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ notes: "Call first", pickupAddressId: address.id });
    for (const json of [[], "notes", null, { notes: "a\u0000b" }, { notes: "x".repeat(1001) }]) {
      expect((await call(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json })).status, JSON.stringify(json)).toBe(422);
    }
    const cleared = await call<BookingView>(bookingItem.PATCH, { token: users.ADMIN.token, params: { id: booking.id }, json: { pickupAddressId: null } });
    expect(cleared.body).toMatchObject({ pickupAddressId: null, pickupText: null });
    const stranger = await createUser("CUSTOMER");
    const strangersAddress = await customerAddress(stranger.id);
    const before = await garageSnapshot();
    expect((await call(bookingItem.PATCH, { token: stranger.token, params: { id: booking.id }, json: { notes: "mine now" } })).status).toBe(404);
    expect((await call(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json: { pickupAddressId: strangersAddress.id } })).status).toBe(404);
    expect((await call(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json: { slotStart: booking.slotStart } })).status).toBe(422);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(bookingItem.PATCH, { token: users[role].token, params: { id: booking.id }, json: { notes: "x" } })).status, role).toBe(403);
    }
    await db.booking.update({ where: { id: booking.id }, data: { status: "CHECKED_IN" } });
    const late = await call(bookingItem.PATCH, { token: customer.token, params: { id: booking.id }, json: { notes: "late" } });
    expect(late.status).toBe(409);
    await db.booking.update({ where: { id: booking.id }, data: { status: "BOOKED" } });
    expect(await garageSnapshot()).toEqual({ ...before, bookings: expect.any(Array) as unknown });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).notes).toBe("Call first");
  });

  it("a customer cancels their own while BOOKED, releasing the bay; not another's (404), not after check-in (409)", async () => {
    const { customer, car, booking } = await booked("09:00");
    const stranger = await createUser("CUSTOMER");
    const before = await garageSnapshot();
    expect((await call(bookingCancel.POST, { token: stranger.token, params: { id: booking.id } })).status).toBe(404);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(bookingCancel.POST, { token: users[role].token, params: { id: booking.id } })).status, role).toBe(403);
    }
    expect((await call(bookingCancel.POST, { token: customer.token, params: { id: booking.id }, json: { reason: 1 } })).status).toBe(422);
    expect(await garageSnapshot()).toEqual(before);
    const cancelled = await call<BookingView>(bookingCancel.POST, { token: customer.token, params: { id: booking.id }, json: { reason: "Plans changed" } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "CANCELLED", cancelReason: "Plans changed" });
    const detail = await call<BookingDetailView>(bookingItem.GET, { token: customer.token, params: { id: booking.id } });
    expect(detail.body.progress.map((change) => [change.fromStatus, change.toStatus])).toEqual([[null, "BOOKED"], ["BOOKED", "CANCELLED"]]);
    expect((await eventsFor(booking.id)).map((event) => event.type)).toEqual(["booking.created", "booking.cancelled"]);
    expect((await call(bookingCancel.POST, { token: customer.token, params: { id: booking.id } })).status).toBe(409);
    // The bay is free again: the same bay can be booked at that slot.
    const rebooked = await bookCall(customer, { carId: car.id, slotStart: booking.slotStart, serviceIds: [catalogue.serviceIds[0]] });
    expect(rebooked.body.bay).toBe(booking.bay);
    const checkedIn = await booked("09:30");
    await db.booking.update({ where: { id: checkedIn.booking.id }, data: { status: "CHECKED_IN" } });
    expect((await call<Detail>(bookingCancel.POST, { token: checkedIn.customer.token, params: { id: checkedIn.booking.id } })).status).toBe(409);
  });

  it("admin cancels until work starts (409 from IN_PROGRESS on) and deletes only cancelled or delivered bookings", async () => {
    const checkedIn = await booked("10:00");
    await db.booking.update({ where: { id: checkedIn.booking.id }, data: { status: "AWAITING_APPROVAL" } });
    expect((await call<BookingView>(bookingCancel.POST, { token: users.ADMIN.token, params: { id: checkedIn.booking.id } })).body.status).toBe("CANCELLED");
    const working = await booked("10:30");
    await db.booking.update({ where: { id: working.booking.id }, data: { status: "IN_PROGRESS" } });
    expect((await call(bookingCancel.POST, { token: users.ADMIN.token, params: { id: working.booking.id } })).status).toBe(409);

    const before = await garageSnapshot();
    expect((await call(bookingItem.DELETE, { token: users.ADMIN.token, params: { id: working.booking.id } })).status).toBe(409);
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) {
      expect((await call(bookingItem.DELETE, { token: users[role].token, params: { id: checkedIn.booking.id } })).status, role).toBe(403);
    }
    expect((await call(bookingItem.DELETE, { token: checkedIn.customer.token, params: { id: checkedIn.booking.id } })).status).toBe(403);
    expect((await call(bookingItem.DELETE, { token: users.ADMIN.token, params: { id: "nope" } })).status).toBe(404);
    expect(await garageSnapshot()).toEqual(before);
    expect((await call(bookingItem.DELETE, { token: users.ADMIN.token, params: { id: checkedIn.booking.id } })).status).toBe(204);
    expect(await db.booking.findUnique({ where: { id: checkedIn.booking.id } })).toBeNull();
    expect((await eventsFor(checkedIn.booking.id)).at(-1)?.type).toBe("booking.deleted");
  });

  it("a revoked token (403), a garbage token or none (401) change nothing", async () => {
    const { customer, car } = await customerWithCar();
    await call(logout, { method: "POST", token: customer.token });
    const before = await garageSnapshot();
    const requests: Array<[unknown, CallOptions]> = [
      [bookingCollection.POST, { json: { carId: car.id, slotStart: slotAt(openDay(6), "11:00"), serviceIds: [catalogue.serviceIds[0]] } }],
      [bookingCollection.GET, {}],
      [slots.GET, { path: withQuery("/api/v1/garage/slots", { date: openDay(6), minutes: "30" }) }],
    ];
    for (const [handler, request] of requests) {
      expect((await call(handler, { ...request, token: customer.token })).status).toBe(403);
      expect((await call(handler, { ...request, token: "garbage" })).status).toBe(401);
      expect((await call(handler, request)).status).toBe(401);
    }
    expect(await garageSnapshot()).toEqual(before);
  });
});
