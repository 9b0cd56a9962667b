import type { ApiOperation } from "../../openapi/operation";

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
const catalogueOperations: readonly ApiOperation[] = [];



// ── customers: cars, addresses, cart, favourites ──
import { AUTHENTICATED_ERRORS, JSON_BODY_ERRORS, NO_CONTENT, errorResponses, jsonResponse, listResponse } from "../../openapi/operation";
import {
  addressInputSchema,
  addressListQuerySchema,
  addressUpdateSchema,
  cartLineInputSchema,
  cartLineMoveSchema,
  cartOwnerQuerySchema,
  customerCarInputSchema,
  customerCarListQuerySchema,
  customerCarUpdateSchema,
} from "./schemas";
import type { ZodObject, ZodType } from "zod";
import { addressViewSchema, cartLineViewSchema, cartViewSchema, customerCarViewSchema } from "./views";

const CARS = "Garage: customer cars";
const ADDRESSES = "Garage: addresses";
const CART = "Garage: cart";

function customerResource(
  tag: string,
  path: `/api/v1/${string}`,
  resource: "CUSTOMER_CARS" | "ADDRESSES",
  names: { list: string; create: string; get: string; update: string; remove: string; thing: string },
  schemas: { view: ZodType; input: ZodType; update: ZodType; query: ZodObject },
  notes: { create: string; update: string; remove: string },
): ApiOperation[] {
  return [
    {
      method: "GET",
      path,
      operationId: names.list,
      tag,
      summary: `${names.thing}s: a customer's own, or (staff) everyone's`,
      security: "bearer",
      scopes: [`READ:${resource}`],
      ownRows: true,
      query: schemas.query,
      responses: { 200: listResponse(`One page of ${names.thing.toLowerCase()}s.`, schemas.view), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "POST",
      path,
      operationId: names.create,
      tag,
      summary: `Add a ${names.thing.toLowerCase()}`,
      description: notes.create,
      security: "bearer",
      scopes: [`WRITE:${resource}`],
      body: { schema: schemas.input },
      responses: { 201: jsonResponse(`The new ${names.thing.toLowerCase()}.`, schemas.view), ...errorResponses(...AUTHENTICATED_ERRORS, 409, ...JSON_BODY_ERRORS) },
    },
    {
      method: "GET",
      path: `${path}/{id}`,
      operationId: names.get,
      tag,
      summary: `One ${names.thing.toLowerCase()}`,
      security: "bearer",
      scopes: [`READ:${resource}`],
      ownRows: true,
      responses: { 200: jsonResponse(`The ${names.thing.toLowerCase()}.`, schemas.view), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
    },
    {
      method: "PATCH",
      path: `${path}/{id}`,
      operationId: names.update,
      tag,
      summary: `Change a ${names.thing.toLowerCase()}`,
      description: notes.update,
      security: "bearer",
      scopes: [`UPDATE:${resource}`],
      ownRows: true,
      body: { schema: schemas.update },
      responses: { 200: jsonResponse(`The ${names.thing.toLowerCase()}.`, schemas.view), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
    },
    {
      method: "DELETE",
      path: `${path}/{id}`,
      operationId: names.remove,
      tag,
      summary: `Remove a ${names.thing.toLowerCase()}`,
      description: notes.remove,
      security: "bearer",
      scopes: [`DELETE:${resource}`],
      ownRows: true,
      responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
    },
  ];
}

const customerOperations: readonly ApiOperation[] = [
  ...customerResource(
    CARS,
    "/api/v1/customer-cars",
    "CUSTOMER_CARS",
    { list: "listCustomerCars", create: "createCustomerCar", get: "getCustomerCar", update: "updateCustomerCar", remove: "deleteCustomerCar", thing: "Car" },
    { view: customerCarViewSchema, input: customerCarInputSchema, update: customerCarUpdateSchema, query: customerCarListQuerySchema },
    {
      create: "Plates compare without case, spaces, dashes or dots and are unique across the system (409), as are VINs. Staff name the owner (a customer account).",
      update: "The odometer may not go down (422).",
      remove: "Refused (409) while the car has open bookings.",
    },
  ),
  ...customerResource(
    ADDRESSES,
    "/api/v1/addresses",
    "ADDRESSES",
    { list: "listAddresses", create: "createAddress", get: "getAddress", update: "updateAddress", remove: "deleteAddress", thing: "Address" },
    { view: addressViewSchema, input: addressInputSchema, update: addressUpdateSchema, query: addressListQuerySchema },
    {
      create: "The area must be one the garage serves (active). Staff name the owner (a customer account).",
      update: "The area must be one the garage serves (active).",
      remove: "Bookings that used the address keep their text copy.",
    },
  ),
  {
    method: "GET",
    path: "/api/v1/cart",
    operationId: "getCart",
    tag: CART,
    summary: "The cart, re-priced now",
    description: "Every line is priced for its car today; `priceChanged` flags lines whose price moved since it was shown. Staff may read a customer's cart with `customerId`.",
    security: "bearer",
    scopes: ["READ:CART"],
    ownRows: true,
    query: cartOwnerQuerySchema,
    responses: { 200: jsonResponse("The cart.", cartViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "POST",
    path: "/api/v1/cart",
    operationId: "addCartLine",
    tag: CART,
    summary: "Add a service for one of your cars at today's price",
    description: "The same service for the same car twice, or more than GARAGE_MAX_CART_LINES lines, is a 409. Staff add to the car owner's cart.",
    security: "bearer",
    scopes: ["WRITE:CART"],
    body: { schema: cartLineInputSchema },
    responses: { 201: jsonResponse("The new line.", cartLineViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "DELETE",
    path: "/api/v1/cart",
    operationId: "clearCart",
    tag: CART,
    summary: "Empty the cart",
    security: "bearer",
    scopes: ["DELETE:CART"],
    ownRows: true,
    query: cartOwnerQuerySchema,
    responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "POST",
    path: "/api/v1/cart/reprice",
    operationId: "repriceCart",
    tag: CART,
    summary: "Accept today's prices for every line",
    security: "bearer",
    scopes: ["WRITE:CART"],
    ownRows: true,
    query: cartOwnerQuerySchema,
    responses: { 200: jsonResponse("The cart at its accepted prices.", cartViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "PATCH",
    path: "/api/v1/cart/{lineId}",
    operationId: "moveCartLine",
    tag: CART,
    summary: "Move a line to another car of the same customer, re-priced",
    security: "bearer",
    scopes: ["UPDATE:CART"],
    scopeNote: "Admins only (the matrix gives Cart Update to no other role).",
    body: { schema: cartLineMoveSchema },
    responses: { 200: jsonResponse("The line.", cartLineViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "DELETE",
    path: "/api/v1/cart/{lineId}",
    operationId: "removeCartLine",
    tag: CART,
    summary: "Remove one line",
    security: "bearer",
    scopes: ["DELETE:CART"],
    ownRows: true,
    responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
];



// ── bookings, slots and support queries ──
const bookingOperations: readonly ApiOperation[] = [];

/** The garage's REST operations. */
export const garageOperations: readonly ApiOperation[] = [...catalogueOperations, ...customerOperations, ...bookingOperations];
