import { beforeAll, describe, expect, it } from "vitest";
import * as priceChartCollection from "@/app/api/v1/price-chart/route";
import * as priceChartItem from "@/app/api/v1/price-chart/[id]/route";
import * as servicePrice from "@/app/api/v1/services/[id]/price/route";
import type { RoleName } from "@/lib/identity/roles";
import { shopToday } from "@/lib/modules/garage/services/pricing";
import type { PriceChartEntryView, ServicePriceView, ServiceView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { eventsFor, garageSnapshot, newCarModel, newCustomerCar, newPriceRow, newService, withQuery } from "../support/garage-catalogue";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
const admin = () => users.ADMIN.token;

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
});

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

async function priceOf(token: string, serviceId: string, query: Record<string, string>) {
  return call<ServicePriceView>(servicePrice.GET, { token, params: { id: serviceId }, path: withQuery(`/api/v1/services/${serviceId}/price`, query) });
}

describe("the price chart", () => {
  it("creates a segment row and a model row with their events; refuses both or neither target (422)", async () => {
    const service = await newService(admin());
    const model = await newCarModel(admin());
    const segmentRow = await newPriceRow(admin(), { serviceId: service.id, segment: "SUV", priceMinor: 250000, validFrom: "2026-01-01", validUntil: "2027-01-01" });
    expect(segmentRow).toMatchObject({ serviceId: service.id, segment: "SUV", carModelId: null, priceMinor: 250000, currency: "INR", validFrom: "2026-01-01", validUntil: "2027-01-01" });
    expect(await eventsFor(segmentRow.id)).toEqual([{ topic: "catalogue_events", type: "price.created", payload: segmentRow, actor: users.ADMIN.id }]);
    const modelRow = await newPriceRow(admin(), { serviceId: service.id, carModelId: model.id, priceMinor: 1, validFrom: "2026-01-01" });
    expect(modelRow).toMatchObject({ carModelId: model.id, segment: null, validUntil: null });

    const before = await garageSnapshot();
    for (const target of [{}, { carModelId: model.id, segment: "SUV" }, { carModelId: null, segment: null }]) {
      const refused = await call(priceChartCollection.POST, { token: admin(), json: { serviceId: service.id, priceMinor: 5, validFrom: "2030-01-01", ...target } });
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(["carModelId"]);
    }
    for (const validUntil of ["2030-01-01", "2029-12-31"]) {
      const refused = await call(priceChartCollection.POST, { token: admin(), json: { serviceId: service.id, segment: "MUV", priceMinor: 5, validFrom: "2030-01-01", validUntil } });
      expect(refused.status).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(["validUntil"]);
    }
    const invalid = await call(priceChartCollection.POST, { token: admin(), json: { serviceId: "x", segment: "TRUCK", priceMinor: -1, validFrom: "2030-02-30" } });
    expect(fieldsOf(invalid.body).sort()).toEqual(["priceMinor", "segment", "serviceId", "validFrom"]);
    const unknownService = await call<Detail>(priceChartCollection.POST, { token: admin(), json: { serviceId: UNKNOWN_ID, segment: "SUV", priceMinor: 5, validFrom: "2030-01-01" } });
    expect(unknownService.status).toBe(404);
    const unknownModel = await call<Detail>(priceChartCollection.POST, { token: admin(), json: { serviceId: service.id, carModelId: UNKNOWN_ID, priceMinor: 5, validFrom: "2030-01-01" } });
    expect(unknownModel.body).toEqual({ detail: "Car model not found." });
    const patch = await call(priceChartItem.PATCH, { method: "PATCH", token: admin(), params: { id: segmentRow.id }, json: { validFrom: "2027-01-01" } });
    expect(patch.status).toBe(422);
    expect(fieldsOf(patch.body)).toEqual(["validUntil"]);
    expect(await garageSnapshot()).toEqual(before);
  });

  it("refuses an overlapping row of the same service and segment or model (409); adjacent ranges and other targets may overlap", async () => {
    const service = await newService(admin());
    const model = await newCarModel(admin(), { segment: "SEDAN" });
    await newPriceRow(admin(), { serviceId: service.id, segment: "SEDAN", priceMinor: 100, validFrom: "2026-01-01", validUntil: "2026-07-01" });
    await newPriceRow(admin(), { serviceId: service.id, carModelId: model.id, priceMinor: 90, validFrom: "2026-01-01", validUntil: "2026-07-01" });
    const before = await garageSnapshot();
    for (const target of [{ segment: "SEDAN" }, { carModelId: model.id }]) {
      for (const range of [{ validFrom: "2026-06-30" }, { validFrom: "2025-01-01", validUntil: "2026-01-02" }, { validFrom: "2026-03-01", validUntil: "2026-04-01" }]) {
        const refused = await call<Detail>(priceChartCollection.POST, { token: admin(), json: { serviceId: service.id, priceMinor: 5, ...target, ...range } });
        expect(refused.status, JSON.stringify({ target, range })).toBe(409);
        expect(String(refused.body.detail)).toContain("overlap");
      }
    }
    expect(await garageSnapshot()).toEqual(before);
    await newPriceRow(admin(), { serviceId: service.id, segment: "SEDAN", priceMinor: 110, validFrom: "2026-07-01" });
    await newPriceRow(admin(), { serviceId: service.id, segment: "SEDAN", priceMinor: 80, validFrom: "2025-01-01", validUntil: "2026-01-01" });
    await newPriceRow(admin(), { serviceId: service.id, carModelId: model.id, priceMinor: 95, validFrom: "2026-07-01" });
    await newPriceRow(admin(), { serviceId: service.id, segment: "SUV", priceMinor: 120, validFrom: "2026-01-01" });
    const other = await newCarModel(admin(), { segment: "SEDAN" });
    await newPriceRow(admin(), { serviceId: service.id, carModelId: other.id, priceMinor: 70, validFrom: "2026-03-01" });
    const list = await call<PriceChartEntryView[]>(priceChartCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/price-chart", { serviceId: service.id, segment: "SEDAN" }) });
    expect(list.body.map((row) => row.priceMinor)).toEqual([80, 100, 110]);
    expect(list.headers.get("X-Total-Count")).toBe("3");
    const byModel = await call<PriceChartEntryView[]>(priceChartCollection.GET, { token: users.MECHANIC.token, path: withQuery("/api/v1/price-chart", { carModelId: model.id }) });
    expect(byModel.body.map((row) => row.priceMinor)).toEqual([90, 95]);
  });

  it("moving a row onto another's period is refused (409) and changes nothing", async () => {
    const service = await newService(admin());
    const first = await newPriceRow(admin(), { serviceId: service.id, segment: "EV", priceMinor: 100, validFrom: "2026-01-01", validUntil: "2026-02-01" });
    await newPriceRow(admin(), { serviceId: service.id, segment: "EV", priceMinor: 200, validFrom: "2026-02-01" });
    const before = await garageSnapshot();
    const refused = await call(priceChartItem.PATCH, { method: "PATCH", token: admin(), params: { id: first.id }, json: { validUntil: null } });
    expect(refused.status).toBe(409);
    expect(await garageSnapshot()).toEqual(before);
    const changed = await call<PriceChartEntryView>(priceChartItem.PATCH, { method: "PATCH", token: admin(), params: { id: first.id }, json: { priceMinor: 150 } });
    expect(changed.body).toMatchObject({ priceMinor: 150, validUntil: "2026-02-01" });
    expect((await eventsFor(first.id)).at(-1)).toMatchObject({ type: "price.updated", payload: changed.body });
  });
});

describe("GET /services/{id}/price", () => {
  let service: ServiceView;
  let sedan: { id: string };
  let modelRowId: string;
  let segmentRowId: string;
  beforeAll(async () => {
    service = await newService(admin(), { basePriceMinor: 100000 });
    sedan = await newCarModel(admin(), { segment: "SEDAN" });
    segmentRowId = (await newPriceRow(admin(), { serviceId: service.id, segment: "SEDAN", priceMinor: 120000, validFrom: "2026-01-01", validUntil: "2026-07-01" })).id;
    modelRowId = (await newPriceRow(admin(), { serviceId: service.id, carModelId: sedan.id, priceMinor: 130001, validFrom: "2026-03-01", validUntil: "2026-04-01" })).id;
  });

  it("the model's row beats the segment's row, which beats the base price; validity is [validFrom, validUntil)", async () => {
    const cases: Array<[string, string, number, string | null]> = [
      ["2025-12-31", "BASE", 100000, null],
      ["2026-01-01", "SEGMENT", 120000, segmentRowId],
      ["2026-02-28", "SEGMENT", 120000, segmentRowId],
      ["2026-03-01", "MODEL", 130001, modelRowId],
      ["2026-03-31", "MODEL", 130001, modelRowId],
      ["2026-04-01", "SEGMENT", 120000, segmentRowId],
      ["2026-06-30", "SEGMENT", 120000, segmentRowId],
      ["2026-07-01", "BASE", 100000, null],
    ];
    for (const [date, source, priceMinor, priceChartId] of cases) {
      const response = await priceOf(users.CUSTOMER.token, service.id, { carModelId: sedan.id, date });
      expect(response.status, date).toBe(200);
      expect(response.body, date).toMatchObject({ serviceId: service.id, carModelId: sedan.id, source, priceMinor, priceChartId, date, gstCode: "STANDARD", currency: "INR" });
      expect(response.body.taxMinor, date).toBe(Math.floor((priceMinor * response.body.gstBasisPoints + 5000) / 10000));
      expect(response.body.totalMinor).toBe(priceMinor + response.body.taxMinor);
    }
    const modelDay = await priceOf(users.MECHANIC.token, service.id, { carModelId: sedan.id, date: "2026-03-15" });
    expect(modelDay.body).toMatchObject({ validFrom: "2026-03-01", validUntil: "2026-04-01", gstBasisPoints: 1800, taxMinor: 23400 });
    const today = await priceOf(users.MECHANIC.token, service.id, { carModelId: sedan.id });
    expect(today.body.date).toBe(shopToday());
  });

  it("prices a customer's own car; another customer's car is 404 for a customer, and any car for staff", async () => {
    const car = await newCustomerCar(users.CUSTOMER.id, sedan.id);
    expect((await priceOf(users.CUSTOMER.token, service.id, { carId: car.id, date: "2026-03-15" })).body).toMatchObject({ source: "MODEL", carModelId: sedan.id });
    const stranger = await createUser("CUSTOMER");
    const refused = await priceOf(stranger.token, service.id, { carId: car.id });
    expect(refused.status).toBe(404);
    expect(refused.body).toEqual({ detail: "Car not found." });
    for (const role of ["ADMIN", "MECHANIC"] as const) expect((await priceOf(users[role].token, service.id, { carId: car.id })).status, role).toBe(200);
    expect((await priceOf(users.EMPLOYEE.token, service.id, { carId: car.id })).status).toBe(403);
    expect((await priceOf(users.ADMIN.token, service.id, { carId: UNKNOWN_ID })).status).toBe(404);
  });

  it("needs exactly one of carId and carModelId and a real date (422); unknown ids and inactive services are 404", async () => {
    const car = await newCustomerCar(users.CUSTOMER.id, sedan.id);
    for (const query of [{}, { carId: car.id, carModelId: sedan.id }] as Array<Record<string, string>>) {
      const response = await priceOf(users.CUSTOMER.token, service.id, query);
      expect(response.status).toBe(422);
      expect(fieldsOf(response.body)).toEqual(["carId"]);
    }
    for (const date of ["2026-02-30", "tomorrow", "2026-1-1"]) {
      expect((await priceOf(users.CUSTOMER.token, service.id, { carModelId: sedan.id, date })).status, date).toBe(422);
    }
    expect((await priceOf(users.CUSTOMER.token, service.id, { carModelId: "nope" })).status).toBe(422);
    expect((await priceOf(users.CUSTOMER.token, service.id, { carModelId: sedan.id, extra: "1" })).status).toBe(422);
    expect((await priceOf(users.CUSTOMER.token, service.id, { carModelId: UNKNOWN_ID })).body).toEqual({ detail: "Car model not found." });
    for (const id of [UNKNOWN_ID, "nope"]) expect((await priceOf(users.CUSTOMER.token, id, { carModelId: sedan.id })).status).toBe(404);
    const inactive = await newService(admin(), { active: false });
    expect((await priceOf(users.CUSTOMER.token, inactive.id, { carModelId: sedan.id })).status).toBe(404);
    expect((await priceOf(users.ADMIN.token, inactive.id, { carModelId: sedan.id })).status).toBe(200);
    const hiddenRow = await newPriceRow(admin(), { serviceId: inactive.id, segment: "SEDAN", priceMinor: 1, validFrom: "2026-01-01" });
    for (const role of ["MECHANIC", "CUSTOMER"] as const) {
      expect((await call(priceChartItem.GET, { token: users[role].token, params: { id: hiddenRow.id } })).status, role).toBe(404);
      const rows = await call<PriceChartEntryView[]>(priceChartCollection.GET, { token: users[role].token, path: withQuery("/api/v1/price-chart", { serviceId: inactive.id }) });
      expect(rows.body, role).toEqual([]);
    }
    expect((await call(priceChartItem.GET, { token: admin(), params: { id: hiddenRow.id } })).body).toEqual(hiddenRow);
  });
});
