import type { GraphQLParts } from "../../graphql/builder";

/**
 * The garage's part of the GraphQL API: the same services as the REST routes, so the
 * same scopes, "(own)" rules, messages and fields.
 */
export function garageGraphQL(parts: GraphQLParts): void {
  catalogueGraphQL(parts);
  customerGraphQL(parts);
  bookingGraphQL(parts);
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
function catalogueGraphQL(_parts: GraphQLParts): void {}



// ── customers: cars, addresses, cart, favourites ──
import { nullIfNotFound, withoutNulls } from "../../graphql/builder";
import { createAddress, deleteAddress, listAddresses } from "./services/addresses";
import { createCar, deleteCar, getCar, listCars, updateCar } from "./services/cars";
import { addCartLine, clearCart, getCart, removeCartLine, repriceCart } from "./services/cart";
import type { AddressView, CarModelSummary, CartLineView, CartView, CustomerCarView } from "./views";

function customerGraphQL({ builder }: GraphQLParts): void {
  const CarModelRef = builder.objectRef<CarModelSummary>("CustomerCarModel").implement({
    description: "The catalogue's model of a customer's car.",
    fields: (t) => ({
      id: t.exposeID("id"),
      make: t.exposeString("make"),
      model: t.exposeString("model"),
      yearFrom: t.exposeInt("yearFrom"),
      yearTo: t.exposeInt("yearTo", { nullable: true }),
      segment: t.exposeString("segment", { description: "HATCHBACK, SEDAN, SUV, MUV, LUXURY or EV" }),
      fuel: t.exposeString("fuel", { description: "PETROL, DIESEL, CNG, HYBRID or ELECTRIC" }),
    }),
  });

  const CustomerCarRef = builder.objectRef<CustomerCarView>("CustomerCar").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      ownerId: t.exposeString("ownerId"),
      carModel: t.field({ type: CarModelRef, resolve: (car) => car.carModel }),
      plate: t.exposeString("plate"),
      plateKey: t.exposeString("plateKey"),
      vin: t.exposeString("vin", { nullable: true }),
      colour: t.exposeString("colour"),
      odometerKm: t.exposeInt("odometerKm"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const AddressAreaRef = builder.objectRef<AddressView["area"]>("GarageAddressArea").implement({
    fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), city: t.exposeString("city"), active: t.exposeBoolean("active") }),
  });

  const AddressRef = builder.objectRef<AddressView>("GarageAddress").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      ownerId: t.exposeString("ownerId"),
      area: t.field({ type: AddressAreaRef, resolve: (address) => address.area }),
      label: t.exposeString("label"),
      line1: t.exposeString("line1"),
      line2: t.exposeString("line2"),
      postcode: t.exposeString("postcode"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const CartLineServiceRef = builder.objectRef<CartLineView["service"]>("CartLineService").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      slug: t.exposeString("slug"),
      labourMinutes: t.exposeInt("labourMinutes"),
      active: t.exposeBoolean("active"),
    }),
  });

  const CartLineCarRef = builder.objectRef<CartLineView["car"]>("CartLineCar").implement({
    fields: (t) => ({ id: t.exposeID("id"), plate: t.exposeString("plate"), carModel: t.field({ type: CarModelRef, resolve: (car) => car.carModel }) }),
  });

  const CartLineRef = builder.objectRef<CartLineView>("CartLine").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      service: t.field({ type: CartLineServiceRef, resolve: (line) => line.service }),
      car: t.field({ type: CartLineCarRef, resolve: (line) => line.car }),
      priceShownMinor: t.exposeInt("priceShownMinor"),
      priceNowMinor: t.exposeInt("priceNowMinor"),
      taxNowMinor: t.exposeInt("taxNowMinor"),
      priceChanged: t.exposeBoolean("priceChanged"),
      available: t.exposeBoolean("available"),
      addedAt: t.exposeString("addedAt"),
    }),
  });

  const CartRef = builder.objectRef<CartView>("Cart").implement({
    description: "A customer's cart, re-priced when read.",
    fields: (t) => ({
      ownerId: t.exposeString("ownerId"),
      lines: t.field({ type: [CartLineRef], resolve: (cart) => cart.lines }),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      labourMinutes: t.exposeInt("labourMinutes"),
      currency: t.exposeString("currency"),
      changedLines: t.exposeInt("changedLines"),
    }),
  });

  const CarFilterInput = builder.inputType("CustomerCarFilter", {
    fields: (t) => ({ ownerId: t.string({ description: "Staff only" }), q: t.string({ description: "Part of the plate" }), limit: t.int(), offset: t.int() }),
  });
  const AddressFilterInput = builder.inputType("GarageAddressFilter", {
    fields: (t) => ({ ownerId: t.string({ description: "Staff only" }), limit: t.int(), offset: t.int() }),
  });
  const AddCarInput = builder.inputType("AddCustomerCarInput", {
    fields: (t) => ({
      ownerId: t.string({ description: "Staff name the customer; customers add their own" }),
      carModelId: t.id({ required: true }),
      plate: t.string({ required: true }),
      vin: t.string(),
      colour: t.string(),
      odometerKm: t.int(),
    }),
  });
  const UpdateCarInput = builder.inputType("UpdateCustomerCarInput", {
    fields: (t) => ({ carModelId: t.id(), plate: t.string(), vin: t.string(), colour: t.string(), odometerKm: t.int() }),
  });
  const AddAddressInput = builder.inputType("AddGarageAddressInput", {
    fields: (t) => ({
      ownerId: t.string({ description: "Staff name the customer; customers add their own" }),
      areaId: t.id({ required: true }),
      label: t.string(),
      line1: t.string({ required: true }),
      line2: t.string(),
      postcode: t.string(),
    }),
  });

  builder.queryFields((t) => ({
    customerCars: t.field({
      type: [CustomerCarRef],
      description: "Customers: their own cars. Staff: every customer's, filtered.",
      args: { filter: t.arg({ type: CarFilterInput }) },
      resolve: async (_root, args, context) => (await listCars(context.principal, withoutNulls(args.filter))).items,
    }),
    customerCar: t.field({
      type: CustomerCarRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getCar(context.principal, String(args.id))),
    }),
    addresses: t.field({
      type: [AddressRef],
      description: "Customers: their own pick-up addresses. Staff: every customer's, filtered.",
      args: { filter: t.arg({ type: AddressFilterInput }) },
      resolve: async (_root, args, context) => (await listAddresses(context.principal, withoutNulls(args.filter))).items,
    }),
    cart: t.field({
      type: CartRef,
      description: "The caller's cart, re-priced now; staff may name a customer.",
      args: { customerId: t.arg.string() },
      resolve: (_root, args, context) => getCart(context.principal, withoutNulls({ customerId: args.customerId })),
    }),
  }));

  builder.mutationFields((t) => ({
    addCustomerCar: t.field({
      type: CustomerCarRef,
      args: { input: t.arg({ type: AddCarInput, required: true }) },
      resolve: (_root, args, context) => createCar(context.principal, withoutNulls(args.input)),
    }),
    updateCustomerCar: t.field({
      type: CustomerCarRef,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCarInput, required: true }) },
      resolve: (_root, args, context) => updateCar(context.principal, String(args.id), withoutNulls(args.input)),
    }),
    deleteCustomerCar: t.boolean({
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteCar(context.principal, String(args.id));
        return true;
      },
    }),
    addAddress: t.field({
      type: AddressRef,
      args: { input: t.arg({ type: AddAddressInput, required: true }) },
      resolve: (_root, args, context) => createAddress(context.principal, withoutNulls(args.input)),
    }),
    deleteAddress: t.boolean({
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteAddress(context.principal, String(args.id));
        return true;
      },
    }),
    addToCart: t.field({
      type: CartLineRef,
      args: { serviceId: t.arg.id({ required: true }), carId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => addCartLine(context.principal, { serviceId: String(args.serviceId), carId: String(args.carId) }),
    }),
    removeFromCart: t.boolean({
      args: { lineId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await removeCartLine(context.principal, String(args.lineId));
        return true;
      },
    }),
    clearCart: t.boolean({
      args: { customerId: t.arg.string() },
      resolve: async (_root, args, context) => {
        await clearCart(context.principal, withoutNulls({ customerId: args.customerId }));
        return true;
      },
    }),
    acceptCartPrices: t.field({
      type: CartRef,
      description: "Accept today's prices for every line (POST /api/v1/cart/reprice).",
      args: { customerId: t.arg.string() },
      resolve: (_root, args, context) => repriceCart(context.principal, withoutNulls({ customerId: args.customerId })),
    }),
  }));
}



// ── bookings, slots and support queries ──
function bookingGraphQL(_parts: GraphQLParts): void {}
