import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, type TestUser } from "../support/identity";
import { garageCatalogue, openDay, type GarageFixture } from "../support/garage-bookings";
import { assignCall, autoAssignCall, bookingFor, span } from "../support/garage-assignments";

const backend = inject("databaseBackend");

let catalogue: GarageFixture;
let admin: TestUser;
beforeAll(async () => {
  catalogue = await garageCatalogue();
  admin = await createUser("ADMIN");
});

// On embedded PGlite (one connection) the requests queue rather than race; the constraint answers the same.
describe(`mechanic assignments under concurrency (${backend})`, () => {
  it("12 simultaneous overlapping assignments of one mechanic: exactly one 201, the rest 409, one assignment held", async () => {
    const date = openDay(160);
    const mechanic = await createUser("MECHANIC");
    const bookings = await Promise.all(Array.from({ length: 12 }, () => bookingFor(catalogue, date)));
    const responses = await Promise.all(
      bookings.map(({ booking }, index) => assignCall(admin, { bookingId: booking.id, mechanicId: mechanic.id, ...span(date, index % 2 ? "09:00" : "09:30", "10:30") })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);
    expect(await db.bookingAssignment.count({ where: { mechanicId: mechanic.id } })).toBe(1);
  });

  it("10 simultaneous auto-assigns over a crew of 3 for one span: 3 × 201 on three different mechanics, 7 × 409", async () => {
    const date = openDay(161);
    const crew = await Promise.all([createUser("MECHANIC"), createUser("MECHANIC"), createUser("MECHANIC")]);
    const bookings = await Promise.all(Array.from({ length: 10 }, () => bookingFor(catalogue, date)));
    const responses = await Promise.all(
      bookings.map(({ booking }) => autoAssignCall(admin, { bookingId: booking.id, candidateIds: crew.map((mechanic) => mechanic.id), ...span(date, "13:00", "14:00") })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201), JSON.stringify(statuses)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    const assigned = responses.filter((response) => response.status === 201).map((response) => response.body.mechanicId);
    expect(new Set(assigned).size).toBe(3);
  });
});
