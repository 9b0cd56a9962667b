import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import * as reviewItem from "@/app/api/v1/reviews/[id]/route";
import * as reviewCollection from "@/app/api/v1/reviews/route";
import * as serviceReviews from "@/app/api/v1/services/[id]/reviews/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import * as serviceCollection from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import type { ServiceReviewView, ServiceView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { countStatements } from "../support/query-count";
import { eventsFor, garageCatalogue, withQuery, type GarageFixture } from "../support/garage-bookings";
import { ledgerSnapshot, workshopBooking } from "../support/garage-invoices";

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

const review = (user: TestUser, json: unknown) => call<ServiceReviewView>(reviewCollection.POST, { token: user.token, path: "/api/v1/reviews", json });
const patch = (user: TestUser, id: string, json: unknown) =>
  call<ServiceReviewView>(reviewItem.PATCH, { method: "PATCH", token: user.token, path: `/api/v1/reviews/${id}`, params: { id }, json });
const remove = (user: TestUser, id: string) => call(reviewItem.DELETE, { method: "DELETE", token: user.token, path: `/api/v1/reviews/${id}`, params: { id } });
const service = (user: TestUser, id: string) => call<ServiceView>(serviceItem.GET, { token: user.token, path: `/api/v1/services/${id}`, params: { id } });

/** A customer with a delivered booking of both catalogue services. */
async function deliveredFor(status: "DELIVERED" | "READY" = "DELIVERED") {
  const customer = await createUser("CUSTOMER", "Rita Reviewer");
  const booking = await workshopBooking(customer.id, catalogue, status);
  return { customer, booking, lines: booking.services };
}

describe("writing a review", () => {
  it("the booking's customer reviews a delivered booked service: the catalogue shows its average and count, the event is on catalogue_events", async () => {
    const { customer, booking, lines } = await deliveredFor();
    const line = lines[0]!;
    const created = await review(customer, { bookedServiceId: line.id, rating: 4, text: "  Quick and tidy.  " });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      bookedServiceId: line.id,
      bookingId: booking.id,
      serviceId: line.serviceId,
      serviceName: line.serviceName,
      customerId: customer.id,
      authorName: "Rita Reviewer",
      rating: 4,
      text: "Quick and tidy.",
    });
    expect(await eventsFor(created.body.id)).toEqual([
      { topic: "catalogue_events", type: "review.created", payload: created.body, actor: customer.id },
    ]);
    const viewed = await service(users.CUSTOMER, line.serviceId!);
    expect(viewed.body.rating).toEqual({ average: 4, count: 1 });

    const second = await deliveredFor();
    expect((await review(second.customer, { bookedServiceId: second.lines[0]!.id, rating: 5 })).status).toBe(201);
    expect((await service(users.MECHANIC, line.serviceId!)).body.rating).toEqual({ average: 4.5, count: 2 });
    const { categoryId } = await db.garageService.findUniqueOrThrow({ where: { id: catalogue.serviceIds[0] } });
    const list = await call<ServiceView[]>(serviceCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/services", { categoryId }) });
    expect(list.status).toBe(200);
    const byId = new Map(list.body.map((item) => [item.id, item.rating]));
    expect(byId.get(catalogue.serviceIds[0])).toEqual({ average: 4.5, count: 2 });
    expect(byId.get(catalogue.serviceIds[1])).toEqual({ average: null, count: 0 });

    const ofService = await call<ServiceReviewView[]>(serviceReviews.GET, {
      token: users.MECHANIC.token,
      path: `/api/v1/services/${line.serviceId}/reviews`,
      params: { id: line.serviceId! },
    });
    expect(ofService.status).toBe(200);
    expect(ofService.headers.get("X-Total-Count")).toBe("2");
    expect(ofService.body.map((item) => item.rating).sort()).toEqual([4, 5]);
    const mine = await call<ServiceReviewView[]>(reviewCollection.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/reviews", { customerId: customer.id }) });
    expect(mine.body.map((item) => item.id)).toEqual([created.body.id]);
    expect(mine.headers.get("X-Total-Count")).toBe("1");
    const one = await call<ServiceReviewView>(reviewItem.GET, { token: users.CUSTOMER.token, path: `/api/v1/reviews/${created.body.id}`, params: { id: created.body.id } });
    expect(one.body).toEqual(created.body);
    expect((await call(reviewCollection.GET, { token: users.EMPLOYEE.token, path: "/api/v1/reviews" })).status).toBe(403);
    expect((await call(serviceReviews.GET, { token: users.CUSTOMER.token, path: `/api/v1/services/${UNKNOWN_ID}/reviews`, params: { id: UNKNOWN_ID } })).status).toBe(404);
    expect((await call(serviceReviews.GET, { token: users.CUSTOMER.token, path: `/api/v1/services/${catalogue.inactiveServiceId}/reviews`, params: { id: catalogue.inactiveServiceId } })).status).toBe(404);
  });

  it("refuses before delivery (409), someone else's booking (403, admins too), a second review (409), malformed input (422): nothing changes", async () => {
    const ready = await deliveredFor("READY");
    const { customer, lines } = await deliveredFor();
    const line = lines[1]!;
    const before = await ledgerSnapshot();
    const early = await review(ready.customer, { bookedServiceId: ready.lines[0]!.id, rating: 5 });
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ detail: "A service can be reviewed once the car has been delivered." });
    for (const someoneElse of [users.CUSTOMER, users.ADMIN]) {
      const refused = await review(someoneElse, { bookedServiceId: line.id, rating: 1, text: "Not mine" });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ detail: "Only the booking's customer can review its services." });
    }
    expect((await review(users.MECHANIC, { bookedServiceId: line.id, rating: 1 })).status).toBe(403);
    expect((await review(users.EMPLOYEE, { bookedServiceId: line.id, rating: 1 })).status).toBe(403);
    expect((await review(customer, { bookedServiceId: UNKNOWN_ID, rating: 3 })).status).toBe(404);
    const malformed: Array<[unknown, string[]]> = [
      [{ bookedServiceId: line.id, rating: 0 }, ["rating"]],
      [{ bookedServiceId: line.id, rating: 6 }, ["rating"]],
      [{ bookedServiceId: line.id, rating: 2.5 }, ["rating"]],
      [{ bookedServiceId: line.id, rating: "5" }, ["rating"]],
      [{ bookedServiceId: line.id, rating: 5, text: "x".repeat(2001) }, ["text"]],
      [{ bookedServiceId: line.id, rating: 5, text: "bell\u0007" }, ["text"]],
      [{ bookedServiceId: "not-a-uuid", rating: 5 }, ["bookedServiceId"]],
      [{ rating: 5 }, ["bookedServiceId"]],
      [{ bookedServiceId: line.id, rating: 5, customerId: users.CUSTOMER.id }, [""]],
    ];
    for (const [json, fields] of malformed) {
      const refused = await review(customer, json);
      expect(refused.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(refused.body), JSON.stringify(json)).toEqual(fields);
    }
    expect(await ledgerSnapshot()).toEqual(before);

    expect((await review(customer, { bookedServiceId: line.id, rating: 5, text: "x".repeat(2000) })).status).toBe(201);
    const after = await ledgerSnapshot();
    const twice = await review(customer, { bookedServiceId: line.id, rating: 3 });
    expect(twice.status).toBe(409);
    expect(twice.body).toEqual({ detail: "This booked service already has your review: change it instead." });
    expect(await ledgerSnapshot()).toEqual(after);
  });

  it("two simultaneous reviews of one booked service: one is written, the other is a 409", async () => {
    const { customer, lines } = await deliveredFor();
    const responses = await Promise.all([1, 2, 3].map((rating) => review(customer, { bookedServiceId: lines[0]!.id, rating })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    expect(await db.serviceReview.count({ where: { bookedServiceId: lines[0]!.id } })).toBe(1);
  });
});

describe("changing and deleting a review", () => {
  it("the author changes rating and text; an admin moderates the text but not the rating; others get a 403", async () => {
    const { customer, lines } = await deliveredFor();
    const created = (await review(customer, { bookedServiceId: lines[0]!.id, rating: 2, text: "Slow" })).body;
    const before = await ledgerSnapshot();
    for (const stranger of [users.CUSTOMER, users.MECHANIC, users.EMPLOYEE]) {
      expect((await patch(stranger, created.id, { text: "Hijacked" })).status, stranger.role).toBe(403);
    }
    const moderatedRating = await patch(users.ADMIN, created.id, { rating: 5 });
    expect(moderatedRating.status).toBe(403);
    expect(moderatedRating.body).toEqual({ detail: "Staff moderate a review's text; its rating is the customer's." });
    for (const [json, fields] of [
      [{}, [""]],
      [{ rating: 7 }, ["rating"]],
      [{ text: "x".repeat(2001) }, ["text"]],
      [{ rating: 3, bookedServiceId: lines[1]!.id }, [""]],
    ] as Array<[unknown, string[]]>) {
      const refused = await patch(customer, created.id, json);
      expect(refused.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(fields);
    }
    expect((await patch(customer, UNKNOWN_ID, { rating: 3 })).status).toBe(404);
    expect((await patch(customer, "nope", { rating: 3 })).status).toBe(404);
    expect(await ledgerSnapshot()).toEqual(before);

    const changed = await patch(customer, created.id, { rating: 4, text: "Slow, but thorough" });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ rating: 4, text: "Slow, but thorough" });
    const moderated = await patch(users.ADMIN, created.id, { text: "[removed by the shop]", rating: 4 });
    expect(moderated.status).toBe(200);
    expect(moderated.body).toMatchObject({ rating: 4, text: "[removed by the shop]", authorName: "Rita Reviewer" });
    expect((await eventsFor(created.id)).map((event) => event.type)).toEqual(["review.created", "review.updated", "review.updated"]);
  });

  it("the author deletes their own, an admin any; strangers get a 403 and unknown ids a 404", async () => {
    const first = await deliveredFor();
    const own = (await review(first.customer, { bookedServiceId: first.lines[0]!.id, rating: 3 })).body;
    const other = (await review(first.customer, { bookedServiceId: first.lines[1]!.id, rating: 1 })).body;
    const before = await ledgerSnapshot();
    for (const stranger of [users.CUSTOMER, users.MECHANIC, users.EMPLOYEE]) expect((await remove(stranger, own.id)).status, stranger.role).toBe(403);
    expect((await remove(first.customer, UNKNOWN_ID)).status).toBe(404);
    expect(await ledgerSnapshot()).toEqual(before);
    expect((await remove(first.customer, own.id)).status).toBe(204);
    expect((await remove(users.ADMIN, other.id)).status).toBe(204);
    expect((await remove(users.ADMIN, other.id)).status).toBe(404);
    expect(await db.serviceReview.count({ where: { id: { in: [own.id, other.id] } } })).toBe(0);
    expect((await eventsFor(other.id)).map((event) => [event.type, event.actor])).toEqual([
      ["review.created", first.customer.id],
      ["review.deleted", users.ADMIN.id],
    ]);
    // The booked service can be reviewed again once its review is gone.
    expect((await review(first.customer, { bookedServiceId: first.lines[0]!.id, rating: 5 })).status).toBe(201);
  });
});

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

const REVIEW_FIELDS = "id bookedServiceId serviceId rating text authorName customerId";

describe("GraphQL: reviews over the same services", () => {
  it("reviewService, updateReview and deleteReview apply the same rules; refusals change nothing", async () => {
    const { customer, lines } = await deliveredFor();
    const ready = await deliveredFor("READY");
    const write = (user: TestUser, bookedServiceId: string, rating: number) =>
      gql<{ reviewService: ServiceReviewView | null }>(user, `mutation($b: ID!, $r: Int!) { reviewService(bookedServiceId: $b, rating: $r, text: "Via GraphQL") { ${REVIEW_FIELDS} } }`, { b: bookedServiceId, r: rating });
    const before = await ledgerSnapshot();
    for (const [user, id, rating, code] of [
      [users.CUSTOMER, lines[0]!.id, 5, "FORBIDDEN"],
      [users.ADMIN, lines[0]!.id, 5, "FORBIDDEN"],
      [users.MECHANIC, lines[0]!.id, 5, "FORBIDDEN"],
      [ready.customer, ready.lines[0]!.id, 5, "CONFLICT"],
      [customer, lines[0]!.id, 9, "BAD_USER_INPUT"],
    ] as Array<[TestUser, string, number, string]>) {
      const refused = await write(user, id, rating);
      expect(refused.body.data?.reviewService ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code, `${user.role} ${rating}`).toBe(code);
    }
    expect(await ledgerSnapshot()).toEqual(before);

    const written = await write(customer, lines[0]!.id, 3);
    expect(written.body.errors).toBeUndefined();
    const created = written.body.data!.reviewService!;
    expect(created).toMatchObject({ bookedServiceId: lines[0]!.id, rating: 3, text: "Via GraphQL", customerId: customer.id });
    expect((await write(customer, lines[0]!.id, 4)).body.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const change = (user: TestUser, variables: Record<string, unknown>) =>
      gql<{ updateReview: ServiceReviewView | null }>(user, `mutation($id: ID!, $r: Int, $t: String) { updateReview(id: $id, rating: $r, text: $t) { ${REVIEW_FIELDS} } }`, { id: created.id, ...variables });
    expect((await change(users.CUSTOMER, { t: "Hijacked" })).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await change(users.ADMIN, { r: 1 })).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await change(customer, { r: 5, t: "Better on reflection" })).body.data?.updateReview).toMatchObject({ rating: 5, text: "Better on reflection" });

    const service = await gql<{ service: { rating: { average: number | null; count: number }; reviews: Array<{ id: string; rating: number }> } | null }>(
      users.MECHANIC,
      `query($id: ID!) { service(id: $id) { rating { average count } reviews(first: 50) { id rating } } }`,
      { id: lines[0]!.serviceId },
    );
    expect(service.body.errors).toBeUndefined();
    expect(service.body.data?.service?.reviews.map((item) => item.id)).toContain(created.id);
    expect(service.body.data?.service?.rating.count).toBe(await db.serviceReview.count({ where: { serviceId: lines[0]!.serviceId } }));

    const deleteCall = (user: TestUser) => gql<{ deleteReview: boolean | null }>(user, `mutation($id: ID!) { deleteReview(id: $id) }`, { id: created.id });
    expect((await deleteCall(users.CUSTOMER)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await deleteCall(customer)).body.data?.deleteReview).toBe(true);
    expect(await db.serviceReview.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it("services with their rating and reviews cost the same number of SQL statements for 3 services as for 12", async () => {
    const fixture = async (count: number) => {
      const category = await db.serviceCategory.create({ data: { name: `Rated ${count} ${Date.now()}`, slug: `rated-${count}-${Date.now()}` } });
      const customer = await createUser("CUSTOMER");
      for (let index = 0; index < count; index++) {
        const rated = await db.garageService.create({
          data: { categoryId: category.id, name: `Rated ${count}.${index} ${category.slug}`, slug: `${category.slug}-${index}`, labourMinutes: 30, basePriceMinor: 1000, gstCode: catalogue.gstCode },
        });
        const booking = await workshopBooking(customer.id, catalogue, "DELIVERED", [{ serviceId: rated.id, name: rated.name, priceMinor: 1000 }]);
        await db.serviceReview.create({ data: { bookedServiceId: booking.services[0]!.id, serviceId: rated.id, customerId: customer.id, authorName: "R", rating: 1 + (index % 5) } });
      }
      return category.id;
    };
    const few = await fixture(3);
    const many = await fixture(12);
    const query = `query($c: ID) { services(categoryId: $c, limit: 12) { id rating { average count } reviews(first: 2) { rating authorName } } }`;
    const counter = countStatements();
    try {
      const measure = async (categoryId: string) => {
        const before = counter.count();
        const response = await gql<{ services: Array<{ reviews: unknown[] }> }>(users.CUSTOMER, query, { c: categoryId });
        expect(response.body.errors).toBeUndefined();
        return { rows: response.body.data!.services.length, reviews: response.body.data!.services.flatMap((item) => item.reviews).length, statements: counter.count() - before };
      };
      await measure(few);
      const small = await measure(few);
      const large = await measure(many);
      expect([small.rows, small.reviews, large.rows, large.reviews]).toEqual([3, 3, 12, 12]);
      expect(large.statements).toBe(small.statements);
    } finally {
      await counter.restore();
    }
  });
});
