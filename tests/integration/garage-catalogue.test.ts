import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as areaCollection from "@/app/api/v1/areas/route";
import * as areaItem from "@/app/api/v1/areas/[id]/route";
import * as carModelCollection from "@/app/api/v1/car-models/route";
import * as carModelItem from "@/app/api/v1/car-models/[id]/route";
import * as gstCollection from "@/app/api/v1/gst/route";
import * as gstItem from "@/app/api/v1/gst/[code]/route";
import * as priceChartCollection from "@/app/api/v1/price-chart/route";
import * as priceChartItem from "@/app/api/v1/price-chart/[id]/route";
import * as categoryCollection from "@/app/api/v1/service-categories/route";
import * as categoryItem from "@/app/api/v1/service-categories/[id]/route";
import * as serviceCollection from "@/app/api/v1/services/route";
import * as serviceItem from "@/app/api/v1/services/[id]/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import type { AreaView, CarModelView, GstRateView, ServiceCategoryView, ServiceView } from "@/lib/modules/garage/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import {
  carModelInput,
  categoryInput,
  eventsFor,
  garageSnapshot,
  newAddress,
  newCarModel,
  newCategory,
  newCustomerCar,
  newService,
  serviceInput,
  uniqueSuffix,
  withQuery,
} from "../support/garage-catalogue";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const READERS: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER"];
const NOT_ADMINS: RoleName[] = ["MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
});

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));
const admin = () => users.ADMIN.token;

describe("the matrix: admin writes, mechanics and customers read, employees nothing", () => {
  interface Resource {
    name: string;
    collection: { GET: unknown; POST: unknown };
    item: { GET: unknown; PATCH: unknown; DELETE: unknown };
    path: string;
    make: () => Promise<{ id: string }>;
    input: () => Promise<Record<string, unknown>>;
    change: Record<string, unknown>;
  }
  const resources = (): Resource[] => [
    {
      name: "service categories",
      collection: categoryCollection,
      item: categoryItem,
      path: "/api/v1/service-categories",
      make: () => newCategory(admin()),
      input: async () => categoryInput(),
      change: { description: "changed" },
    },
    {
      name: "services",
      collection: serviceCollection,
      item: serviceItem,
      path: "/api/v1/services",
      make: () => newService(admin()),
      input: async () => serviceInput((await newCategory(admin())).id),
      change: { basePriceMinor: 1 },
    },
    {
      name: "car models",
      collection: carModelCollection,
      item: carModelItem,
      path: "/api/v1/car-models",
      make: () => newCarModel(admin()),
      input: async () => carModelInput(),
      change: { fuel: "DIESEL" },
    },
    {
      name: "price chart",
      collection: priceChartCollection,
      item: priceChartItem,
      path: "/api/v1/price-chart",
      make: async () => {
        const service = await newService(admin());
        const response = await call<{ id: string }>(priceChartCollection.POST, {
          token: admin(),
          json: { serviceId: service.id, segment: "SUV", priceMinor: 100, validFrom: "2026-01-01" },
        });
        return response.body;
      },
      input: async () => ({ serviceId: (await newService(admin())).id, segment: "SEDAN", priceMinor: 5, validFrom: "2026-01-01" }),
      change: { priceMinor: 7 },
    },
    {
      name: "areas",
      collection: areaCollection,
      item: areaItem,
      path: "/api/v1/areas",
      make: async () => (await call<AreaView>(areaCollection.POST, { token: admin(), json: { name: `Area ${uniqueSuffix()}`, city: "Bengaluru" } })).body,
      input: async () => ({ name: `Area ${uniqueSuffix()}`, city: "Bengaluru" }),
      change: { active: false },
    },
  ];

  it("mechanics and customers read every catalogue resource; employees are refused (403)", async () => {
    for (const resource of resources()) {
      const row = await resource.make();
      for (const role of READERS) {
        const list = await call<Array<{ id: string }>>(resource.collection.GET, { token: users[role].token, path: withQuery(resource.path, { limit: "200" }) });
        expect(list.status, `${resource.name} ${role}`).toBe(200);
        expect(Number(list.headers.get("X-Total-Count")), resource.name).toBeGreaterThan(0);
        const item = await call<{ id: string }>(resource.item.GET, { token: users[role].token, params: { id: row.id } });
        expect(item.status, `${resource.name} ${role}`).toBe(200);
        expect(item.body.id).toBe(row.id);
      }
      const list = await call<Detail>(resource.collection.GET, { token: users.EMPLOYEE.token });
      expect(list.status, resource.name).toBe(403);
      expect(list.body).toEqual({ detail: "Insufficient permissions." });
      expect((await call(resource.item.GET, { token: users.EMPLOYEE.token, params: { id: row.id } })).status, resource.name).toBe(403);
    }
  });

  it("only admins create, change and delete; everyone else is refused (403) and nothing changes", async () => {
    for (const resource of resources()) {
      const row = await resource.make();
      const input = await resource.input();
      for (const role of NOT_ADMINS) {
        const before = await garageSnapshot();
        const token = users[role].token;
        const create = await call<Detail>(resource.collection.POST, { token, json: input });
        expect(create.status, `${resource.name} POST ${role}`).toBe(403);
        expect((await call(resource.item.PATCH, { method: "PATCH", token, params: { id: row.id }, json: resource.change })).status, `${resource.name} PATCH ${role}`).toBe(403);
        expect((await call(resource.item.DELETE, { method: "DELETE", token, params: { id: row.id } })).status, `${resource.name} DELETE ${role}`).toBe(403);
        expect(await garageSnapshot(), `${resource.name} ${role}`).toEqual(before);
      }
      expect((await call(resource.collection.POST, { token: admin(), json: input })).status, resource.name).toBe(201);
      expect((await call(resource.item.PATCH, { method: "PATCH", token: admin(), params: { id: row.id }, json: resource.change })).status, resource.name).toBe(200);
      expect((await call(resource.item.DELETE, { method: "DELETE", token: admin(), params: { id: row.id } })).status, resource.name).toBe(204);
      expect((await call(resource.item.GET, { token: admin(), params: { id: row.id } })).status, resource.name).toBe(404);
    }
  });

  it("a revoked token (403), a garbage token or none (401) change nothing", async () => {
    const revoked = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revoked.token });
    for (const resource of resources()) {
      const row = await resource.make();
      const requests: Array<[unknown, CallOptions]> = [
        [resource.collection.GET, {}],
        [resource.collection.POST, { json: await resource.input() }],
        [resource.item.PATCH, { method: "PATCH", params: { id: row.id }, json: resource.change }],
        [resource.item.DELETE, { method: "DELETE", params: { id: row.id } }],
      ];
      for (const [handler, request] of requests) {
        const before = await garageSnapshot();
        const withRevoked = await call<Detail>(handler, { ...request, token: revoked.token });
        expect(withRevoked.status, resource.name).toBe(403);
        expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
        expect((await call(handler, { ...request, token: "garbage" })).status, resource.name).toBe(401);
        expect((await call(handler, request)).status, resource.name).toBe(401);
        expect(await garageSnapshot(), resource.name).toEqual(before);
      }
    }
  });

  it("unknown or malformed ids are 404 on read, change and delete", async () => {
    for (const resource of resources()) {
      for (const id of [UNKNOWN_ID, "not-a-uuid", "1", "' OR 1=1 --"]) {
        const before = await garageSnapshot();
        expect((await call(resource.item.GET, { token: admin(), params: { id } })).status, `${resource.name} ${id}`).toBe(404);
        expect((await call(resource.item.PATCH, { method: "PATCH", token: admin(), params: { id }, json: resource.change })).status, `${resource.name} ${id}`).toBe(404);
        expect((await call(resource.item.DELETE, { method: "DELETE", token: admin(), params: { id } })).status, `${resource.name} ${id}`).toBe(404);
        expect(await garageSnapshot()).toEqual(before);
      }
      const unknownParameter = await call(resource.collection.GET, { token: admin(), path: withQuery(resource.path, { colour: "red" }) });
      expect(unknownParameter.status, resource.name).toBe(422);
      expect(fieldsOf(unknownParameter.body)).toEqual(["colour"]);
      expect((await call(resource.collection.GET, { token: admin(), path: withQuery(resource.path, { limit: "0" }) })).status).toBe(422);
      expect((await call(resource.collection.POST, { token: admin(), rawBody: "{nope" })).status, resource.name).toBe(422);
      expect((await call(resource.collection.POST, { token: admin(), json: [] })).status, resource.name).toBe(422);
      expect((await call(resource.item.PATCH, { method: "PATCH", token: admin(), params: { id: (await resource.make()).id }, json: {} })).status, resource.name).toBe(422);
    }
  });
});

describe("service categories", () => {
  it("derives the slug from the name, writes category.created in the same transaction", async () => {
    const name = `Brakes & Discs ${uniqueSuffix()}`;
    const response = await call<ServiceCategoryView>(categoryCollection.POST, { token: admin(), json: { name, position: 3 } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name, slug: `brakes-and-discs-${name.slice(-8)}`, description: "", position: 3 });
    expect(await eventsFor(response.body.id)).toEqual([{ topic: "catalogue_events", type: "category.created", payload: response.body, actor: users.ADMIN.id }]);
  });

  it("refuses a name taken without case and a taken slug (409), and invalid fields (422), changing nothing", async () => {
    const category = await newCategory(admin());
    const before = await garageSnapshot();
    const sameName = await call<Detail>(categoryCollection.POST, { token: admin(), json: { name: `  ${category.name.toUpperCase()} `, slug: `other-${uniqueSuffix()}` } });
    expect(sameName.status).toBe(409);
    expect(sameName.body).toEqual({ detail: "A service category with this name already exists." });
    const sameSlug = await call<Detail>(categoryCollection.POST, { token: admin(), json: { name: `Other ${uniqueSuffix()}`, slug: category.slug } });
    expect(sameSlug.status).toBe(409);
    expect(sameSlug.body).toEqual({ detail: "A service category with this slug already exists." });
    const invalid = await call(categoryCollection.POST, { token: admin(), json: { name: "\u200b ", slug: "Not A Slug", position: -1, description: 5 } });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid.body).sort()).toEqual(["description", "name", "position", "slug"]);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("deletes only a category without services (409 otherwise)", async () => {
    const service = await newService(admin());
    const before = await garageSnapshot();
    const refused = await call<Detail>(categoryItem.DELETE, { method: "DELETE", token: admin(), params: { id: service.categoryId } });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ detail: "This category still has services: move or delete them first." });
    expect(await garageSnapshot()).toEqual(before);
    const empty = await newCategory(admin());
    expect((await call(categoryItem.DELETE, { method: "DELETE", token: admin(), params: { id: empty.id } })).status).toBe(204);
    expect((await eventsFor(empty.id)).map((event) => event.type)).toEqual(["category.created", "category.deleted"]);
  });
});

describe("services", () => {
  it("creates a service with GST STANDARD by default, its category and currency in the view", async () => {
    const category = await newCategory(admin());
    const response = await call<ServiceView>(serviceCollection.POST, { token: admin(), json: serviceInput(category.id, { name: "Full Service" }) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ gstCode: "STANDARD", active: true, currency: "INR", category: { id: category.id, name: category.name, slug: category.slug } });
    expect(response.body.slug).toBe("full-service");
    expect((await eventsFor(response.body.id))[0]).toMatchObject({ topic: "catalogue_events", type: "service.created", payload: response.body });
    await call(serviceItem.DELETE, { method: "DELETE", token: admin(), params: { id: response.body.id } });
  });

  it("refuses bad fields (422), an unknown GST code (422), an unknown category (404) and a taken slug (409)", async () => {
    const service = await newService(admin());
    const before = await garageSnapshot();
    const invalid = await call(serviceCollection.POST, {
      token: admin(),
      json: { name: "", categoryId: "x", labourMinutes: 0, basePriceMinor: 1.5, active: "yes" },
    });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid.body).sort()).toEqual(["active", "basePriceMinor", "categoryId", "labourMinutes", "name"]);
    for (const labourMinutes of [1441, -1, "60"]) {
      expect((await call(serviceCollection.POST, { token: admin(), json: serviceInput(service.categoryId, { labourMinutes }) })).status).toBe(422);
    }
    expect((await call(serviceCollection.POST, { token: admin(), json: serviceInput(service.categoryId, { basePriceMinor: -1 }) })).status).toBe(422);
    const gst = await call(serviceCollection.POST, { token: admin(), json: serviceInput(service.categoryId, { gstCode: "NOPE" }) });
    expect(gst.status).toBe(422);
    expect(fieldsOf(gst.body)).toEqual(["gstCode"]);
    const category = await call<Detail>(serviceCollection.POST, { token: admin(), json: serviceInput(UNKNOWN_ID) });
    expect(category.status).toBe(404);
    expect(category.body).toEqual({ detail: "Service category not found." });
    const slug = await call<Detail>(serviceCollection.POST, { token: admin(), json: serviceInput(service.categoryId, { slug: service.slug }) });
    expect(slug.status).toBe(409);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("searches name and description without case and filters by category id or slug and active", async () => {
    const tag = uniqueSuffix();
    const category = await newCategory(admin());
    const byName = await newService(admin(), { categoryId: category.id, name: `Wheel alignment ${tag}` });
    const byDescription = await newService(admin(), { categoryId: category.id, description: `Balancing ${tag.toUpperCase()} all four` });
    const inactive = await newService(admin(), { categoryId: category.id, name: `Old ${tag}`, active: false });
    const search = await call<ServiceView[]>(serviceCollection.GET, { token: admin(), path: withQuery("/api/v1/services", { q: tag.toUpperCase() }) });
    expect(search.body.map((service) => service.id).sort()).toEqual([byName.id, byDescription.id, inactive.id].sort());
    const bySlug = await call<ServiceView[]>(serviceCollection.GET, { token: admin(), path: withQuery("/api/v1/services", { category: category.slug, active: "true" }) });
    expect(bySlug.body.map((service) => service.id).sort()).toEqual([byName.id, byDescription.id].sort());
    expect(bySlug.headers.get("X-Total-Count")).toBe("2");
    const byId = await call<ServiceView[]>(serviceCollection.GET, { token: admin(), path: withQuery("/api/v1/services", { categoryId: category.id, active: "false" }) });
    expect(byId.body.map((service) => service.id)).toEqual([inactive.id]);
    const paged = await call<ServiceView[]>(serviceCollection.GET, { token: admin(), path: withQuery("/api/v1/services", { categoryId: category.id, limit: "1", offset: "1" }) });
    expect(paged.body).toHaveLength(1);
    expect(paged.headers.get("X-Total-Count")).toBe("3");
    expect((await call(serviceCollection.GET, { token: admin(), path: withQuery("/api/v1/services", { categoryId: "nope" }) })).status).toBe(422);
  });

  it("customers and mechanics see active services only: an inactive one is 404 for them", async () => {
    const category = await newCategory(admin());
    const inactive = await newService(admin(), { categoryId: category.id, active: false });
    const active = await newService(admin(), { categoryId: category.id });
    for (const role of ["MECHANIC", "CUSTOMER"] as const) {
      const item = await call<Detail>(serviceItem.GET, { token: users[role].token, params: { id: inactive.id } });
      expect(item.status, role).toBe(404);
      expect(item.body).toEqual({ detail: "Service not found." });
      for (const active of [undefined, "false"]) {
        const query: Record<string, string> = { categoryId: category.id, ...(active ? { active } : {}) };
        const list = await call<ServiceView[]>(serviceCollection.GET, { token: users[role].token, path: withQuery("/api/v1/services", query) });
        expect(list.body.map((service) => service.id), role).toEqual(active ? [] : [expect.any(String)]);
      }
    }
    const list = await call<ServiceView[]>(serviceCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/services", { categoryId: category.id }) });
    expect(list.body.map((service) => service.id)).toEqual([active.id]);
    expect((await call(serviceItem.GET, { token: admin(), params: { id: inactive.id } })).status).toBe(200);
  });

  it("deactivating writes service.updated; deleting keeps booked services (service id set to null)", async () => {
    const service = await newService(admin());
    const updated = await call<ServiceView>(serviceItem.PATCH, { method: "PATCH", token: admin(), params: { id: service.id }, json: { active: false } });
    expect(updated.status).toBe(200);
    expect(updated.body.active).toBe(false);
    expect((await eventsFor(service.id)).at(-1)).toMatchObject({ type: "service.updated", payload: updated.body });
    const customer = await createUser("CUSTOMER");
    const booking = await db.booking.create({
      data: {
        customerId: customer.id,
        carPlate: "KA01AB1234",
        carDescription: "Maruti Swift",
        slotStart: new Date("2030-01-01T09:00:00Z"),
        slotEnd: new Date("2030-01-01T09:30:00Z"),
        bay: 7,
        labourMinutes: 60,
        subtotalMinor: 100,
        taxMinor: 18,
        totalMinor: 118,
        currency: "INR",
        services: {
          create: [{ serviceId: service.id, serviceName: service.name, labourMinutes: 60, priceMinor: 100, priceSource: "BASE", gstCode: "STANDARD", gstBasisPoints: 1800, taxMinor: 18 }],
        },
      },
    });
    expect((await call(serviceItem.DELETE, { method: "DELETE", token: admin(), params: { id: service.id } })).status).toBe(204);
    expect(await db.bookedService.findMany({ where: { bookingId: booking.id }, select: { serviceId: true, serviceName: true } })).toEqual([{ serviceId: null, serviceName: service.name }]);
    await db.booking.delete({ where: { id: booking.id } });
  });
});

describe("car models", () => {
  it("refuses a duplicate make/model/first year without case (409) and yearTo before yearFrom (422)", async () => {
    const model = await newCarModel(admin());
    const before = await garageSnapshot();
    const duplicate = await call<Detail>(carModelCollection.POST, {
      token: admin(),
      json: carModelInput({ make: model.make.toUpperCase(), model: model.model.toLowerCase(), yearFrom: model.yearFrom, segment: "SUV" }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ detail: "This car model (make, model and first year) already exists." });
    const years = await call(carModelCollection.POST, { token: admin(), json: carModelInput({ yearFrom: 2020, yearTo: 2019 }) });
    expect(years.status).toBe(422);
    expect(fieldsOf(years.body)).toEqual(["yearTo"]);
    const invalid = await call(carModelCollection.POST, { token: admin(), json: { make: "", model: 5, yearFrom: 1800, segment: "TRUCK", fuel: "COAL" } });
    expect(fieldsOf(invalid.body).sort()).toEqual(["fuel", "make", "model", "segment", "yearFrom"]);
    const patch = await call(carModelItem.PATCH, { method: "PATCH", token: admin(), params: { id: model.id }, json: { yearTo: model.yearFrom - 1 } });
    expect(patch.status).toBe(422);
    expect(fieldsOf(patch.body)).toEqual(["yearTo"]);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("filters by q, make and segment", async () => {
    const make = `Hyundai ${uniqueSuffix()}`;
    const creta = await newCarModel(admin(), { make, model: "Creta", segment: "SUV", fuel: "DIESEL" });
    const i20 = await newCarModel(admin(), { make, model: "i20", segment: "HATCHBACK" });
    const byMake = await call<CarModelView[]>(carModelCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/car-models", { make: make.toLowerCase() }) });
    expect(byMake.body.map((model) => model.id)).toEqual([creta.id, i20.id]);
    const bySegment = await call<CarModelView[]>(carModelCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/car-models", { q: make, segment: "SUV" }) });
    expect(bySegment.body).toEqual([creta]);
    expect((await call(carModelCollection.GET, { token: admin(), path: withQuery("/api/v1/car-models", { segment: "TRUCK" }) })).status).toBe(422);
  });

  it("refuses to delete a model customers' cars use (409)", async () => {
    const model = await newCarModel(admin());
    await newCustomerCar(users.CUSTOMER.id, model.id);
    const before = await garageSnapshot();
    const refused = await call<Detail>(carModelItem.DELETE, { method: "DELETE", token: admin(), params: { id: model.id } });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ detail: "Customers' cars are of this model: it cannot be removed." });
    expect(await garageSnapshot()).toEqual(before);
  });
});

describe("areas", () => {
  it("refuses a name taken without case (409) and deleting an area addresses use (409)", async () => {
    const name = `Koramangala ${uniqueSuffix()}`;
    const area = await call<AreaView>(areaCollection.POST, { token: admin(), json: { name, city: "Bengaluru", postcode: "560034" } });
    expect(area.status).toBe(201);
    expect(area.body).toMatchObject({ name, city: "Bengaluru", postcode: "560034", active: true });
    expect((await eventsFor(area.body.id))[0]).toMatchObject({ topic: "catalogue_events", type: "area.created", payload: area.body });
    await newAddress(users.CUSTOMER.id, area.body.id);
    const before = await garageSnapshot();
    const duplicate = await call<Detail>(areaCollection.POST, { token: admin(), json: { name: name.toLowerCase(), city: "Bengaluru" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ detail: "An area with this name already exists." });
    const refused = await call<Detail>(areaItem.DELETE, { method: "DELETE", token: admin(), params: { id: area.body.id } });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain("addresses");
    const invalid = await call(areaCollection.POST, { token: admin(), json: { name: "x", city: "", postcode: "1".repeat(17), active: 1 } });
    expect(fieldsOf(invalid.body).sort()).toEqual(["active", "city", "postcode"]);
    expect(await garageSnapshot()).toEqual(before);
    const list = await call<AreaView[]>(areaCollection.GET, { token: users.MECHANIC.token, path: withQuery("/api/v1/areas", { q: name.slice(-8), active: "true" }) });
    expect(list.body).toEqual([area.body]);
  });
});

describe("GST", () => {
  it("everyone but employees reads the rates; only admins change one (422 on bad input, 404 unknown code)", async () => {
    for (const role of READERS) {
      const list = await call<GstRateView[]>(gstCollection.GET, { token: users[role].token });
      expect(list.status, role).toBe(200);
      expect(list.body.map((rate) => rate.code)).toEqual(expect.arrayContaining(["PARTS", "STANDARD"]));
    }
    expect((await call(gstCollection.GET, { token: users.EMPLOYEE.token })).status).toBe(403);
    expect((await call(gstCollection.GET, { token: admin(), path: "/api/v1/gst?x=1" })).status).toBe(422);
    const before = await garageSnapshot();
    for (const role of NOT_ADMINS) {
      expect((await call(gstItem.PATCH, { method: "PATCH", token: users[role].token, params: { code: "PARTS" }, json: { basisPoints: 0 } })).status, role).toBe(403);
    }
    for (const basisPoints of [-1, 10001, 12.5, "1800"]) {
      const invalid = await call(gstItem.PATCH, { method: "PATCH", token: admin(), params: { code: "PARTS" }, json: { basisPoints } });
      expect(invalid.status).toBe(422);
      expect(fieldsOf(invalid.body)).toEqual(["basisPoints"]);
    }
    for (const code of ["NOPE", "parts", "../x"]) {
      expect((await call(gstItem.PATCH, { method: "PATCH", token: admin(), params: { code }, json: { basisPoints: 5 } })).status, code).toBe(404);
    }
    expect(await garageSnapshot()).toEqual(before);
    const current = await db.gstRate.findUniqueOrThrow({ where: { code: "PARTS" } });
    const updated = await call<GstRateView>(gstItem.PATCH, { method: "PATCH", token: admin(), params: { code: "PARTS" }, json: { basisPoints: 2850, label: "Parts" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: "PARTS", basisPoints: 2850, label: "Parts" });
    expect((await eventsFor("PARTS")).at(-1)).toMatchObject({ topic: "catalogue_events", type: "gst.updated", payload: updated.body, actor: users.ADMIN.id });
    await call(gstItem.PATCH, { method: "PATCH", token: admin(), params: { code: "PARTS" }, json: { basisPoints: current.basisPoints, label: current.label } });
  });
});
