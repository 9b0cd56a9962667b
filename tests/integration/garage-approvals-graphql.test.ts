import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { customerCar, garageCatalogue, type GarageFixture } from "../support/garage-bookings";
import { approvalSnapshot, recommend, workshopBooking } from "../support/garage-approvals";
import { countStatements } from "../support/query-count";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number; detail?: unknown } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

const DECIDE = `mutation($booking: ID!, $decisions: [RecommendationDecisionInput!], $all: ApprovalDecision, $channel: ApprovalChannel) {
  decideRecommendations(bookingId: $booking, decisions: $decisions, all: $all, channel: $channel) {
    records { decision channel amountMinor recordedById items { recommendationId version priceMinor taxMinor } }
    booking { id status subtotalMinor totalMinor }
    recommendations { id status bookedServiceId }
  }
}`;

let catalogue: GarageFixture;
let admin: TestUser;
let employee: TestUser;
let restore: (() => Promise<void>) | undefined;
beforeAll(async () => {
  catalogue = await garageCatalogue();
  [admin, employee] = await Promise.all([createUser("ADMIN"), createUser("EMPLOYEE")]);
});
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

/** A customer with `count` bookings of one car, each with one declined and one approved recommendation. */
async function customerWithDecidedBookings(count: number) {
  const customer = await createUser("CUSTOMER");
  const car = await customerCar(customer.id, catalogue.carModelId);
  for (let index = 0; index < count; index++) {
    const booking = await workshopBooking(customer.id, car.id);
    const oil = await recommend(admin, booking.id, { serviceId: catalogue.serviceIds[0], severity: "ATTENTION" });
    const brakes = await recommend(admin, booking.id, { serviceId: catalogue.serviceIds[1], severity: "CRITICAL" });
    const response = await gql(customer, DECIDE, {
      booking: booking.id,
      decisions: [
        { recommendationId: oil.id, decision: "APPROVED", version: 1 },
        { recommendationId: brakes.id, decision: "DECLINED", version: 1 },
      ],
    });
    expect(response.body.errors).toBeUndefined();
  }
  return { customer, car };
}

describe("approvals over GraphQL (the same services as REST)", () => {
  it("decideRecommendations, Booking.approvals, CustomerCar.deferredWork and reviseRecommendation; refusals change nothing", async () => {
    const customer = await createUser("CUSTOMER");
    const car = await customerCar(customer.id, catalogue.carModelId);
    const booking = await workshopBooking(customer.id, car.id);
    const oil = await recommend(admin, booking.id, { serviceId: catalogue.serviceIds[0], severity: "ATTENTION" });
    const brakes = await recommend(admin, booking.id, { serviceId: catalogue.serviceIds[1], severity: "CRITICAL" });

    const stranger = await createUser("CUSTOMER");
    const before = await approvalSnapshot();
    expect((await gql(stranger, DECIDE, { booking: booking.id, all: "APPROVED" })).body.errors?.[0]?.extensions?.status).toBe(404);
    expect((await gql(employee, DECIDE, { booking: booking.id, all: "APPROVED" })).body.errors?.[0]?.extensions?.status).toBe(403);
    expect((await gql(customer, DECIDE, { booking: booking.id, all: "APPROVED", channel: "PHONE" })).body.errors?.[0]?.extensions?.status).toBe(403);
    expect((await gql(customer, DECIDE, { booking: booking.id, decisions: [{ recommendationId: oil.id, decision: "APPROVED", version: 7 }] })).body.errors?.[0]?.extensions?.status).toBe(409);
    expect((await gql(customer, DECIDE, { booking: booking.id })).body.errors?.[0]?.extensions?.status).toBe(422);
    expect(await approvalSnapshot()).toEqual(before);

    const decided = await gql<{ decideRecommendations: { records: unknown[]; booking: { status: string; subtotalMinor: number } } }>(customer, DECIDE, {
      booking: booking.id,
      decisions: [
        { recommendationId: oil.id, decision: "APPROVED", version: 1 },
        { recommendationId: brakes.id, decision: "DECLINED", version: 1 },
      ],
    });
    expect(decided.body.errors).toBeUndefined();
    expect(decided.body.data?.decideRecommendations.booking).toMatchObject({ status: "IN_PROGRESS", subtotalMinor: 121_000 });
    expect(decided.body.data?.decideRecommendations.records).toHaveLength(2);

    const read = await gql<{ booking: { approvals: Array<{ decision: string; items: unknown[] }> }; customerCars: Array<{ id: string; deferredWork: Array<{ id: string }> }> }>(
      customer,
      "query($id: ID!) { booking(id: $id) { approvals { decision channel items { serviceName } } } customerCars { id deferredWork { id status } } }",
      { id: booking.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.booking.approvals.map((record) => record.decision)).toEqual(["APPROVED", "DECLINED"]);
    expect(read.body.data?.customerCars.find((row) => row.id === car.id)?.deferredWork.map((item) => item.id)).toEqual([brakes.id]);

    const revise = `mutation($id: ID!) { reviseRecommendation(id: $id, priceMinor: 110000, adjustmentReason: "Loyalty") { status version priceMinor } }`;
    const beforeRevise = await approvalSnapshot();
    expect((await gql(customer, revise, { id: oil.id })).body.errors?.[0]?.extensions?.status).toBe(403);
    expect(await approvalSnapshot()).toEqual(beforeRevise);
    const revised = await gql<{ reviseRecommendation: unknown }>(admin, revise, { id: oil.id });
    expect(revised.body.errors).toBeUndefined();
    expect(revised.body.data?.reviseRecommendation).toEqual({ status: "PENDING", version: 2, priceMinor: 110_000 });
  });

  it("Booking.approvals and CustomerCar.deferredWork are N+1 free: 3 and 30 rows cost the same statements", async () => {
    const few = await customerWithDecidedBookings(3);
    const many = await customerWithDecidedBookings(30);
    const query = "{ myBookings(limit: 30) { id approvals { id decision } } customerCars { id deferredWork { id } } }";
    const counter = countStatements();
    restore = counter.restore;
    const measure = async (user: TestUser) => {
      const before = counter.count();
      const response = await gql<{ myBookings: Array<{ approvals: unknown[] }>; customerCars: Array<{ deferredWork: unknown[] }> }>(user, query);
      expect(response.body.errors).toBeUndefined();
      return { data: response.body.data!, statements: counter.count() - before };
    };
    await measure(few.customer); // connection setup happens once
    const small = await measure(few.customer);
    const large = await measure(many.customer);
    expect(small.data.myBookings).toHaveLength(3);
    expect(large.data.myBookings).toHaveLength(30);
    expect(large.data.myBookings.every((row) => row.approvals.length === 2)).toBe(true);
    expect(large.data.customerCars[0]!.deferredWork).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
  });
});
