import { beforeAll, describe, expect, it } from "vitest";
import * as inspectionRoute from "@/app/api/v1/bookings/[id]/inspection/route";
import * as submitRoute from "@/app/api/v1/bookings/[id]/inspection/submit/route";
import * as bookingRecommendations from "@/app/api/v1/bookings/[id]/recommendations/route";
import * as templateItem from "@/app/api/v1/inspection-templates/[id]/route";
import * as templates from "@/app/api/v1/inspection-templates/route";
import * as recommendationItem from "@/app/api/v1/recommendations/[id]/route";
import { db } from "@/lib/db";
import { DEMO_INSPECTION_TEMPLATE, seedGarageDemo } from "@/lib/modules/garage/demo";
import type { InspectionSubmittedView, InspectionTemplateView, InspectionView, RecommendationView } from "@/lib/modules/garage/views";
import { eventsFor, type GarageFixture } from "../support/garage-bookings";
import { garageCatalogue, inspectionSnapshot, inspectionTemplate, workshopBooking } from "../support/garage-inspections";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

interface FieldErrors {
  detail: Array<{ loc: Array<string | number>; msg: string }>;
}

let admin: TestUser;
let mechanic: TestUser;
let otherMechanic: TestUser;
let customer: TestUser;
let otherCustomer: TestUser;
let employee: TestUser;
let fixture: GarageFixture;

beforeAll(async () => {
  [admin, mechanic, otherMechanic, customer, otherCustomer, employee] = await Promise.all([
    createUser("ADMIN"),
    createUser("MECHANIC"),
    createUser("MECHANIC", "Other mechanic"),
    createUser("CUSTOMER"),
    createUser("CUSTOMER", "Other customer"),
    createUser("EMPLOYEE"),
  ]);
  fixture = await garageCatalogue();
});

/** The request changes nothing in the database. */
async function unchanged<T>(request: () => Promise<T>): Promise<T> {
  const before = await inspectionSnapshot();
  const result = await request();
  expect(await inspectionSnapshot()).toEqual(before);
  return result;
}

const templateBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Multi-point ${Math.random().toString(36).slice(2, 8)}`,
  items: [
    { label: "Tyre tread", measurementUnit: "mm", serviceId: fixture.serviceIds[0] },
    { label: "Wipers" },
  ],
  ...overrides,
});

describe("inspection templates", () => {
  it("admins create, change and delete them; names are unique without case (409)", async () => {
    const created = await call<InspectionTemplateView>(templates.POST, { token: admin.token, json: templateBody({ name: "Spring Check ZX" }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.items.map((item) => [item.position, item.label, item.measurementUnit, item.serviceId])).toEqual([
      [1, "Tyre tread", "mm", fixture.serviceIds[0]],
      [2, "Wipers", null, null],
    ]);
    const duplicate = await unchanged(() => call(templates.POST, { token: admin.token, json: templateBody({ name: "spring check zx" }) }));
    expect(duplicate.status).toBe(409);

    const changed = await call<InspectionTemplateView>(templateItem.PATCH, {
      method: "PATCH",
      token: admin.token,
      params: { id: created.body.id },
      json: { items: [{ label: "Battery" }, { label: "Brake pads", measurementUnit: "%", serviceId: fixture.serviceIds[1] }, { label: "Lights" }] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.items.map((item) => item.label)).toEqual(["Battery", "Brake pads", "Lights"]);
    expect((await eventsFor(created.body.id)).map((event) => event.type)).toEqual(["inspection_template.created", "inspection_template.updated"]);

    const unknownParameter = await call<FieldErrors>(templates.GET, { token: admin.token, path: "/api/v1/inspection-templates?colour=red" });
    expect(unknownParameter.status).toBe(422);
    expect(unknownParameter.body.detail.map((error) => error.loc)).toEqual([["query", "colour"]]);
    const page = await call<InspectionTemplateView[]>(templates.GET, { token: admin.token, path: "/api/v1/inspection-templates?limit=1&offset=0&active=true" });
    expect(page.body).toHaveLength(1);
    expect(Number(page.headers.get("x-total-count"))).toBeGreaterThanOrEqual(1);
    const read = await call<InspectionTemplateView[]>(templates.GET, { token: mechanic.token, path: "/api/v1/inspection-templates?limit=100" });
    expect(read.status).toBe(200);
    expect(read.body.some((template) => template.id === created.body.id)).toBe(true);
    expect((await call(templateItem.GET, { token: customer.token, params: { id: created.body.id } })).status).toBe(200);

    const deleted = await call(templateItem.DELETE, { method: "DELETE", token: admin.token, params: { id: created.body.id } });
    expect(deleted.status).toBe(204);
    expect((await call(templateItem.GET, { token: admin.token, params: { id: created.body.id } })).status).toBe(404);
  });

  it("mechanics (read and write of Booking Analysis only), customers and employees cannot edit templates (403), nothing changes", async () => {
    const template = await inspectionTemplate(fixture);
    for (const user of [mechanic, customer, employee]) {
      expect((await unchanged(() => call(templates.POST, { token: user.token, json: templateBody() }))).status).toBe(403);
      expect((await unchanged(() => call(templateItem.PATCH, { method: "PATCH", token: user.token, params: { id: template.id }, json: { name: "Renamed" } }))).status).toBe(403);
      expect((await unchanged(() => call(templateItem.DELETE, { method: "DELETE", token: user.token, params: { id: template.id } }))).status).toBe(403);
    }
    expect((await call(templates.GET, { token: employee.token })).status).toBe(403);
  });

  it("refuses malformed templates with 422 naming the field, and unknown ids with 404", async () => {
    const cases: Array<[Record<string, unknown>, Array<string | number>]> = [
      [templateBody({ items: [] }), ["body", "items"]],
      [templateBody({ name: "   " }), ["body", "name"]],
      [templateBody({ items: [{ label: "" }] }), ["body", "items", 0, "label"]],
      [templateBody({ items: [{ label: "Tyres", serviceId: "nope" }] }), ["body", "items", 0, "serviceId"]],
      [templateBody({ items: [{ label: "Tyres", serviceId: "00000000-0000-4000-8000-000000000000" }] }), ["body", "items", 0, "serviceId"]],
      [templateBody({ colour: "red" }), ["body"]],
    ];
    for (const [json, loc] of cases) {
      const response = await unchanged(() => call<FieldErrors>(templates.POST, { token: admin.token, json }));
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(response.body.detail[0]!.loc).toEqual(loc);
    }
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      expect((await call(templateItem.GET, { token: admin.token, params: { id } })).status).toBe(404);
      expect((await call(templateItem.PATCH, { method: "PATCH", token: admin.token, params: { id }, json: { name: "X" } })).status).toBe(404);
    }
  });

  it("deleting a template used by an inspection keeps the inspection with the template's name", async () => {
    const template = await inspectionTemplate(fixture);
    const booking = await workshopBooking(customer, fixture, { mechanic });
    expect((await call(inspectionRoute.POST, { token: mechanic.token, params: { id: booking.id }, json: { templateId: template.id } })).status).toBe(201);
    expect((await call(templateItem.DELETE, { method: "DELETE", token: admin.token, params: { id: template.id } })).status).toBe(204);
    const inspection = await call<InspectionView>(inspectionRoute.GET, { token: admin.token, params: { id: booking.id } });
    expect(inspection.body).toMatchObject({ templateId: null, templateName: template.name });
    expect(inspection.body.items).toHaveLength(3);
  });
});

describe("starting an inspection", () => {
  it("the assigned mechanic starts it on a checked-in booking: items copied, booking INSPECTING, events", async () => {
    const template = await inspectionTemplate(fixture);
    const booking = await workshopBooking(customer, fixture, { mechanic });
    const started = await call<InspectionView>(inspectionRoute.POST, { token: mechanic.token, params: { id: booking.id }, json: { templateId: template.id } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ bookingId: booking.id, templateName: template.name, mechanicId: mechanic.id, submittedAt: null });
    expect(started.body.items.map((item) => [item.label, item.measurementUnit, item.rating])).toEqual([
      ["Tyre tread", "mm", null],
      ["Brake pads", "%", null],
      ["Lights", null, null],
    ]);
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("INSPECTING");
    const events = await eventsFor(booking.id);
    expect(events.map((event) => event.type)).toEqual(["booking.status_changed", "inspection.started"]);
    expect(events[1]!.payload).toMatchObject({ customerId: customer.id, bookingId: booking.id });

    const again = await unchanged(() => call(inspectionRoute.POST, { token: mechanic.token, params: { id: booking.id }, json: { templateId: template.id } }));
    expect(again.status).toBe(409);
  });

  it("refuses the wrong role (403), an unassigned mechanic (403), another customer's booking (404), the wrong status (409), bad input (422)", async () => {
    const template = await inspectionTemplate(fixture);
    const booking = await workshopBooking(customer, fixture, { mechanic });
    const start = (user: TestUser, json: unknown = { templateId: template.id }, id = booking.id) => unchanged(() => call(inspectionRoute.POST, { token: user.token, params: { id }, json }));
    expect((await start(customer)).status).toBe(403);
    expect((await start(otherCustomer)).status).toBe(403);
    expect((await start(employee)).status).toBe(403);
    expect((await start(otherMechanic)).status).toBe(403);
    expect((await start(mechanic, {})).status).toBe(422);
    expect((await start(mechanic, { templateId: "nope" })).status).toBe(422);
    expect((await start(mechanic, { templateId: "00000000-0000-4000-8000-000000000000" })).status).toBe(422);
    expect((await start(mechanic, { templateId: template.id }, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const booked = await workshopBooking(customer, fixture, { status: "BOOKED", mechanic });
    expect((await start(mechanic, { templateId: template.id }, booked.id)).status).toBe(409);
    await db.inspectionTemplate.update({ where: { id: template.id }, data: { active: false } });
    expect((await start(admin)).status).toBe(422);
  });
});

async function startedInspection(user: TestUser = mechanic) {
  const template = await inspectionTemplate(fixture);
  const booking = await workshopBooking(customer, fixture, { mechanic });
  const started = await call<InspectionView>(inspectionRoute.POST, { token: user.token, params: { id: booking.id }, json: { templateId: template.id } });
  expect(started.status).toBe(201);
  return { booking, inspection: started.body };
}

describe("filling and submitting an inspection", () => {
  it("rates items with notes and measurements; refuses bad input (422), the wrong people (403/404), and changes nothing", async () => {
    const { booking, inspection } = await startedInspection();
    const [tread, pads, lights] = inspection.items;
    const patch = (user: TestUser, json: unknown) => call<InspectionView & FieldErrors>(inspectionRoute.PATCH, { method: "PATCH", token: user.token, params: { id: booking.id }, json });
    const filled = await patch(mechanic, {
      summary: "Front tyres worn.",
      items: [
        { id: tread!.id, rating: "CRITICAL", note: "1.2 mm left", measurement: 1.2 },
        { id: pads!.id, rating: "OK", measurement: 60 },
      ],
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.summary).toBe("Front tyres worn.");
    expect(filled.body.items[0]).toMatchObject({ rating: "CRITICAL", note: "1.2 mm left", measurement: 1.2, measurementUnit: "mm" });
    expect((await eventsFor(booking.id)).at(-1)).toMatchObject({ type: "inspection.updated", payload: { customerId: customer.id } });

    const bad: Array<[unknown, Array<string | number>]> = [
      [{ items: [{ id: tread!.id, measurement: -1 }] }, ["body", "items", 0, "measurement"]],
      [{ items: [{ id: tread!.id, measurement: 1.234 }] }, ["body", "items", 0, "measurement"]],
      [{ items: [{ id: lights!.id, measurement: 3 }] }, ["body", "items", 0, "measurement"]],
      [{ items: [{ id: tread!.id, rating: "BROKEN" }] }, ["body", "items", 0, "rating"]],
      [{ items: [{ id: "00000000-0000-4000-8000-000000000000", rating: "OK" }] }, ["body", "items", 0, "id"]],
      [{ items: [{ id: tread!.id, serviceId: fixture.inactiveServiceId }] }, ["body", "items", 0, "serviceId"]],
      [{}, ["body"]],
    ];
    for (const [json, loc] of bad) {
      const response = await unchanged(() => patch(mechanic, json));
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(response.body.detail[0]!.loc).toEqual(loc);
    }
    const ok = { items: [{ id: lights!.id, rating: "OK" }] };
    expect((await unchanged(() => patch(otherMechanic, ok))).status).toBe(403);
    expect((await unchanged(() => patch(customer, ok))).status).toBe(403);
    expect((await unchanged(() => patch(employee, ok))).status).toBe(403);
  });

  it("submitting needs every item rated (422 naming them), then recommends the flagged items' services and awaits approval", async () => {
    const { booking, inspection } = await startedInspection();
    const [tread, pads, lights] = inspection.items;
    const submit = (user: TestUser) => call<InspectionSubmittedView & FieldErrors>(submitRoute.POST, { token: user.token, params: { id: booking.id } });
    const unrated = await unchanged(() => submit(mechanic));
    expect(unrated.status).toBe(422);
    expect(unrated.body.detail.map((error) => error.msg)).toEqual(['"Tyre tread" is not rated yet', '"Brake pads" is not rated yet', '"Lights" is not rated yet']);

    await call(inspectionRoute.PATCH, {
      method: "PATCH",
      token: mechanic.token,
      params: { id: booking.id },
      json: {
        items: [
          { id: tread!.id, rating: "CRITICAL", note: "Below the legal limit", measurement: 1.4 },
          { id: pads!.id, rating: "ATTENTION", note: "About 25% left" },
          { id: lights!.id, rating: "ATTENTION", note: "Bulb dim (no service)" },
        ],
      },
    });
    expect((await unchanged(() => submit(otherMechanic))).status).toBe(403);
    expect((await unchanged(() => submit(customer))).status).toBe(403);
    expect((await unchanged(() => call(submitRoute.POST, { token: otherCustomer.token, params: { id: booking.id } }))).status).toBe(403);

    const submitted = await submit(mechanic);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.booking.status).toBe("AWAITING_APPROVAL");
    expect(submitted.body.inspection.submittedAt).not.toBeNull();
    expect(submitted.body.recommendations.map((recommendation) => [recommendation.serviceId, recommendation.severity, recommendation.reason, recommendation.inspectionItemId])).toEqual([
      [fixture.serviceIds[0], "CRITICAL", "Below the legal limit", tread!.id],
      [fixture.serviceIds[1], "ATTENTION", "About 25% left", pads!.id],
    ]);
    const types = (await eventsFor(booking.id)).map((event) => event.type);
    expect(types.slice(-4)).toEqual(["recommendation.created", "recommendation.created", "booking.status_changed", "inspection.submitted"]);
    const read = await call<InspectionView>(inspectionRoute.GET, { token: customer.token, params: { id: booking.id } });
    expect(read.body.items[0]!.recommendationId).toBe(submitted.body.recommendations[0]!.id);

    // Once submitted, the inspection no longer changes.
    expect((await unchanged(() => submit(mechanic))).status).toBe(409);
    expect((await unchanged(() => call(inspectionRoute.PATCH, { method: "PATCH", token: mechanic.token, params: { id: booking.id }, json: { summary: "late" } }))).status).toBe(409);
  });

  it("a draft no longer changes once the booking is cancelled (409)", async () => {
    const { booking, inspection } = await startedInspection();
    await db.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const patch = () => call(inspectionRoute.PATCH, { method: "PATCH", token: mechanic.token, params: { id: booking.id }, json: { items: [{ id: inspection.items[0]!.id, rating: "OK" }] } });
    expect((await unchanged(patch)).status).toBe(409);
    expect((await unchanged(() => call(submitRoute.POST, { token: admin.token, params: { id: booking.id } }))).status).toBe(409);
  });

  it("an inspection that recommends nothing sends the booking straight to IN_PROGRESS", async () => {
    const { booking, inspection } = await startedInspection(admin);
    await call(inspectionRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: booking.id }, json: { items: inspection.items.map((item) => ({ id: item.id, rating: "OK" })) } });
    const submitted = await call<InspectionSubmittedView>(submitRoute.POST, { token: admin.token, params: { id: booking.id } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.recommendations).toEqual([]);
    expect(submitted.body.booking.status).toBe("IN_PROGRESS");
  });

  it("the booking's customer and staff read the inspection; another customer 404, employees 403, none yet 404", async () => {
    const { booking } = await startedInspection();
    for (const user of [customer, mechanic, otherMechanic, admin]) expect((await call(inspectionRoute.GET, { token: user.token, params: { id: booking.id } })).status).toBe(200);
    expect((await call(inspectionRoute.GET, { token: otherCustomer.token, params: { id: booking.id } })).status).toBe(404);
    expect((await call(inspectionRoute.GET, { token: employee.token, params: { id: booking.id } })).status).toBe(403);
    const fresh = await workshopBooking(customer, fixture);
    expect((await call(inspectionRoute.GET, { token: customer.token, params: { id: fresh.id } })).status).toBe(404);
    expect((await call(inspectionRoute.GET, { token: admin.token, params: { id: "nope" } })).status).toBe(404);
  });
});

describe("recommendations by staff", () => {
  async function pendingRecommendation() {
    const booking = await workshopBooking(customer, fixture, { status: "INSPECTING", mechanic });
    const added = await call<RecommendationView>(bookingRecommendations.POST, {
      token: mechanic.token,
      params: { id: booking.id },
      json: { serviceId: fixture.serviceIds[0], severity: "ATTENTION", reason: "Worn" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return { booking, recommendation: added.body };
  }

  it("adjusting a pending recommendation's price needs a reason, bumps the version and records the change", async () => {
    const { booking, recommendation } = await pendingRecommendation();
    const patch = (user: TestUser, json: unknown, id = recommendation.id) => call<RecommendationView & FieldErrors>(recommendationItem.PATCH, { method: "PATCH", token: user.token, params: { id }, json });
    const noReason = await unchanged(() => patch(mechanic, { priceMinor: recommendation.chartPriceMinor + 5000 }));
    expect(noReason.status).toBe(422);
    expect(noReason.body.detail[0]!.loc).toEqual(["body", "adjustmentReason"]);
    expect((await unchanged(() => patch(mechanic, { priceMinor: -1 }))).status).toBe(422);
    expect((await unchanged(() => patch(mechanic, {}))).status).toBe(422);
    expect((await unchanged(() => patch(customer, { reason: "mine" }))).status).toBe(403);
    expect((await unchanged(() => patch(otherCustomer, { reason: "theirs" }))).status).toBe(404);
    expect((await unchanged(() => patch(otherMechanic, { reason: "not mine" }))).status).toBe(403);
    expect((await unchanged(() => patch(employee, { reason: "no" }))).status).toBe(403);
    expect((await patch(admin, { reason: "x" }, "00000000-0000-4000-8000-000000000000")).status).toBe(404);

    const adjusted = await patch(mechanic, { priceMinor: recommendation.chartPriceMinor + 5000, adjustmentReason: "Needs the premium part", severity: "CRITICAL" });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body).toMatchObject({ priceMinor: recommendation.chartPriceMinor + 5000, adjustmentReason: "Needs the premium part", severity: "CRITICAL", version: 2 });
    expect(adjusted.body.taxMinor).toBeGreaterThan(recommendation.taxMinor);
    expect((await eventsFor(booking.id)).at(-1)).toMatchObject({ type: "recommendation.updated", payload: { customerId: customer.id, version: 2 } });
    const back = await patch(admin, { priceMinor: recommendation.chartPriceMinor });
    expect(back.body).toMatchObject({ priceMinor: recommendation.chartPriceMinor, adjustmentReason: null, version: 3 });

    await db.recommendation.update({ where: { id: recommendation.id }, data: { status: "DECLINED", decidedAt: new Date() } });
    expect((await unchanged(() => patch(mechanic, { reason: "too late" }))).status).toBe(409);
  });

  it("staff add recommendations while the car is in the workshop; an IN_PROGRESS booking goes back to AWAITING_APPROVAL", async () => {
    const booking = await workshopBooking(customer, fixture, { status: "IN_PROGRESS", mechanic });
    const body = { serviceId: fixture.serviceIds[1], severity: "CRITICAL", reason: "Found while working" };
    const post = (user: TestUser, json: unknown = body, id = booking.id) => call<RecommendationView & FieldErrors>(bookingRecommendations.POST, { token: user.token, params: { id }, json });
    expect((await unchanged(() => post(customer))).status).toBe(403);
    expect((await unchanged(() => post(otherMechanic))).status).toBe(403);
    expect((await unchanged(() => post(mechanic, { ...body, severity: "OK" }))).status).toBe(422);
    expect((await unchanged(() => post(mechanic, { ...body, priceMinor: 1 }))).status).toBe(422);
    expect((await unchanged(() => post(mechanic, { ...body, serviceId: fixture.inactiveServiceId }))).status).toBe(422);
    const booked = await workshopBooking(customer, fixture, { status: "BOOKED", mechanic });
    expect((await unchanged(() => post(mechanic, body, booked.id))).status).toBe(409);

    const added = await post(mechanic);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ status: "PENDING", severity: "CRITICAL", priceMinor: added.body.chartPriceMinor });
    expect((await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("AWAITING_APPROVAL");

    const list = await call<RecommendationView[]>(bookingRecommendations.GET, { token: customer.token, params: { id: booking.id } });
    expect(list.status).toBe(200);
    expect(list.body.map((recommendation) => recommendation.id)).toEqual([added.body.id]);
    expect((await call(bookingRecommendations.GET, { token: otherCustomer.token, params: { id: booking.id } })).status).toBe(404);
    expect((await call(bookingRecommendations.GET, { token: employee.token, params: { id: booking.id } })).status).toBe(403);
  });
});

describe("demo data", () => {
  it("seeds the standard multi-point check once, its flagged items recommending the demo services", async () => {
    await seedGarageDemo(db);
    const second = await seedGarageDemo(db);
    expect(second.garageInspectionTemplates ?? 0).toBe(0);
    const templates = await db.inspectionTemplate.findMany({ where: { name: DEMO_INSPECTION_TEMPLATE }, include: { items: { include: { service: true }, orderBy: { position: "asc" } } } });
    expect(templates).toHaveLength(1);
    const items = templates[0]!.items;
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.find((item) => item.label === "Front brake pads")).toMatchObject({ measurementUnit: "%", service: { slug: "front-brake-pads" } });
    expect(items.filter((item) => item.measurementUnit === "mm")).toHaveLength(4);
  });
});
