import type { z } from "zod";
import { noParameters } from "../../validation";
import {
  AUTHENTICATED_ERRORS,
  JSON_BODY_ERRORS,
  NO_CONTENT,
  errorResponses,
  jsonResponse,
  listResponse,
  type ApiOperation,
} from "../../openapi/operation";
import {
  areaInputSchema,
  areaListQuerySchema,
  areaUpdateSchema,
  carModelInputSchema,
  carModelListQuerySchema,
  carModelUpdateSchema,
  contentListQuerySchema,
  contentUpdateSchema,
  favouriteInputSchema,
  favouriteListQuerySchema,
  gstRateUpdateSchema,
  priceChartInputSchema,
  priceChartListQuerySchema,
  priceChartUpdateSchema,
  serviceCategoryInputSchema,
  serviceCategoryListQuerySchema,
  serviceCategoryUpdateSchema,
  serviceInputSchema,
  serviceListQuerySchema,
  servicePriceQuerySchema,
  serviceUpdateSchema,
} from "./schemas";
import {
  areaViewSchema,
  carModelViewSchema,
  contentPageViewSchema,
  favouriteViewSchema,
  gstRateViewSchema,
  priceChartEntryViewSchema,
  serviceCategoryViewSchema,
  servicePriceViewSchema,
  serviceViewSchema,
} from "./views";

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
const CATALOGUE = "Garage: catalogue";
const PRICES = "Garage: price chart";
const SHOP = "Garage: shop settings and pages";
const FAVOURITES = "Garage: favourites";
const READERS_SEE_ACTIVE = "Customers and mechanics see active services only; an inactive one answers 404 for them.";

/** List, create, read, change and delete of one catalogue resource (admin writes, the matrix's readers read). */
function crudOperations(spec: {
  collection: string;
  resource: "SERVICE_CATEGORIES" | "SERVICES" | "CARS" | "PRICE_CHART" | "AREAS";
  tag: string;
  noun: string;
  name: string;
  /** The list's operation id and summary, when not the name and noun with an "s". */
  list?: { operationId: string; summary: string };
  view: z.ZodType;
  listQuery: z.ZodObject;
  input: z.ZodType;
  update: z.ZodType;
  deleteNote: string;
  description?: string;
}): ApiOperation[] {
  const base = `/api/v1/${spec.collection}` as const;
  const item = `${base}/{id}` as const;
  const extra = spec.description ? { description: spec.description } : {};
  return [
    {
      method: "GET",
      path: base,
      operationId: spec.list?.operationId ?? `list${spec.name}s`,
      tag: spec.tag,
      summary: spec.list?.summary ?? `${spec.noun}s`,
      ...extra,
      security: "bearer",
      scopes: [`READ:${spec.resource}`],
      query: spec.listQuery,
      responses: { 200: listResponse(`One page of ${spec.noun.toLowerCase()}s.`, spec.view), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "POST",
      path: base,
      operationId: `create${spec.name}`,
      tag: spec.tag,
      summary: `Add a ${spec.noun.toLowerCase()}`,
      security: "bearer",
      scopes: [`WRITE:${spec.resource}`],
      body: { schema: spec.input },
      responses: { 201: jsonResponse(`The new ${spec.noun.toLowerCase()}.`, spec.view), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
    },
    {
      method: "GET",
      path: item,
      operationId: `get${spec.name}`,
      tag: spec.tag,
      summary: `One ${spec.noun.toLowerCase()}`,
      ...extra,
      security: "bearer",
      scopes: [`READ:${spec.resource}`],
      responses: { 200: jsonResponse(`The ${spec.noun.toLowerCase()}.`, spec.view), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
    },
    {
      method: "PATCH",
      path: item,
      operationId: `update${spec.name}`,
      tag: spec.tag,
      summary: `Change a ${spec.noun.toLowerCase()}`,
      security: "bearer",
      scopes: [`UPDATE:${spec.resource}`],
      body: { schema: spec.update },
      responses: { 200: jsonResponse(`The ${spec.noun.toLowerCase()}.`, spec.view), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
    },
    {
      method: "DELETE",
      path: item,
      operationId: `delete${spec.name}`,
      tag: spec.tag,
      summary: `Remove a ${spec.noun.toLowerCase()} (${spec.deleteNote})`,
      security: "bearer",
      scopes: [`DELETE:${spec.resource}`],
      responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
    },
  ];
}

const catalogueOperations: readonly ApiOperation[] = [
  ...crudOperations({
    collection: "service-categories",
    resource: "SERVICE_CATEGORIES",
    tag: CATALOGUE,
    noun: "Service category",
    name: "ServiceCategory",
    list: { operationId: "listServiceCategories", summary: "Service categories" },
    view: serviceCategoryViewSchema,
    listQuery: serviceCategoryListQuerySchema,
    input: serviceCategoryInputSchema,
    update: serviceCategoryUpdateSchema,
    deleteNote: "refused while it has services",
  }),
  ...crudOperations({
    collection: "services",
    resource: "SERVICES",
    tag: CATALOGUE,
    noun: "Service",
    name: "Service",
    view: serviceViewSchema,
    listQuery: serviceListQuerySchema,
    input: serviceInputSchema,
    update: serviceUpdateSchema,
    deleteNote: "booked services keep their snapshot",
    description: `\`q\` searches name and description without case; \`category\` is a category's slug. ${READERS_SEE_ACTIVE}`,
  }),
  {
    method: "GET",
    path: "/api/v1/services/{id}/price",
    operationId: "getServicePrice",
    tag: PRICES,
    summary: "What a service costs for a car or a car model on a day",
    description:
      "Exactly one of `carId` (a customer's car; customers price only their own) and `carModelId`. `date` defaults to today on the shop's clock. The chart's row for the model beats its segment's row, which beats the service's base price.",
    security: "bearer",
    scopes: ["READ:PRICE_CHART"],
    ownRows: true,
    query: servicePriceQuerySchema,
    responses: { 200: jsonResponse("The price, its tax and where it came from.", servicePriceViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 422) },
  },
  ...crudOperations({
    collection: "car-models",
    resource: "CARS",
    tag: CATALOGUE,
    noun: "Car model",
    name: "CarModel",
    view: carModelViewSchema,
    listQuery: carModelListQuerySchema,
    input: carModelInputSchema,
    update: carModelUpdateSchema,
    deleteNote: "refused while customers' cars are of it",
  }),
  ...crudOperations({
    collection: "price-chart",
    resource: "PRICE_CHART",
    tag: PRICES,
    noun: "Price chart row",
    name: "PriceChartEntry",
    list: { operationId: "listPriceChart", summary: "The price chart" },
    view: priceChartEntryViewSchema,
    listQuery: priceChartListQuerySchema,
    input: priceChartInputSchema,
    update: priceChartUpdateSchema,
    deleteNote: "prices fall back to the segment's row or the base price",
    description: "A row names a car model or a segment; it applies from `validFrom` until the day before `validUntil`. Rows of one service and model (or segment) never overlap (409).",
  }),
  ...crudOperations({
    collection: "areas",
    resource: "AREAS",
    tag: SHOP,
    noun: "Area",
    name: "GarageArea",
    view: areaViewSchema,
    listQuery: areaListQuerySchema,
    input: areaInputSchema,
    update: areaUpdateSchema,
    deleteNote: "refused while addresses are in it",
  }),
  {
    method: "GET",
    path: "/api/v1/gst",
    operationId: "listGstRates",
    tag: SHOP,
    summary: "GST rates",
    security: "bearer",
    scopes: ["READ:GST"],
    query: noParameters,
    responses: { 200: listResponse("Every GST rate.", gstRateViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "PATCH",
    path: "/api/v1/gst/{code}",
    operationId: "updateGstRate",
    tag: SHOP,
    summary: "Change a GST rate (applies to bookings made afterwards)",
    security: "bearer",
    scopes: ["UPDATE:GST"],
    body: { schema: gstRateUpdateSchema },
    responses: { 200: jsonResponse("The rate.", gstRateViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS) },
  },
  {
    method: "GET",
    path: "/api/v1/content",
    operationId: "listContentPages",
    tag: SHOP,
    summary: "The shop's pages (public)",
    description: "Anyone may read them, signed out too; credentials that are sent must still be valid.",
    security: "none",
    scopes: [],
    query: contentListQuerySchema,
    responses: { 200: listResponse("Every page, with its Markdown and the HTML rendered from it.", contentPageViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "GET",
    path: "/api/v1/content/{slug}",
    operationId: "getContentPage",
    tag: SHOP,
    summary: "One of the shop's pages (public)",
    description: "Anyone may read it, signed out too; credentials that are sent must still be valid. Raw HTML is escaped and dangerous link protocols dropped.",
    security: "none",
    scopes: [],
    responses: { 200: jsonResponse("The page.", contentPageViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
  {
    method: "PATCH",
    path: "/api/v1/content/{slug}",
    operationId: "updateContentPage",
    tag: SHOP,
    summary: "Edit a page (Markdown)",
    security: "bearer",
    scopes: ["UPDATE:CONTENT"],
    body: { schema: contentUpdateSchema },
    responses: { 200: jsonResponse("The page.", contentPageViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS) },
  },
  {
    method: "GET",
    path: "/api/v1/favourites",
    operationId: "listFavourites",
    tag: FAVOURITES,
    summary: "Starred services",
    description: "The caller's own; staff may name a customer with `customerId` (a customer naming someone else: 404).",
    security: "bearer",
    scopes: ["READ:FAVOURITES"],
    ownRows: true,
    query: favouriteListQuerySchema,
    responses: { 200: listResponse("One page of starred services.", favouriteViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 422) },
  },
  {
    method: "POST",
    path: "/api/v1/favourites",
    operationId: "addFavourite",
    tag: FAVOURITES,
    summary: "Star a service (idempotent)",
    security: "bearer",
    scopes: ["WRITE:FAVOURITES"],
    ownRows: true,
    body: { schema: favouriteInputSchema },
    responses: {
      200: jsonResponse("Already starred: the same row.", favouriteViewSchema),
      201: jsonResponse("Starred.", favouriteViewSchema),
      ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS),
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/favourites/{serviceId}",
    operationId: "removeFavourite",
    tag: FAVOURITES,
    summary: "Unstar a service",
    security: "bearer",
    scopes: ["DELETE:FAVOURITES"],
    ownRows: true,
    responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
];



// ── customers: cars, addresses, cart, favourites ──
const customerOperations: readonly ApiOperation[] = [];



// ── bookings, slots and support queries ──
const bookingOperations: readonly ApiOperation[] = [];

/** The garage's REST operations. */
export const garageOperations: readonly ApiOperation[] = [...catalogueOperations, ...customerOperations, ...bookingOperations];
