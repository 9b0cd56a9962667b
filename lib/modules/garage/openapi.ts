import type { ApiOperation } from "../../openapi/operation";

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
const catalogueOperations: readonly ApiOperation[] = [];



// ── customers: cars, addresses, cart, favourites ──
const customerOperations: readonly ApiOperation[] = [];



// ── bookings, slots and support queries ──
const bookingOperations: readonly ApiOperation[] = [];

/** The garage's REST operations. */
export const garageOperations: readonly ApiOperation[] = [...catalogueOperations, ...customerOperations, ...bookingOperations];
