import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import * as cartCollection from "@/app/api/v1/cart/route";
import * as cartItem from "@/app/api/v1/cart/[lineId]/route";
import * as cartReprice from "@/app/api/v1/cart/reprice/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import type { RoleName } from "@/lib/identity/roles";
import { shopToday } from "@/lib/modules/garage/services/pricing";
import type { CartLineView, CartView, CustomerCarView } from "@/lib/modules/garage/views";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { garageCustomerSnapshot, eventsFor, newCar, newCarModel, newCartLine, newGarageService, withQuery } from "../support/garage-customers";

const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let carModel: { id: string };
let suvModel: { id: string };

type Detail = { detail: unknown };
type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  carModel = await newCarModel();
  suvModel = await newCarModel({ make: "Hyundai", model: "Creta", segment: "SUV" });
});

/** A fresh customer with one car: each test starts from an empty cart. */
async function customerWithCar(): Promise<{ customer: TestUser; car: CustomerCarView }> {
  const customer = await createUser("CUSTOMER");
  return { customer, car: await newCar(customer.token, carModel.id) };
}

const readCart = (token: string, path = "/api/v1/cart") => call<CartView>(cartCollection.GET, { token, path });

describe("the cart", () => {
  const maxLinesBefore = process.env.GARAGE_MAX_CART_LINES;
  afterEach(() => {
    if (maxLinesBefore === undefined) delete process.env.GARAGE_MAX_CART_LINES;
    else process.env.GARAGE_MAX_CART_LINES = maxLinesBefore;
    resetEnvCache();
  });

  it("adds a line at today's price (201, event with ownerId); the cart totals it with GST", async () => {
    const { customer, car } = await customerWithCar();
    const service = await newGarageService({ basePriceMinor: 150_000 });
    const line = await call<CartLineView>(cartCollection.POST, { token: customer.token, json: { serviceId: service.id, carId: car.id } });
    expect(line.status).toBe(201);
    expect(line.body).toMatchObject({
      serviceId: service.id,
      service: { id: service.id, name: service.name, slug: service.slug, labourMinutes: 45, active: true },
      carId: car.id,
      car: { id: car.id, plate: car.plate, carModel: car.carModel },
      priceShownMinor: 150_000,
      priceNowMinor: 150_000,
      taxNowMinor: 27_000,
      priceChanged: false,
      available: true,
    });
    expect(await eventsFor(line.body.id)).toEqual([{ topic: "cart_events", type: "cart.line_added", payload: { ...line.body, ownerId: customer.id }, actor: customer.id }]);
    const cart = await readCart(customer.token);
    expect(cart.status).toBe(200);
    expect(cart.body).toEqual({
      ownerId: customer.id,
      lines: [line.body],
      subtotalMinor: 150_000,
      taxMinor: 27_000,
      totalMinor: 177_000,
      labourMinutes: 45,
      currency: "INR",
      changedLines: 0,
    });
  });

  it("re-prices on every read: a new chart row flags the line; accepting the new prices clears the flag", async () => {
    const { customer, car } = await customerWithCar();
    const service = await newGarageService({ basePriceMinor: 100_000 });
    const other = await newGarageService({ basePriceMinor: 50_000 });
    const line = await newCartLine(customer.token, service.id, car.id);
    await newCartLine(customer.token, other.id, car.id);
    await db.priceChartEntry.create({ data: { serviceId: service.id, carModelId: carModel.id, priceMinor: 120_000, validFrom: new Date(`${shopToday()}T00:00:00Z`) } });
    await db.garageService.update({ where: { id: other.id }, data: { basePriceMinor: 40_000 } });

    const cart = await readCart(customer.token);
    expect(cart.body.changedLines).toBe(2);
    expect(cart.body.lines.find((candidate) => candidate.id === line.id)).toMatchObject({ priceShownMinor: 100_000, priceNowMinor: 120_000, taxNowMinor: 21_600, priceChanged: true });
    expect(cart.body).toMatchObject({ subtotalMinor: 160_000, taxMinor: 28_800, totalMinor: 188_800 });

    const accepted = await call<CartView>(cartReprice.POST, { token: customer.token, path: "/api/v1/cart/reprice" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.changedLines).toBe(0);
    expect(accepted.body.lines.map((candidate) => [candidate.priceShownMinor, candidate.priceChanged])).toEqual([
      [120_000, false],
      [40_000, false],
    ]);
    expect((await eventsFor(line.id)).at(-1)).toMatchObject({ type: "cart.line_updated", payload: { id: line.id, ownerId: customer.id, priceShownMinor: 120_000 } });
    expect((await readCart(customer.token)).body).toEqual(accepted.body);
  });

  it("a deactivated service's line stays, marked unavailable and out of the totals", async () => {
    const { customer, car } = await customerWithCar();
    const service = await newGarageService({ basePriceMinor: 70_000 });
    await newCartLine(customer.token, service.id, car.id);
    await db.garageService.update({ where: { id: service.id }, data: { active: false } });
    const cart = await readCart(customer.token);
    expect(cart.body.lines).toHaveLength(1);
    expect(cart.body.lines[0]).toMatchObject({ available: false, service: { active: false } });
    expect(cart.body).toMatchObject({ subtotalMinor: 0, taxMinor: 0, totalMinor: 0, labourMinutes: 0 });
    const before = await garageCustomerSnapshot();
    const again = await call(cartCollection.POST, { token: customer.token, json: { serviceId: service.id, carId: car.id } });
    expect(again.status).toBe(422);
    expect(fieldsOf(again.body)).toEqual(["serviceId"]);
    expect(await garageCustomerSnapshot()).toEqual(before);
  });

  it("refuses another's car and unknown things (404), a duplicate line and a full cart (409), bad input (422), changing nothing", async () => {
    process.env.GARAGE_MAX_CART_LINES = "2";
    resetEnvCache();
    const { customer, car } = await customerWithCar();
    const { car: othersCar } = await customerWithCar();
    const [first, second, third] = [await newGarageService(), await newGarageService(), await newGarageService()];
    await newCartLine(customer.token, first.id, car.id);
    const before = await garageCustomerSnapshot();
    const cases: Array<[unknown, number, unknown]> = [
      [{ serviceId: second.id, carId: othersCar.id }, 404, { detail: "Car not found." }],
      [{ serviceId: second.id, carId: UNKNOWN_ID }, 404, { detail: "Car not found." }],
      [{ serviceId: UNKNOWN_ID, carId: car.id }, 404, { detail: "Service not found." }],
      [{ serviceId: first.id, carId: car.id }, 409, { detail: "This service is already in the cart for this car." }],
      [{ serviceId: "nope", carId: car.id }, 422, undefined],
      [{ carId: car.id }, 422, undefined],
      [[], 422, undefined],
    ];
    for (const [json, status, body] of cases) {
      const response = await call(cartCollection.POST, { token: customer.token, json });
      expect(response.status, JSON.stringify(json)).toBe(status);
      if (body) expect(response.body).toEqual(body);
    }
    expect(await garageCustomerSnapshot()).toEqual(before);
    await newCartLine(customer.token, second.id, car.id);
    const full = await garageCustomerSnapshot();
    const refused = await call<Detail>(cartCollection.POST, { token: customer.token, json: { serviceId: third.id, carId: car.id } });
    expect(refused.status).toBe(409);
    expect(String(refused.body.detail)).toContain("at most 2 lines");
    expect(await garageCustomerSnapshot()).toEqual(full);
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(cartCollection.POST, { token: users[role].token, json: { serviceId: third.id, carId: car.id } })).status, role).toBe(403);
    }
    expect(await garageCustomerSnapshot()).toEqual(full);
  });

  it("reading someone's cart: admins and mechanics with customerId; customers only their own; employees not at all", async () => {
    const { customer, car } = await customerWithCar();
    const line = await newCartLine(customer.token, (await newGarageService()).id, car.id);
    for (const role of ["ADMIN", "MECHANIC"] as const) {
      const cart = await readCart(users[role].token, withQuery("/api/v1/cart", { customerId: customer.id }));
      expect(cart.status, role).toBe(200);
      expect(cart.body.ownerId).toBe(customer.id);
      expect(cart.body.lines.map((candidate) => candidate.id)).toEqual([line.id]);
    }
    const stranger = await createUser("CUSTOMER");
    const own = await readCart(stranger.token);
    expect(own.body).toMatchObject({ ownerId: stranger.id, lines: [], totalMinor: 0 });
    const named = await readCart(stranger.token, withQuery("/api/v1/cart", { customerId: customer.id }));
    expect(named.status).toBe(422);
    expect(fieldsOf(named.body)).toEqual(["customerId"]);
    expect((await readCart(stranger.token, withQuery("/api/v1/cart", { customerId: stranger.id }))).status).toBe(200);
    expect((await readCart(users.ADMIN.token, withQuery("/api/v1/cart", { bogus: "1" }))).status).toBe(422);
    expect((await readCart(users.ADMIN.token, withQuery("/api/v1/cart", { customerId: "nope" }))).status).toBe(422);
    expect((await readCart(users.EMPLOYEE.token)).status).toBe(403);
    expect((await call(cartCollection.GET, {})).status).toBe(401);
  });

  it("an admin adds to the car owner's cart", async () => {
    const { customer, car } = await customerWithCar();
    const line = await call<CartLineView>(cartCollection.POST, { token: users.ADMIN.token, json: { serviceId: (await newGarageService()).id, carId: car.id } });
    expect(line.status).toBe(201);
    expect((await readCart(customer.token)).body.lines.map((candidate) => candidate.id)).toEqual([line.body.id]);
    expect((await eventsFor(line.body.id))[0]).toMatchObject({ type: "cart.line_added", actor: users.ADMIN.id, payload: { ownerId: customer.id } });
  });

  it("removes one line (204, event); another's line is 404; mechanics and employees 403; nothing changes on refusal", async () => {
    const { customer, car } = await customerWithCar();
    const { customer: other } = await customerWithCar();
    const line = await newCartLine(customer.token, (await newGarageService()).id, car.id);
    const before = await garageCustomerSnapshot();
    const foreign = await call<Detail>(cartItem.DELETE, { method: "DELETE", token: other.token, params: { lineId: line.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ detail: "Cart line not found." });
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) expect((await call(cartItem.DELETE, { method: "DELETE", token: users[role].token, params: { lineId: line.id } })).status).toBe(403);
    for (const lineId of [UNKNOWN_ID, "nope"]) expect((await call(cartItem.DELETE, { method: "DELETE", token: customer.token, params: { lineId } })).status).toBe(404);
    expect(await garageCustomerSnapshot()).toEqual(before);
    expect((await call(cartItem.DELETE, { method: "DELETE", token: customer.token, params: { lineId: line.id } })).status).toBe(204);
    expect((await eventsFor(line.id)).at(-1)).toMatchObject({ type: "cart.line_removed", payload: { id: line.id, ownerId: customer.id } });
    expect((await readCart(customer.token)).body.lines).toEqual([]);
  });

  it("empties the cart (204, one cart.cleared event); staff clear a named customer's; mechanics and employees 403", async () => {
    const { customer, car } = await customerWithCar();
    const lines = [await newCartLine(customer.token, (await newGarageService()).id, car.id), await newCartLine(customer.token, (await newGarageService()).id, car.id)];
    const stranger = await createUser("CUSTOMER");
    const before = await garageCustomerSnapshot();
    for (const role of ["MECHANIC", "EMPLOYEE"] as const) {
      expect((await call(cartCollection.DELETE, { method: "DELETE", token: users[role].token, path: withQuery("/api/v1/cart", { customerId: customer.id }) })).status).toBe(403);
    }
    expect((await call(cartCollection.DELETE, { method: "DELETE", token: stranger.token, path: withQuery("/api/v1/cart", { customerId: customer.id }) })).status).toBe(422);
    expect(await garageCustomerSnapshot()).toEqual(before);
    expect((await call(cartCollection.DELETE, { method: "DELETE", token: customer.token, path: "/api/v1/cart" })).status).toBe(204);
    expect((await readCart(customer.token)).body.lines).toEqual([]);
    expect(await eventsFor(customer.id)).toContainEqual({
      topic: "cart_events",
      type: "cart.cleared",
      payload: { ownerId: customer.id, lineIds: lines.map((line) => line.id).sort() },
      actor: customer.id,
    });
    await newCartLine(customer.token, (await newGarageService()).id, car.id);
    expect((await call(cartCollection.DELETE, { method: "DELETE", token: users.ADMIN.token, path: withQuery("/api/v1/cart", { customerId: customer.id }) })).status).toBe(204);
    expect(await db.cartLine.count({ where: { ownerId: customer.id } })).toBe(0);
  });

  it("Cart Update (moving a line to another car) is the admins' alone: customers are refused even on their own line", async () => {
    const { customer, car } = await customerWithCar();
    const suv = await newCar(customer.token, suvModel.id);
    const { car: othersCar } = await customerWithCar();
    const service = await newGarageService({ basePriceMinor: 100_000 });
    await db.priceChartEntry.create({ data: { serviceId: service.id, segment: "SUV", priceMinor: 180_000, validFrom: new Date("2020-01-01T00:00:00Z") } });
    const line = await newCartLine(customer.token, service.id, car.id);
    const before = await garageCustomerSnapshot();
    for (const role of ["CUSTOMER", "MECHANIC", "EMPLOYEE"] as const) {
      const token = role === "CUSTOMER" ? customer.token : users[role].token;
      const refused = await call<Detail>(cartItem.PATCH, { method: "PATCH", token, params: { lineId: line.id }, json: { carId: suv.id } });
      expect(refused.status, role).toBe(403);
      expect(refused.body).toEqual({ detail: "Insufficient permissions." });
    }
    const wrongOwner = await call(cartItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { lineId: line.id }, json: { carId: othersCar.id } });
    expect(wrongOwner.status).toBe(422);
    expect(fieldsOf(wrongOwner.body)).toEqual(["carId"]);
    expect((await call(cartItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { lineId: UNKNOWN_ID }, json: { carId: suv.id } })).status).toBe(404);
    expect((await call(cartItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { lineId: line.id }, json: {} })).status).toBe(422);
    expect(await garageCustomerSnapshot()).toEqual(before);

    const moved = await call<CartLineView>(cartItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { lineId: line.id }, json: { carId: suv.id } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: line.id, carId: suv.id, priceShownMinor: 180_000, priceNowMinor: 180_000, priceChanged: false });
    expect((await eventsFor(line.id)).at(-1)).toMatchObject({ type: "cart.line_updated", actor: users.ADMIN.id, payload: { ownerId: customer.id, carId: suv.id } });
    const duplicate = await newCartLine(customer.token, service.id, car.id);
    expect((await call(cartItem.PATCH, { method: "PATCH", token: users.ADMIN.token, params: { lineId: duplicate.id }, json: { carId: suv.id } })).status).toBe(409);
  });

  it("a revoked token (403), a garbage token or none (401) change nothing", async () => {
    const { customer, car } = await customerWithCar();
    const service = await newGarageService();
    const line = await newCartLine(customer.token, service.id, car.id);
    await call(logout, { method: "POST", token: customer.token });
    const requests: Array<{ name: string; handler: unknown; request: CallOptions }> = [
      { name: "GET cart", handler: cartCollection.GET, request: { path: "/api/v1/cart" } },
      { name: "POST cart", handler: cartCollection.POST, request: { json: { serviceId: (await newGarageService()).id, carId: car.id } } },
      { name: "DELETE cart", handler: cartCollection.DELETE, request: { method: "DELETE", path: "/api/v1/cart" } },
      { name: "DELETE line", handler: cartItem.DELETE, request: { method: "DELETE", params: { lineId: line.id } } },
      { name: "reprice", handler: cartReprice.POST, request: { method: "POST", path: "/api/v1/cart/reprice" } },
    ];
    for (const { name, handler, request } of requests) {
      const before = await garageCustomerSnapshot();
      const withRevoked = await call(handler, { ...request, token: customer.token });
      expect(withRevoked.status, name).toBe(403);
      expect(withRevoked.body).toEqual({ detail: "Token has been revoked." });
      expect((await call(handler, { ...request, token: "garbage" })).status, name).toBe(401);
      expect((await call(handler, request)).status, name).toBe(401);
      expect(await garageCustomerSnapshot(), name).toEqual(before);
    }
  });
});
