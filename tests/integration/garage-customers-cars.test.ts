import { beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as addressCollection from "@/app/api/v1/addresses/route";
import * as addressItem from "@/app/api/v1/addresses/[id]/route";
import * as carCollection from "@/app/api/v1/customer-cars/route";
import * as carItem from "@/app/api/v1/customer-cars/[id]/route";
import { db } from "@/lib/db";
import type { RoleName } from "@/lib/identity/roles";
import type { AddressView, CustomerCarView } from "@/lib/modules/garage/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import {
  carInput,
  eventsFor,
  garageCustomerSnapshot,
  insertBooking,
  newAddress,
  newArea,
  newCar,
  newCarModel,
  uniqueSuffix,
  withQuery,
} from "../support/garage-customers";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let otherCustomer: TestUser;
let carModelId: string;
let areaId: string;

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  otherCustomer = await createUser("CUSTOMER", "Other customer");
  carModelId = (await newCarModel()).id;
  areaId = (await newArea()).id;
});

describe("customer cars", () => {
  it("a customer adds their own car (201): plate normalised, plateKey derived, VIN upper-cased, event in the same transaction", async () => {
    const suffix = uniqueSuffix();
    const response = await call<CustomerCarView>(carCollection.POST, {
      token: users.CUSTOMER.token,
      json: { carModelId, plate: `  ka 01-ab   ${suffix} `, vin: "1hgcm82633a004352", colour: "Blue", odometerKm: 5 },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ownerId: users.CUSTOMER.id,
      carModelId,
      plate: `KA 01-AB ${suffix}`,
      plateKey: `KA01AB${suffix}`,
      vin: "1HGCM82633A004352",
      colour: "Blue",
      odometerKm: 5,
      carModel: { id: carModelId, make: "Maruti", segment: "HATCHBACK", fuel: "PETROL", yearFrom: 2018, yearTo: null },
    });
    expect(await eventsFor(response.body.id)).toEqual([{ topic: "car_events", type: "car.created", payload: response.body, actor: users.CUSTOMER.id }]);
  });

  it("the same plate spelt differently is the same car, also across customers (409); so is a VIN; nothing changes", async () => {
    const suffix = uniqueSuffix();
    await newCar(users.CUSTOMER.token, carModelId, { plate: `KA 01-AB ${suffix}`, vin: null });
    const before = await garageCustomerSnapshot();
    for (const plate of [`ka01ab${suffix.toLowerCase()}`, `KA.01.AB.${suffix}`, `k a 0 1 a b ${suffix}`]) {
      const duplicate = await call<Detail>(carCollection.POST, { token: otherCustomer.token, json: carInput(carModelId, { plate }) });
      expect(duplicate.status, plate).toBe(409);
      expect(duplicate.body).toEqual({ detail: "A car with this plate is already registered." });
    }
    const vin = `1HGCM8263${uniqueSuffix()}`;
    const withVin = await newCar(users.CUSTOMER.token, carModelId, { vin });
    const afterVin = await garageCustomerSnapshot();
    const duplicateVin = await call<Detail>(carCollection.POST, { token: otherCustomer.token, json: carInput(carModelId, { vin: vin.toLowerCase() }) });
    expect(duplicateVin.status).toBe(409);
    expect(duplicateVin.body).toEqual({ detail: "A car with this VIN is already registered." });
    expect(await garageCustomerSnapshot()).toEqual(afterVin);
    expect(afterVin.cars.length).toBe(before.cars.length + 1);
    expect(withVin.vin).toBe(vin);
  });

  it("refuses bad plates, VINs, odometers and car models (422 naming the field), changing nothing", async () => {
    const before = await garageCustomerSnapshot();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ plate: "A" }, ["plate"]],
      [{ plate: "ABCDEFGHIJ1234567" }, ["plate"]],
      [{ plate: "KA 01 ÄB 12" }, ["plate"]],
      [{ plate: " - . " }, ["plate"]],
      [{ vin: "1HGCM82633A00435" }, ["vin"]],
      [{ vin: "1HGCM82633A00435O" }, ["vin"]],
      [{ vin: "IHGCM82633A004352" }, ["vin"]],
      [{ vin: "QHGCM82633A004352" }, ["vin"]],
      [{ odometerKm: -1 }, ["odometerKm"]],
      [{ odometerKm: 2_000_001 }, ["odometerKm"]],
      [{ odometerKm: 1.5 }, ["odometerKm"]],
      [{ odometerKm: "12" }, ["odometerKm"]],
      [{ carModelId: "nope" }, ["carModelId"]],
      [{ carModelId: UNKNOWN_ID }, ["carModelId"]],
      [{ ownerId: otherCustomer.id }, ["ownerId"]],
      [{ colour: "x".repeat(41) }, ["colour"]],
    ];
    for (const [overrides, fields] of cases) {
      const response = await call(carCollection.POST, { token: users.CUSTOMER.token, json: carInput(carModelId, overrides) });
      expect(response.status, JSON.stringify(overrides)).toBe(422);
      expect(fieldsOf(response.body), JSON.stringify(overrides)).toEqual(fields);
    }
    expect((await call(carCollection.POST, { token: users.CUSTOMER.token, rawBody: "{nope" })).status).toBe(422);
    expect((await call(carCollection.POST, { token: users.CUSTOMER.token, json: [] })).status).toBe(422);
    expect(await garageCustomerSnapshot()).toEqual(before);
  });

  it("an odometer of 2,000,000 km is accepted; 0 is the default", async () => {
    expect((await newCar(users.CUSTOMER.token, carModelId, { odometerKm: 2_000_000 })).odometerKm).toBe(2_000_000);
    const { odometerKm: _omitted, ...withoutOdometer } = carInput(carModelId);
    const response = await call<CustomerCarView>(carCollection.POST, { token: users.CUSTOMER.token, json: withoutOdometer });
    expect(response.status).toBe(201);
    expect(response.body.odometerKm).toBe(0);
  });

  it("an admin names the owner, who must be a customer account (422 otherwise); mechanics and employees cannot add cars (403)", async () => {
    const created = await call<CustomerCarView>(carCollection.POST, { token: users.ADMIN.token, json: carInput(carModelId, { ownerId: otherCustomer.id }) });
    expect(created.status).toBe(201);
    expect(created.body.ownerId).toBe(otherCustomer.id);
    const before = await garageCustomerSnapshot();
    for (const ownerId of [undefined, users.MECHANIC.id, users.ADMIN.id, "CST999999", "garbage"]) {
      const response = await call(carCollection.POST, { token: users.ADMIN.token, json: carInput(carModelId, { ownerId }) });
      expect(response.status, String(ownerId)).toBe(422);
      expect(fieldsOf(response.body)).toEqual(["ownerId"]);
    }
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      const response = await call<Detail>(carCollection.POST, { token: users[role].token, json: carInput(carModelId, { ownerId: otherCustomer.id }) });
      expect(response.status, role).toBe(403);
      expect(response.body).toEqual({ detail: "Insufficient permissions." });
    }
    expect(await garageCustomerSnapshot()).toEqual(before);
  });

  it("reading: customers see only their own (another's is 404, the list filtered); admins and mechanics see all; employees nothing", async () => {
    const mine = await newCar(users.CUSTOMER.token, carModelId);
    const theirs = await newCar(otherCustomer.token, carModelId);
    const own = await call<CustomerCarView>(carItem.GET, { token: users.CUSTOMER.token, params: { id: mine.id } });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(mine);
    const other = await call<Detail>(carItem.GET, { token: users.CUSTOMER.token, params: { id: theirs.id } });
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ detail: "Car not found." });
    const list = await call<CustomerCarView[]>(carCollection.GET, { token: users.CUSTOMER.token, path: "/api/v1/customer-cars?limit=200" });
    expect(list.status).toBe(200);
    expect(list.body.every((car) => car.ownerId === users.CUSTOMER.id)).toBe(true);
    expect(list.body.map((car) => car.id)).toContain(mine.id);
    expect(list.headers.get("X-Total-Count")).toBe(String(await db.customerCar.count({ where: { ownerId: users.CUSTOMER.id } })));
    const named = await call(carCollection.GET, { token: users.CUSTOMER.token, path: withQuery("/api/v1/customer-cars", { ownerId: otherCustomer.id }) });
    expect(named.status).toBe(422);
    expect(fieldsOf(named.body)).toEqual(["ownerId"]);

    for (const role of ["ADMIN", "MECHANIC"] as const) {
      expect((await call(carItem.GET, { token: users[role].token, params: { id: theirs.id } })).status, role).toBe(200);
      const filtered = await call<CustomerCarView[]>(carCollection.GET, {
        token: users[role].token,
        path: withQuery("/api/v1/customer-cars", { ownerId: otherCustomer.id, q: theirs.plate.slice(3).toLowerCase() }),
      });
      expect(filtered.status, role).toBe(200);
      expect(filtered.body).toEqual([theirs]);
      expect(filtered.headers.get("X-Total-Count")).toBe("1");
    }
    expect((await call(carItem.GET, { token: users.EMPLOYEE.token, params: { id: mine.id } })).status).toBe(403);
    expect((await call(carCollection.GET, { token: users.EMPLOYEE.token })).status).toBe(403);
    for (const id of [UNKNOWN_ID, "not-a-uuid", "1"]) expect((await call(carItem.GET, { token: users.ADMIN.token, params: { id } })).status, id).toBe(404);
    for (const query of [{ bogus: "1" }, { limit: "0" }, { offset: "-1" }, { limit: "abc" }] as Array<Record<string, string>>) {
      expect((await call(carCollection.GET, { token: users.ADMIN.token, path: withQuery("/api/v1/customer-cars", query) })).status, JSON.stringify(query)).toBe(422);
    }
    expect((await call(carCollection.GET, {})).status).toBe(401);
  });

  it("updates: own car (200, event); the odometer may not go down (422); another's is 404; mechanics and employees 403", async () => {
    const car = await newCar(users.CUSTOMER.token, carModelId, { odometerKm: 1000 });
    const updated = await call<CustomerCarView>(carItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: car.id }, json: { odometerKm: 1500, colour: "Green" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: car.id, odometerKm: 1500, colour: "Green", plate: car.plate });
    expect((await eventsFor(car.id)).at(-1)).toEqual({ topic: "car_events", type: "car.updated", payload: updated.body, actor: users.CUSTOMER.id });

    const replated = await call<CustomerCarView>(carItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { id: car.id }, json: { plate: "ka-99-zz-0001" } });
    expect(replated.status).toBe(200);
    expect(replated.body).toMatchObject({ plate: "KA-99-ZZ-0001", plateKey: "KA99ZZ0001" });
    await db.customerCar.update({ where: { id: car.id }, data: { plate: `KA ${uniqueSuffix()}`, plateKey: `KA${uniqueSuffix()}` } });

    const before = await garageCustomerSnapshot();
    const down = await call(carItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: car.id }, json: { odometerKm: 1499 } });
    expect(down.status).toBe(422);
    expect(fieldsOf(down.body)).toEqual(["odometerKm"]);
    expect((await call(carItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: car.id }, json: {} })).status).toBe(422);
    expect((await call(carItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: car.id }, json: { vin: "short" } })).status).toBe(422);
    const foreign = await call<Detail>(carItem.PATCH, { method: "PATCH", token: otherCustomer.token, params: { id: car.id }, json: { colour: "Black" } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "Car not found." });
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(carItem.PATCH, { method: "PATCH", token: users[role].token, params: { id: car.id }, json: { colour: "Black" } })).status, role).toBe(403);
    }
    for (const id of [UNKNOWN_ID, "nope"]) expect((await call(carItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { id }, json: { colour: "Black" } })).status).toBe(404);
    expect(await garageCustomerSnapshot()).toEqual(before);
  });

  it("a plate taken by another car is a 409 on update too", async () => {
    const first = await newCar(users.CUSTOMER.token, carModelId);
    const second = await newCar(users.CUSTOMER.token, carModelId);
    const before = await garageCustomerSnapshot();
    const response = await call<Detail>(carItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: second.id }, json: { plate: first.plate.toLowerCase() } });
    expect(response.status).toBe(409);
    expect(await garageCustomerSnapshot()).toEqual(before);
  });

  it("deletes: an open booking blocks it (409, nothing changes); closed bookings keep their copy and lose the link", async () => {
    const car = await newCar(users.CUSTOMER.token, carModelId);
    const open = await insertBooking(car, "BOOKED");
    const before = await garageCustomerSnapshot();
    const refused = await call<Detail>(carItem.DELETE, { method: "DELETE", token: users.CUSTOMER.token, params: { id: car.id } });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain("open bookings");
    expect(await garageCustomerSnapshot()).toEqual(before);

    await db.booking.update({ where: { id: open.id }, data: { status: "DELIVERED" } });
    const cancelled = await insertBooking(car, "CANCELLED");
    const other = await call(carItem.DELETE, { method: "DELETE", token: otherCustomer.token, params: { id: car.id } });
    expect(other.status).toBe(404);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) expect((await call(carItem.DELETE, { method: "DELETE", token: users[role].token, params: { id: car.id } })).status).toBe(403);
    const deleted = await call(carItem.DELETE, { method: "DELETE", token: users.CUSTOMER.token, params: { id: car.id } });
    expect(deleted.status).toBe(204);
    expect(await db.customerCar.findUnique({ where: { id: car.id } })).toBeNull();
    expect((await db.booking.findUniqueOrThrow({ where: { id: open.id } })).carId).toBeNull();
    expect((await db.booking.findUniqueOrThrow({ where: { id: cancelled.id } })).carPlate).toBe(car.plate);
    expect((await eventsFor(car.id)).at(-1)).toEqual({ topic: "car_events", type: "car.deleted", payload: car, actor: users.CUSTOMER.id });
    expect((await call(carItem.DELETE, { method: "DELETE", token: users.CUSTOMER.token, params: { id: car.id } })).status).toBe(404);

    const adminDeletes = await newCar(otherCustomer.token, carModelId);
    expect((await call(carItem.DELETE, { method: "DELETE", token: users.ADMIN.token, params: { id: adminDeletes.id } })).status).toBe(204);
  });
});

describe("addresses", () => {
  it("a customer adds their own address in an active area (201, event); an inactive or unknown area is 422", async () => {
    const response = await call<AddressView>(addressCollection.POST, {
      token: users.CUSTOMER.token,
      json: { areaId, label: " Home ", line1: "12 MG Road", line2: "Flat 4", postcode: "560001" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ownerId: users.CUSTOMER.id, areaId, label: "Home", line1: "12 MG Road", line2: "Flat 4", postcode: "560001", area: { id: areaId, active: true } });
    expect(await eventsFor(response.body.id)).toEqual([{ topic: "address_events", type: "address.created", payload: response.body, actor: users.CUSTOMER.id }]);

    const inactive = await newArea(false);
    const before = await garageCustomerSnapshot();
    for (const [json, fields] of [
      [{ areaId: inactive.id, line1: "1 Road" }, ["areaId"]],
      [{ areaId: UNKNOWN_ID, line1: "1 Road" }, ["areaId"]],
      [{ areaId: "nope", line1: "1 Road" }, ["areaId"]],
      [{ areaId, line1: "  " }, ["line1"]],
      [{ areaId }, ["line1"]],
      [{ areaId, line1: "1 Road", ownerId: otherCustomer.id }, ["ownerId"]],
      [{ areaId, line1: "1 Road\nSecond line" }, ["line1"]],
    ] as const) {
      const refused = await call(addressCollection.POST, { token: users.CUSTOMER.token, json });
      expect(refused.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(refused.body)).toEqual(fields);
    }
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(addressCollection.POST, { token: users[role].token, json: { areaId, line1: "1 Road", ownerId: otherCustomer.id } })).status, role).toBe(403);
    }
    expect((await call(addressCollection.POST, { token: users.ADMIN.token, json: { areaId, line1: "1 Road" } })).status).toBe(422);
    expect(await garageCustomerSnapshot()).toEqual(before);
    const byAdmin = await call<AddressView>(addressCollection.POST, { token: users.ADMIN.token, json: { areaId, line1: "1 Road", ownerId: otherCustomer.id } });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.ownerId).toBe(otherCustomer.id);
  });

  it("reading, changing and deleting follow the matrix: own for customers (another's is 404), all for admins, read for mechanics, nothing for employees", async () => {
    const mine = await newAddress(users.CUSTOMER.token, areaId);
    const theirs = await newAddress(otherCustomer.token, areaId);
    expect((await call(addressItem.GET, { token: users.CUSTOMER.token, params: { id: mine.id } })).body).toEqual(mine);
    const list = await call<AddressView[]>(addressCollection.GET, { token: users.CUSTOMER.token, path: "/api/v1/addresses?limit=200" });
    expect(list.body.every((address) => address.ownerId === users.CUSTOMER.id)).toBe(true);
    for (const role of ["ADMIN", "MECHANIC"] as const) {
      const filtered = await call<AddressView[]>(addressCollection.GET, { token: users[role].token, path: withQuery("/api/v1/addresses", { ownerId: otherCustomer.id, limit: "200" }) });
      expect(filtered.status).toBe(200);
      expect(filtered.body.map((address) => address.id)).toContain(theirs.id);
      expect(filtered.body.every((address) => address.ownerId === otherCustomer.id)).toBe(true);
    }
    expect((await call(addressCollection.GET, { token: users.EMPLOYEE.token })).status).toBe(403);

    const before = await garageCustomerSnapshot();
    expect((await call(addressItem.GET, { token: users.CUSTOMER.token, params: { id: theirs.id } })).status).toBe(404);
    expect((await call(addressItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: theirs.id }, json: { label: "Mine now" } })).status).toBe(404);
    expect((await call(addressItem.DELETE, { method: "DELETE", token: users.CUSTOMER.token, params: { id: theirs.id } })).status).toBe(404);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(addressItem.PATCH, { method: "PATCH", token: users[role].token, params: { id: theirs.id }, json: { label: "X" } })).status).toBe(403);
      expect((await call(addressItem.DELETE, { method: "DELETE", token: users[role].token, params: { id: theirs.id } })).status).toBe(403);
    }
    expect((await call(addressItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: mine.id }, json: { areaId: (await newArea(false)).id } })).status).toBe(422);
    const afterArea = await garageCustomerSnapshot();
    expect(afterArea.addresses).toEqual(before.addresses);

    const changed = await call<AddressView>(addressItem.PATCH, { method: "PATCH", token: users.CUSTOMER.token, params: { id: mine.id }, json: { label: "Office", line2: "" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: mine.id, label: "Office", line2: "" });
    expect((await eventsFor(mine.id)).at(-1)).toMatchObject({ type: "address.updated", payload: changed.body });
    expect((await call(addressItem.DELETE, { method: "DELETE", token: users.CUSTOMER.token, params: { id: mine.id } })).status).toBe(204);
    expect((await eventsFor(mine.id)).at(-1)).toMatchObject({ type: "address.deleted", payload: { id: mine.id, ownerId: users.CUSTOMER.id } });
    expect((await call(addressItem.DELETE, { method: "DELETE", token: users.ADMIN.token, params: { id: theirs.id } })).status).toBe(204);
  });
});

describe("tokens", () => {
  const mutations = (carId: string, addressId: string): Array<{ name: string; handler: unknown; request: CallOptions }> => [
    { name: "POST car", handler: carCollection.POST, request: { json: carInput(carModelId) } },
    { name: "PATCH car", handler: carItem.PATCH, request: { method: "PATCH", params: { id: carId }, json: { colour: "Grey" } } },
    { name: "DELETE car", handler: carItem.DELETE, request: { method: "DELETE", params: { id: carId } } },
    { name: "POST address", handler: addressCollection.POST, request: { json: { areaId, line1: "1 Road" } } },
    { name: "PATCH address", handler: addressItem.PATCH, request: { method: "PATCH", params: { id: addressId }, json: { label: "X" } } },
    { name: "DELETE address", handler: addressItem.DELETE, request: { method: "DELETE", params: { id: addressId } } },
  ];

  it("a revoked token (403), a garbage token or none (401) change nothing", async () => {
    const revoked = await createUser("CUSTOMER");
    const car = await newCar(revoked.token, carModelId);
    const address = await newAddress(revoked.token, areaId);
    await call(logout, { method: "POST", token: revoked.token });
    for (const { name, handler, request } of mutations(car.id, address.id)) {
      const before = await garageCustomerSnapshot();
      const withRevoked = await call(handler, { ...request, token: revoked.token });
      expect(withRevoked.status, name).toBe(403);
      expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
      expect((await call(handler, { ...request, token: "garbage" })).status, name).toBe(401);
      expect((await call(handler, request)).status, name).toBe(401);
      expect(await garageCustomerSnapshot(), name).toEqual(before);
    }
  });
});
