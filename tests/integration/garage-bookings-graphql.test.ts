import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { customerCar, garageCatalogue, garageSnapshot, openDay, slotAt, type GarageFixture } from "../support/garage-bookings";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number; detail?: unknown } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

const BOOKING_FIELDS = "id customerId status bay labourMinutes subtotalMinor taxMinor totalMinor services { serviceName priceMinor taxMinor } progress { fromStatus toStatus }";

let catalogue: GarageFixture;
let admin: TestUser;
let mechanic: TestUser;
beforeAll(async () => {
  catalogue = await garageCatalogue();
  [admin, mechanic] = await Promise.all([createUser("ADMIN"), createUser("MECHANIC")]);
});

describe("garage bookings over GraphQL (the same services as REST)", () => {
  it("slots, createBooking, myBookings, booking, bookings and cancelBooking", async () => {
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, catalogue.carModelId);
    const date = openDay(7);
    const slots = await gql<{ garageSlots: Array<{ start: string; freeBays: number }> }>(customer, "query($d: String!) { garageSlots(date: $d, minutes: 60) { start end freeBays } }", { d: date });
    expect(slots.body.data?.garageSlots[0]).toMatchObject({ start: slotAt(date, "08:00"), freeBays: 3 });

    const created = await gql<{ createBooking: { id: string; status: string; totalMinor: number; services: unknown[] } }>(
      customer,
      `mutation($car: ID!, $slot: String!, $services: [ID!]) { createBooking(carId: $car, slotStart: $slot, serviceIds: $services) { ${BOOKING_FIELDS} } }`,
      { car: car.id, slot: slotAt(date, "15:00"), services: catalogue.serviceIds },
    );
    expect(created.body.errors).toBeUndefined();
    const booking = created.body.data!.createBooking;
    expect(booking).toMatchObject({ customerId: customer.id, status: "BOOKED", labourMinutes: 150, subtotalMinor: 370_000, totalMinor: 436_600 });
    expect(booking.services).toHaveLength(2);

    const mine = await gql<{ myBookings: Array<{ id: string }> }>(customer, "{ myBookings { id } }");
    expect(mine.body.data?.myBookings.map((row) => row.id)).toEqual([booking.id]);
    const staffView = await gql<{ bookings: Array<{ id: string }> }>(mechanic, "query($d: String) { bookings(date: $d, limit: 200) { id } }", { d: date });
    expect(staffView.body.data?.bookings.map((row) => row.id)).toContain(booking.id);
    const stranger = await createUser("CUSTOMER");
    expect((await gql(stranger, "query($id: ID!) { booking(id: $id) { id } }", { id: booking.id })).body.data).toEqual({ booking: null });

    const before = await garageSnapshot();
    const refused = await gql(mechanic, "mutation($id: ID!) { cancelBooking(id: $id) { id } }", { id: booking.id });
    expect(refused.body.errors?.[0]?.extensions?.status).toBe(403);
    expect(await garageSnapshot()).toEqual(before);
    const cancelled = await gql<{ cancelBooking: { status: string } }>(customer, "mutation($id: ID!) { cancelBooking(id: $id, reason: \"Sorry\") { status } }", { id: booking.id });
    expect(cancelled.body.data?.cancelBooking.status).toBe("CANCELLED");
  });

  it("openQuery, queries and answerQuery", async () => {
    const customer = await createUser("CUSTOMER");
    const opened = await gql<{ openQuery: { id: string; status: string } }>(customer, 'mutation { openQuery(subject: "Hello", message: "Do you wash cars?") { id status } }');
    expect(opened.body.data?.openQuery.status).toBe("OPEN");
    const id = opened.body.data!.openQuery.id;
    expect((await gql(customer, `mutation { answerQuery(id: "${id}", answer: "No") { id } }`)).body.errors?.[0]?.extensions?.status).toBe(403);
    const answered = await gql<{ answerQuery: { status: string; answer: string } }>(admin, `mutation { answerQuery(id: "${id}", answer: "Yes, with every service.") { status answer } }`);
    expect(answered.body.data?.answerQuery).toEqual({ status: "ANSWERED", answer: "Yes, with every service." });
    const mine = await gql<{ queries: Array<{ id: string; status: string }> }>(customer, "{ queries { id status } }");
    expect(mine.body.data?.queries).toEqual([{ id, status: "ANSWERED" }]);
    expect((await gql(mechanic, "{ queries { id } }")).body.errors?.[0]?.extensions?.status).toBe(403);
  });
});
