import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { db } from "@/lib/db";
import type { GarageFixture } from "../support/garage-bookings";
import { garageCatalogue, inspectionSnapshot, inspectionTemplate, photoForm, testImage, workshopBooking } from "../support/garage-inspections";
import * as photoRoute from "@/app/api/v1/bookings/[id]/inspection/items/[itemId]/photos/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { countStatements } from "../support/query-count";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number; detail?: unknown } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

async function refused(user: TestUser, query: string, variables: Record<string, unknown>) {
  const before = await inspectionSnapshot();
  const response = await gql(user, query, variables);
  expect(await inspectionSnapshot()).toEqual(before);
  return response.body.errors?.[0]?.extensions?.status;
}

let admin: TestUser;
let mechanic: TestUser;
let otherMechanic: TestUser;
let customer: TestUser;
let otherCustomer: TestUser;
let fixture: GarageFixture;

beforeAll(async () => {
  [admin, mechanic, otherMechanic, customer, otherCustomer] = await Promise.all([
    createUser("ADMIN"),
    createUser("MECHANIC"),
    createUser("MECHANIC", "Other mechanic"),
    createUser("CUSTOMER"),
    createUser("CUSTOMER", "Other customer"),
  ]);
  fixture = await garageCatalogue();
});

const START = "mutation($b: ID!, $t: ID!) { startInspection(bookingId: $b, templateId: $t) { id items { id label measurementUnit } } }";
const RATE = "mutation($b: ID!, $i: ID!, $r: InspectionRating, $n: String, $m: Float) { rateInspectionItem(bookingId: $b, itemId: $i, rating: $r, note: $n, measurement: $m) { items { id rating note measurement } } }";
const SUBMIT = "mutation($b: ID!) { submitInspection(bookingId: $b) { booking { status } recommendations { id serviceId severity reason priceMinor } inspection { submittedAt } } }";

describe("inspections over GraphQL (the same services as REST)", () => {
  it("startInspection, rateInspectionItem, submitInspection, recommendWork and adjustRecommendation, with the same refusals", async () => {
    const template = await inspectionTemplate(fixture);
    const booking = await workshopBooking(customer, fixture, { mechanic });
    expect(await refused(customer, START, { b: booking.id, t: template.id })).toBe(403);
    expect(await refused(otherMechanic, START, { b: booking.id, t: template.id })).toBe(403);
    expect(await refused(mechanic, START, { b: booking.id, t: "nope" })).toBe(422);
    const started = await gql<{ startInspection: { items: Array<{ id: string; label: string }> } }>(mechanic, START, { b: booking.id, t: template.id });
    expect(started.body.errors).toBeUndefined();
    const [tread, pads, lights] = started.body.data!.startInspection.items;

    expect(await refused(mechanic, RATE, { b: booking.id, i: tread!.id, r: "OK", m: -2 })).toBe(422);
    expect(await refused(otherMechanic, RATE, { b: booking.id, i: tread!.id, r: "OK" })).toBe(403);
    expect(await refused(otherCustomer, RATE, { b: booking.id, i: tread!.id, r: "OK" })).toBe(403);
    const rated = await gql<{ rateInspectionItem: { items: Array<{ rating: string; measurement: number | null }> } }>(mechanic, RATE, { b: booking.id, i: tread!.id, r: "CRITICAL", n: "Bald", m: 1.5 });
    expect(rated.body.data?.rateInspectionItem.items[0]).toMatchObject({ rating: "CRITICAL", measurement: 1.5 });
    expect(await refused(mechanic, SUBMIT, { b: booking.id })).toBe(422);
    await gql(mechanic, RATE, { b: booking.id, i: pads!.id, r: "OK" });
    await gql(mechanic, RATE, { b: booking.id, i: lights!.id, r: "OK" });
    const submitted = await gql<{ submitInspection: { booking: { status: string }; recommendations: Array<{ id: string; serviceId: string; severity: string; reason: string; priceMinor: number }> } }>(
      mechanic,
      SUBMIT,
      { b: booking.id },
    );
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.body.data?.submitInspection.booking.status).toBe("AWAITING_APPROVAL");
    const [recommendation] = submitted.body.data!.submitInspection.recommendations;
    expect(recommendation).toMatchObject({ serviceId: fixture.serviceIds[0], severity: "CRITICAL", reason: "Bald" });

    const ADJUST = "mutation($id: ID!, $p: Int, $why: String) { adjustRecommendation(id: $id, priceMinor: $p, adjustmentReason: $why) { priceMinor adjustmentReason version } }";
    expect(await refused(customer, ADJUST, { id: recommendation!.id, p: 1, why: "cheaper" })).toBe(403);
    expect(await refused(otherCustomer, ADJUST, { id: recommendation!.id, p: 1, why: "cheaper" })).toBe(404);
    expect(await refused(mechanic, ADJUST, { id: recommendation!.id, p: 1 })).toBe(422);
    const adjusted = await gql<{ adjustRecommendation: { priceMinor: number; version: number } }>(admin, ADJUST, { id: recommendation!.id, p: 1000, why: "Goodwill" });
    expect(adjusted.body.data?.adjustRecommendation).toEqual({ priceMinor: 1000, adjustmentReason: "Goodwill", version: 2 });

    const RECOMMEND = "mutation($b: ID!, $s: ID!) { recommendWork(bookingId: $b, serviceId: $s, severity: ATTENTION, reason: \"Noticed\") { id status } }";
    expect(await refused(customer, RECOMMEND, { b: booking.id, s: fixture.serviceIds[1] })).toBe(403);
    const recommended = await gql<{ recommendWork: { status: string } }>(mechanic, RECOMMEND, { b: booking.id, s: fixture.serviceIds[1] });
    expect(recommended.body.data?.recommendWork.status).toBe("PENDING");

    const read = await gql<{ booking: { inspection: { items: Array<{ rating: string }> }; recommendations: Array<{ id: string }> } }>(
      customer,
      "query($id: ID!) { booking(id: $id) { inspection { items { rating } } recommendations { id } } }",
      { id: booking.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.booking.inspection.items.map((item) => item.rating)).toEqual(["CRITICAL", "OK", "OK"]);
    expect(read.body.data?.booking.recommendations).toHaveLength(2);
    expect((await gql(otherCustomer, "query($b: ID!) { inspection(bookingId: $b) { id } }", { b: booking.id })).body.data).toEqual({ inspection: null });
    const templates = await gql<{ inspectionTemplates: Array<{ id: string }> }>(mechanic, "{ inspectionTemplates(active: true, limit: 20) { id name items { label } } }");
    expect(templates.body.errors).toBeUndefined();
  });
});

describe("Booking.inspection and Booking.recommendations are N+1 free", () => {
  let counter: ReturnType<typeof countStatements> | undefined;
  afterEach(async () => {
    await counter?.restore();
    counter = undefined;
  });

  it("a list of bookings costs the same number of statements for 2 and for 6 bookings", async () => {
    const owner = await createUser("CUSTOMER");
    const png = await testImage("png");
    const bookings = [];
    for (let index = 0; index < 8; index++) {
      const template = await inspectionTemplate(fixture);
      const booking = await workshopBooking(owner, fixture, { mechanic });
      const started = await gql<{ startInspection: { items: Array<{ id: string }> } }>(mechanic, START, { b: booking.id, t: template.id });
      await call(photoRoute.POST, { token: mechanic.token, params: { id: booking.id, itemId: started.body.data!.startInspection.items[0]!.id }, formData: photoForm(png, "a.png") });
      await gql(mechanic, "mutation($b: ID!, $s: ID!) { recommendWork(bookingId: $b, serviceId: $s, severity: ATTENTION) { id } }", { b: booking.id, s: fixture.serviceIds[0] });
      bookings.push(booking);
    }
    // A literal limit: the query's cost counts the list's items by it.
    const query = (limit: number) => `query($c: String) { bookings(customerId: $c, limit: ${limit}) { id inspection { items { photos { url } } } recommendations { priceMinor } } }`;
    const measure = async (limit: number) => {
      counter = countStatements();
      const response = await gql<{ bookings: Array<{ inspection: { items: Array<{ photos: unknown[] }> } | null; recommendations: unknown[] }> }>(admin, query(limit), { c: owner.id });
      const statements = counter.count();
      await counter.restore();
      counter = undefined;
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.bookings).toHaveLength(limit);
      for (const row of response.body.data!.bookings) {
        expect(row.inspection?.items[0]?.photos).toHaveLength(1);
        expect(row.recommendations).toHaveLength(1);
      }
      return statements;
    };
    expect(await measure(6)).toBe(await measure(2));
    expect(await db.inspection.count({ where: { bookingId: { in: bookings.map((booking) => booking.id) } } })).toBe(8);
  });
});
