import { randomBytes } from "node:crypto";
import * as carModelCollection from "@/app/api/v1/car-models/route";
import * as categoryCollection from "@/app/api/v1/service-categories/route";
import * as priceChartCollection from "@/app/api/v1/price-chart/route";
import * as serviceCollection from "@/app/api/v1/services/route";
import { db } from "@/lib/db";
import type { CarModelView, PriceChartEntryView, ServiceCategoryView, ServiceView } from "@/lib/modules/garage/views";
import { call } from "./http";
import { databaseSnapshot } from "./identity";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export const categoryInput = (overrides: Record<string, unknown> = {}) => ({ name: `Category ${uniqueSuffix()}`, description: "Test category", ...overrides });

export const serviceInput = (categoryId: string, overrides: Record<string, unknown> = {}) => ({
  name: `Service ${uniqueSuffix()}`,
  description: "Oil and filter change",
  categoryId,
  labourMinutes: 60,
  basePriceMinor: 150000,
  ...overrides,
});

export const carModelInput = (overrides: Record<string, unknown> = {}) => ({
  make: `Make ${uniqueSuffix()}`,
  model: "Swift",
  yearFrom: 2018,
  yearTo: null,
  segment: "HATCHBACK",
  fuel: "PETROL",
  ...overrides,
});

async function created<View>(handler: unknown, path: string, token: string, json: unknown): Promise<View> {
  const response = await call<View>(handler, { path, token, json });
  if (response.status !== 201) throw new Error(`${path} not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const newCategory = (token: string, overrides: Record<string, unknown> = {}) =>
  created<ServiceCategoryView>(categoryCollection.POST, "/api/v1/service-categories", token, categoryInput(overrides));

export async function newService(token: string, overrides: Record<string, unknown> = {}): Promise<ServiceView> {
  const categoryId = typeof overrides.categoryId === "string" ? overrides.categoryId : (await newCategory(token)).id;
  return created<ServiceView>(serviceCollection.POST, "/api/v1/services", token, serviceInput(categoryId, overrides));
}

export const newCarModel = (token: string, overrides: Record<string, unknown> = {}) =>
  created<CarModelView>(carModelCollection.POST, "/api/v1/car-models", token, carModelInput(overrides));

export const newPriceRow = (token: string, json: Record<string, unknown>) =>
  created<PriceChartEntryView>(priceChartCollection.POST, "/api/v1/price-chart", token, json);

/** A customer's car (the cars API is another area's): written directly. */
export async function newCustomerCar(ownerId: string, carModelId: string) {
  const plate = `KA01${uniqueSuffix().toUpperCase()}`;
  return db.customerCar.create({ data: { ownerId, carModelId, plate, plateKey: plate } });
}

/** An address in an area (the addresses API is another area's): written directly. */
export async function newAddress(ownerId: string, areaId: string) {
  return db.garageAddress.create({ data: { ownerId, areaId, line1: "1 MG Road" } });
}

/** Everything a refused or invalid request must leave untouched: identity, the garage's tables and the outbox. */
export async function garageSnapshot() {
  const [identity, categories, services, carModels, prices, gst, areas, content, favourites, cars, addresses] = await Promise.all([
    databaseSnapshot(),
    db.serviceCategory.findMany({ orderBy: { id: "asc" } }),
    db.garageService.findMany({ orderBy: { id: "asc" } }),
    db.carModel.findMany({ orderBy: { id: "asc" } }),
    db.priceChartEntry.findMany({ orderBy: { id: "asc" } }),
    db.gstRate.findMany({ orderBy: { code: "asc" } }),
    db.garageArea.findMany({ orderBy: { id: "asc" } }),
    db.contentPage.findMany({ orderBy: { slug: "asc" } }),
    db.favourite.findMany({ orderBy: [{ ownerId: "asc" }, { serviceId: "asc" }] }),
    db.customerCar.findMany({ orderBy: { id: "asc" } }),
    db.garageAddress.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { identity, categories, services, carModels, prices, gst, areas, content, favourites, cars, addresses };
}

/** The events a change wrote to the outbox (its transaction), oldest first. */
export async function eventsFor(key: string) {
  return db.outboxEvent.findMany({ where: { key }, orderBy: { id: "asc" }, select: { topic: true, type: true, payload: true, actor: true } });
}

export const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;
