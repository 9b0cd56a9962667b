/**
 * The garage's inputs: the zod schemas its services validate with, and the fields of
 * its forms (a 422 on one of them is shown next to it).
 */
import { z } from "zod";

export const calendarDateInput = z.iso.date("must be a date YYYY-MM-DD");

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──



// ── customers: cars, addresses, cart, favourites ──



// ── bookings, slots and support queries ──
