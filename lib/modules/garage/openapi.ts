import { z } from "zod";
import { AUTHENTICATED_ERRORS, JSON_BODY_ERRORS, NO_CONTENT, errorResponses, jsonResponse, listResponse, type ApiOperation } from "../../openapi/operation";
import {
  bookingCancelSchema,
  bookingInputSchema,
  bookingListQuerySchema,
  bookingUpdateSchema,
  myBookingsQuerySchema,
  slotQuerySchema,
  supportQueryInputSchema,
  supportQueryListQuerySchema,
  supportQueryUpdateSchema,
} from "./schemas";
import {
  bookedServiceViewSchema,
  bookingConflictSchema,
  bookingDetailViewSchema,
  bookingViewSchema,
  garageSlotViewSchema,
  supportQueryViewSchema,
} from "./views";

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
const catalogueOperations: readonly ApiOperation[] = [];



// ── customers: cars, addresses, cart, favourites ──
const customerOperations: readonly ApiOperation[] = [];



// ── bookings, slots and support queries ──
const BOOKINGS = "Garage: bookings";
const QUERIES = "Garage: support queries";
const OWN_BOOKINGS = "Customers: their own bookings only (another customer's answers 404).";

const bookingOperations: readonly ApiOperation[] = [
  {
    method: "GET",
    path: "/api/v1/garage/slots",
    operationId: "listGarageSlots",
    tag: BOOKINGS,
    summary: "Free drop-off slots of a day",
    description: "The slots of `date` that can take `minutes` of labour: in the future and the booking horizon, a bay free, the work ending by closing time and within the day's remaining capacity. Empty on a closed day.",
    security: "bearer",
    scopes: ["READ:BOOKINGS"],
    query: slotQuerySchema,
    responses: { 200: jsonResponse("The free slots, earliest first.", z.array(garageSlotViewSchema)), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "GET",
    path: "/api/v1/bookings",
    operationId: "listBookings",
    tag: BOOKINGS,
    summary: "Bookings",
    security: "bearer",
    scopes: ["READ:BOOKINGS"],
    ownRows: true,
    scopeNote: OWN_BOOKINGS,
    query: bookingListQuerySchema,
    responses: { 200: listResponse("One page of bookings.", bookingViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "POST",
    path: "/api/v1/bookings",
    operationId: "createBooking",
    tag: BOOKINGS,
    summary: "Book a drop-off slot",
    description: "For one car, with either `serviceIds` or `fromCart: true` (the caller's cart lines for the car, removed once booked). Every line snapshots its price, GST and labour. Staff book for a customer with `customerId`.",
    security: "bearer",
    scopes: ["WRITE:BOOKINGS"],
    ownRows: true,
    body: { schema: bookingInputSchema },
    responses: {
      201: jsonResponse("The booking with its lines and history.", bookingDetailViewSchema),
      ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS),
      409: { description: "The slot is full or the work does not fit that day; the next free slots for the same work.", schema: bookingConflictSchema },
    },
  },
  {
    method: "GET",
    path: "/api/v1/bookings/customer",
    operationId: "listMyBookings",
    tag: BOOKINGS,
    summary: "My bookings",
    description: "The caller's own bookings with their car and status, newest slot first.",
    security: "bearer",
    scopes: ["READ:BOOKINGS"],
    query: myBookingsQuerySchema,
    responses: { 200: listResponse("One page of the caller's bookings.", bookingViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "GET",
    path: "/api/v1/bookings/{id}",
    operationId: "getBooking",
    tag: BOOKINGS,
    summary: "One booking with its lines and history",
    security: "bearer",
    scopes: ["READ:BOOKINGS"],
    ownRows: true,
    scopeNote: OWN_BOOKINGS,
    responses: { 200: jsonResponse("The booking.", bookingDetailViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
  {
    method: "PATCH",
    path: "/api/v1/bookings/{id}",
    operationId: "updateBooking",
    tag: BOOKINGS,
    summary: "Change a booking's notes or pick-up address",
    description: "While BOOKED (409 otherwise). Moving the slot is cancel and book again.",
    security: "bearer",
    scopes: ["UPDATE:BOOKINGS"],
    ownRows: true,
    scopeNote: OWN_BOOKINGS,
    body: { schema: bookingUpdateSchema },
    responses: { 200: jsonResponse("The booking.", bookingViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "DELETE",
    path: "/api/v1/bookings/{id}",
    operationId: "deleteBooking",
    tag: BOOKINGS,
    summary: "Delete a cancelled or delivered booking",
    security: "bearer",
    scopes: ["DELETE:BOOKINGS"],
    responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409) },
  },
  {
    method: "POST",
    path: "/api/v1/bookings/{id}/cancel",
    operationId: "cancelBooking",
    tag: BOOKINGS,
    summary: "Cancel a booking",
    description: "Customers their own while BOOKED; staff until work starts. Releases the bay. The body is optional.",
    security: "bearer",
    scopes: ["UPDATE:BOOKINGS"],
    ownRows: true,
    scopeNote: OWN_BOOKINGS,
    body: { schema: bookingCancelSchema },
    responses: { 200: jsonResponse("The cancelled booking.", bookingViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "GET",
    path: "/api/v1/bookings/{id}/services",
    operationId: "listBookedServices",
    tag: BOOKINGS,
    summary: "A booking's booked services",
    security: "bearer",
    scopes: ["READ:BOOKED_SERVICES"],
    ownRows: true,
    scopeNote: OWN_BOOKINGS,
    responses: { 200: jsonResponse("The booked lines with their price and tax snapshots.", z.array(bookedServiceViewSchema)), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
  {
    method: "GET",
    path: "/api/v1/queries",
    operationId: "listSupportQueries",
    tag: QUERIES,
    summary: "Support queries",
    security: "bearer",
    scopes: ["READ:QUERIES"],
    ownRows: true,
    query: supportQueryListQuerySchema,
    responses: { 200: listResponse("One page of queries, newest first.", supportQueryViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "POST",
    path: "/api/v1/queries",
    operationId: "openSupportQuery",
    tag: QUERIES,
    summary: "Ask the garage a question",
    description: "Optionally about one of the customer's bookings (another's answers 404). Customers open their own; staff name the customer with `customerId`.",
    security: "bearer",
    scopes: ["WRITE:QUERIES"],
    body: { schema: supportQueryInputSchema },
    responses: { 201: jsonResponse("The new query.", supportQueryViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS) },
  },
  {
    method: "GET",
    path: "/api/v1/queries/{id}",
    operationId: "getSupportQuery",
    tag: QUERIES,
    summary: "One support query",
    security: "bearer",
    scopes: ["READ:QUERIES"],
    ownRows: true,
    responses: { 200: jsonResponse("The query.", supportQueryViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
  {
    method: "PATCH",
    path: "/api/v1/queries/{id}",
    operationId: "answerSupportQuery",
    tag: QUERIES,
    summary: "Answer a query or change its status",
    description: "An answer sets ANSWERED (unless a status is given too); the customer hears it live.",
    security: "bearer",
    scopes: ["UPDATE:QUERIES"],
    body: { schema: supportQueryUpdateSchema },
    responses: { 200: jsonResponse("The query.", supportQueryViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, ...JSON_BODY_ERRORS) },
  },
];

/** The garage's REST operations. */
export const garageOperations: readonly ApiOperation[] = [...catalogueOperations, ...customerOperations, ...bookingOperations];
