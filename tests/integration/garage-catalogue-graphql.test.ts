import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { garageSnapshot, newCarModel, newCategory, newCustomerCar, newPriceRow, newService } from "../support/garage-catalogue";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number; detail?: unknown } }>;
}

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
let users: Record<RoleName, TestUser>;

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
});

describe("GraphQL: the garage catalogue over the same services", () => {
  it("reads categories, services, car models, the price chart, a price, GST, areas, a page and favourites", async () => {
    const category = await newCategory(users.ADMIN.token);
    const service = await newService(users.ADMIN.token, { categoryId: category.id, name: "Graph brake check", basePriceMinor: 50000 });
    const model = await newCarModel(users.ADMIN.token, { segment: "LUXURY" });
    await newPriceRow(users.ADMIN.token, { serviceId: service.id, segment: "LUXURY", priceMinor: 90000, validFrom: "2020-01-01" });
    const car = await newCustomerCar(users.CUSTOMER.id, model.id);
    await db.garageArea.create({ data: { name: `Graph area ${category.slug}`, city: "Pune" } });
    const response = await gql<{
      serviceCategories: Array<{ id: string }>;
      services: Array<{ id: string; category: { slug: string } }>;
      service: { name: string } | null;
      carModels: Array<{ id: string; segment: string }>;
      priceChart: Array<{ priceMinor: number }>;
      servicePrice: { source: string; priceMinor: number; taxMinor: number };
      gstRates: Array<{ code: string }>;
      areas: Array<{ city: string }>;
      contentPage: { slug: string; html: string } | null;
      missing: { slug: string } | null;
      favourites: unknown[];
    }>(
      users.CUSTOMER,
      `query ($categoryId: ID!, $serviceId: ID!, $carId: ID!, $make: String!) {
        serviceCategories(limit: 200) { id }
        services(categoryId: $categoryId) { id category { slug } }
        service(id: $serviceId) { name }
        carModels(make: $make) { id segment }
        priceChart(serviceId: $serviceId) { priceMinor }
        servicePrice(serviceId: $serviceId, carId: $carId) { source priceMinor taxMinor }
        gstRates { code }
        areas(q: "Graph area", active: true) { city }
        contentPage(slug: "about") { slug html }
        missing: contentPage(slug: "nope") { slug }
        favourites { ownerId }
      }`,
      { categoryId: category.id, serviceId: service.id, carId: car.id, make: model.make },
    );
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data!;
    expect(data.serviceCategories.map((row) => row.id)).toContain(category.id);
    expect(data.services).toEqual([{ id: service.id, category: { slug: category.slug } }]);
    expect(data.service).toEqual({ name: "Graph brake check" });
    expect(data.carModels).toEqual([{ id: model.id, segment: "LUXURY" }]);
    expect(data.priceChart).toEqual([{ priceMinor: 90000 }]);
    expect(data.servicePrice).toEqual({ source: "SEGMENT", priceMinor: 90000, taxMinor: 16200 });
    expect(data.gstRates.map((rate) => rate.code)).toContain("STANDARD");
    expect(data.areas.length).toBeGreaterThan(0);
    expect(data.contentPage?.html).toContain("<h1>");
    expect(data.missing).toBeNull();
    expect(data.favourites).toEqual([]);
  });

  it("admins write services, price rows, GST and pages; customers are refused and nothing changes", async () => {
    const category = await newCategory(users.ADMIN.token);
    const createServiceMutation = `mutation ($input: GarageServiceInput!) { createService(input: $input) { id name gstCode } }`;
    const input = { name: "Graph AC regas", categoryId: category.id, labourMinutes: 45, basePriceMinor: 199900 };
    const before = await garageSnapshot();
    for (const role of ["MECHANIC", "CUSTOMER", "EMPLOYEE"] as const) {
      const refused = await gql(users[role], createServiceMutation, { input });
      expect(refused.body.errors?.[0]?.extensions?.status, role).toBe(403);
      const gst = await gql(users[role], `mutation { updateGstRate(code: "STANDARD", basisPoints: 0) { code } }`);
      expect(gst.body.errors?.[0]?.extensions?.status, role).toBe(403);
      const page = await gql(users[role], `mutation { updateContentPage(slug: "about", title: "x") { slug } }`);
      expect(page.body.errors?.[0]?.extensions?.status, role).toBe(403);
    }
    expect(await garageSnapshot()).toEqual(before);

    const created = await gql<{ createService: { id: string; name: string; gstCode: string } }>(users.ADMIN, createServiceMutation, { input });
    expect(created.body.data?.createService).toMatchObject({ name: "Graph AC regas", gstCode: "STANDARD" });
    const serviceId = created.body.data!.createService.id;
    const updated = await gql<{ updateService: { active: boolean } }>(users.ADMIN, `mutation ($id: ID!) { updateService(id: $id, input: { active: false }) { active } }`, { id: serviceId });
    expect(updated.body.data?.updateService).toEqual({ active: false });
    const row = await gql<{ createPriceChartEntry: { id: string; segment: string } }>(
      users.ADMIN,
      `mutation ($serviceId: ID!) { createPriceChartEntry(input: { serviceId: $serviceId, segment: EV, priceMinor: 5, validFrom: "2026-01-01" }) { id segment } }`,
      { serviceId },
    );
    expect(row.body.data?.createPriceChartEntry.segment).toBe("EV");
    const overlap = await gql(users.ADMIN, `mutation ($serviceId: ID!) { createPriceChartEntry(input: { serviceId: $serviceId, segment: EV, priceMinor: 6, validFrom: "2026-06-01" }) { id } }`, { serviceId });
    expect(overlap.body.errors?.[0]?.extensions?.status).toBe(409);
    const closed = await gql<{ updatePriceChartEntry: { validUntil: string | null } }>(
      users.ADMIN,
      `mutation ($id: ID!) { updatePriceChartEntry(id: $id, validUntil: "2026-06-01") { validUntil } }`,
      { id: row.body.data!.createPriceChartEntry.id },
    );
    expect(closed.body.data?.updatePriceChartEntry.validUntil).toBe("2026-06-01");
    const reopened = await gql<{ updatePriceChartEntry: { validUntil: string | null } }>(
      users.ADMIN,
      `mutation ($id: ID!) { updatePriceChartEntry(id: $id, clearValidUntil: true) { validUntil } }`,
      { id: row.body.data!.createPriceChartEntry.id },
    );
    expect(reopened.body.data?.updatePriceChartEntry.validUntil).toBeNull();
    expect((await gql(users.ADMIN, `mutation ($id: ID!) { deletePriceChartEntry(id: $id) }`, { id: row.body.data!.createPriceChartEntry.id })).body.data).toEqual({ deletePriceChartEntry: true });
    expect((await gql(users.ADMIN, `mutation ($id: ID!) { deleteService(id: $id) }`, { id: serviceId })).body.data).toEqual({ deleteService: true });

    const original = await db.contentPage.findUniqueOrThrow({ where: { slug: "opening-hours" } });
    const page = await gql<{ updateContentPage: { html: string } }>(users.ADMIN, `mutation { updateContentPage(slug: "opening-hours", body: "<b>Mon</b>") { html } }`);
    expect(page.body.data?.updateContentPage.html).toBe("<p>&lt;b&gt;Mon&lt;/b&gt;</p>");
    await db.contentPage.update({ where: { slug: "opening-hours" }, data: { body: original.body, title: original.title } });
    const gst = await gql<{ updateGstRate: { basisPoints: number } }>(users.ADMIN, `mutation { updateGstRate(code: "STANDARD", basisPoints: 1800) { basisPoints } }`);
    expect(gst.body.data?.updateGstRate.basisPoints).toBe(1800);
  });

  it("customers star and unstar services", async () => {
    const service = await newService(users.ADMIN.token);
    const customer = await createUser("CUSTOMER");
    const added = await gql<{ addFavourite: { ownerId: string; service: { id: string } } }>(customer, `mutation ($id: ID!) { addFavourite(serviceId: $id) { ownerId service { id } } }`, { id: service.id });
    expect(added.body.data?.addFavourite).toEqual({ ownerId: customer.id, service: { id: service.id } });
    expect((await gql<{ favourites: unknown[] }>(customer, `{ favourites { serviceId } }`)).body.data?.favourites).toEqual([{ serviceId: service.id }]);
    expect((await gql(customer, `mutation ($id: ID!) { removeFavourite(serviceId: $id) }`, { id: service.id })).body.data).toEqual({ removeFavourite: true });
    const refused = await gql(users.MECHANIC, `mutation ($id: ID!) { addFavourite(serviceId: $id) { ownerId } }`, { id: service.id });
    expect(refused.body.errors?.[0]?.extensions?.status).toBe(403);
  });
});
