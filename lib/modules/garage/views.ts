/**
 * The JSON shapes the garage returns (API, pages, event payloads), as zod schemas (the
 * OpenAPI document and the tests' response checks read them) with their types derived.
 * Money fields end in `Minor` (integer minor units of GARAGE_CURRENCY).
 */
import { z } from "zod";

export const instant = z.iso.datetime();
export const calendarDate = z.iso.date();

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──



// ── customers: cars, addresses, cart, favourites ──



// ── bookings, slots and support queries ──
