import { beforeAll, describe, expect, it } from "vitest";
import * as bookingItem from "@/app/api/v1/bookings/[id]/route";
import * as bookingStatus from "@/app/api/v1/bookings/[id]/status/route";
import { db } from "@/lib/db";
import type { BookingDetailView, BookingView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { customerCar, garageCatalogue, insertBooking, openDay, slotAt, type GarageFixture } from "../support/garage-bookings";

let admin: TestUser;
let catalogue: GarageFixture;

beforeAll(async () => {
  admin = await createUser("ADMIN");
  catalogue = await garageCatalogue();
});

const move = (bookingId: string, json: unknown) =>
  call<BookingView>(bookingStatus.POST, { token: admin.token, params: { id: bookingId }, path: `/api/v1/bookings/${bookingId}/status`, json });

describe("the booking view the booking pages read", () => {
  it("carries the promised time and the odometer readings: null until check-in, then in, then out at delivery (the customer reads them too)", async () => {
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, catalogue.carModelId);
    const booking = await insertBooking(customer.id, car.id, slotAt(openDay(40), "09:00"), { status: "BOOKED" });
    const read = (token: string) => call<BookingDetailView>(bookingItem.GET, { token, params: { id: booking.id }, path: `/api/v1/bookings/${booking.id}` });

    const before = await read(customer.token);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ promisedAt: null, odometerInKm: null, odometerOutKm: null });

    const checkedIn = await move(booking.id, { status: "CHECKED_IN", odometerKm: 12_345 });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.odometerInKm).toBe(12_345);
    expect(checkedIn.body.odometerOutKm).toBeNull();
    expect(typeof checkedIn.body.promisedAt).toBe("string");

    // The inspection and the work between are other pages' business: straight to READY.
    await db.booking.update({ where: { id: booking.id }, data: { status: "READY" } });
    const delivered = await move(booking.id, { status: "DELIVERED", odometerKm: 12_400 });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ odometerInKm: 12_345, odometerOutKm: 12_400 });

    const after = await read(customer.token);
    expect(after.body).toMatchObject({ odometerInKm: 12_345, odometerOutKm: 12_400, promisedAt: checkedIn.body.promisedAt });
  });
});
