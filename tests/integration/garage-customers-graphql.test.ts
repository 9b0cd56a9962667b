import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { garageCustomerSnapshot, newArea, newCar, newCarModel, newGarageService, uniquePlate } from "../support/garage-customers";

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

let customer: TestUser;
let other: TestUser;
let mechanic: TestUser;
let carModelId: string;
let areaId: string;

beforeAll(async () => {
  [customer, other, mechanic] = await Promise.all([createUser("CUSTOMER"), createUser("CUSTOMER"), createUser("MECHANIC")]);
  carModelId = (await newCarModel()).id;
  areaId = (await newArea()).id;
});

describe("GraphQL: customers' cars, addresses and cart", () => {
  it("adds, reads, updates and deletes over the same services as REST", async () => {
    const plate = uniquePlate();
    const added = await gql<{ addCustomerCar: { id: string; plate: string; ownerId: string; carModel: { id: string; segment: string } } }>(
      customer,
      `mutation($input: AddCustomerCarInput!) { addCustomerCar(input: $input) { id plate ownerId carModel { id segment } } }`,
      { input: { carModelId, plate: plate.toLowerCase(), odometerKm: 10 } },
    );
    expect(added.body.errors).toBeUndefined();
    const car = added.body.data!.addCustomerCar;
    expect(car).toMatchObject({ plate, ownerId: customer.id, carModel: { id: carModelId, segment: "HATCHBACK" } });

    const mine = await gql<{ customerCars: Array<{ id: string }> }>(customer, `{ customerCars { id } }`);
    expect(mine.body.data?.customerCars.map((row) => row.id)).toEqual([car.id]);
    expect((await gql<{ customerCar: null }>(other, `query($id: ID!) { customerCar(id: $id) { id } }`, { id: car.id })).body.data?.customerCar).toBeNull();
    const staff = await gql<{ customerCars: Array<{ id: string }> }>(mechanic, `query($o: String) { customerCars(filter: { ownerId: $o }) { id } }`, { o: customer.id });
    expect(staff.body.data?.customerCars.map((row) => row.id)).toEqual([car.id]);

    const down = await gql(customer, `mutation($id: ID!) { updateCustomerCar(id: $id, input: { odometerKm: 5 }) { id } }`, { id: car.id });
    expect(down.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", status: 422 });
    const up = await gql<{ updateCustomerCar: { odometerKm: number } }>(customer, `mutation($id: ID!) { updateCustomerCar(id: $id, input: { odometerKm: 50 }) { odometerKm } }`, { id: car.id });
    expect(up.body.data?.updateCustomerCar.odometerKm).toBe(50);

    const address = await gql<{ addAddress: { id: string; area: { id: string } } }>(
      customer,
      `mutation($input: AddGarageAddressInput!) { addAddress(input: $input) { id area { id } } }`,
      { input: { areaId, label: "Home", line1: "1 Road" } },
    );
    expect(address.body.data?.addAddress.area.id).toBe(areaId);
    expect((await gql<{ addresses: Array<{ id: string }> }>(customer, `{ addresses { id } }`)).body.data?.addresses).toEqual([{ id: address.body.data!.addAddress.id }]);
    expect((await gql<{ deleteAddress: boolean }>(customer, `mutation($id: ID!) { deleteAddress(id: $id) }`, { id: address.body.data!.addAddress.id })).body.data?.deleteAddress).toBe(true);

    const before = await garageCustomerSnapshot();
    const refused = await gql(mechanic, `mutation($id: ID!) { deleteCustomerCar(id: $id) }`, { id: car.id });
    expect(refused.body.errors?.[0]).toMatchObject({ message: "Insufficient permissions.", extensions: { code: "FORBIDDEN", status: 403 } });
    expect(await garageCustomerSnapshot()).toEqual(before);
    expect((await gql<{ deleteCustomerCar: boolean }>(customer, `mutation($id: ID!) { deleteCustomerCar(id: $id) }`, { id: car.id })).body.data?.deleteCustomerCar).toBe(true);
  });

  it("the cart: add, read re-priced, remove, clear", async () => {
    const car = await newCar(customer.token, carModelId);
    const [first, second] = [await newGarageService({ basePriceMinor: 10_000 }), await newGarageService({ basePriceMinor: 20_000 })];
    const add = `mutation($s: ID!, $c: ID!) { addToCart(serviceId: $s, carId: $c) { id priceNowMinor service { id } car { id plate } } }`;
    const line = await gql<{ addToCart: { id: string; priceNowMinor: number } }>(customer, add, { s: first.id, c: car.id });
    expect(line.body.errors).toBeUndefined();
    expect(line.body.data?.addToCart.priceNowMinor).toBe(10_000);
    await gql(customer, add, { s: second.id, c: car.id });
    const foreign = await gql(other, add, { s: first.id, c: car.id });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ status: 404 });

    const cart = await gql<{ cart: { totalMinor: number; lines: Array<{ id: string }> } }>(customer, `{ cart { totalMinor currency changedLines lines { id priceChanged } } }`);
    expect(cart.body.data?.cart.totalMinor).toBe(35_400);
    const staffView = await gql<{ cart: { ownerId: string; lines: unknown[] } }>(mechanic, `query($c: String) { cart(customerId: $c) { ownerId lines { id } } }`, { c: customer.id });
    expect(staffView.body.data?.cart).toMatchObject({ ownerId: customer.id });
    expect(staffView.body.data?.cart.lines).toHaveLength(2);

    expect((await gql<{ removeFromCart: boolean }>(customer, `mutation($id: ID!) { removeFromCart(lineId: $id) }`, { id: line.body.data!.addToCart.id })).body.data?.removeFromCart).toBe(true);
    expect((await gql<{ clearCart: boolean }>(customer, `mutation { clearCart }`)).body.data?.clearCart).toBe(true);
    expect((await gql<{ cart: { lines: unknown[] } }>(customer, `{ cart { lines { id } } }`)).body.data?.cart.lines).toEqual([]);
  });
});
