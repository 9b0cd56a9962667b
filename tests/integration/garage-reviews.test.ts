import { beforeAll, describe, expect, it } from "vitest";
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
