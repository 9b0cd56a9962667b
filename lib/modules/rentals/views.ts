/**
 * The JSON shapes the rental module returns (API, pages, event payloads), as zod schemas
 * (the OpenAPI document and the tests' response checks read them) with their types derived.
 */
import { z } from "zod";
import { RENTAL_STATUSES, VEHICLE_STATUSES, VEHICLE_TYPES, FUELS, TRANSMISSIONS } from "./vocabulary";

const instant = z.iso.datetime();
const calendarDate = z.iso.date();

export const branchViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  city: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "BranchView" });
export type BranchView = z.infer<typeof branchViewSchema>;

export const vehicleViewSchema = z.strictObject({
  id: z.string(),
  make: z.string(),
  model: z.string(),
  year: z.number().int(),
  type: z.enum(VEHICLE_TYPES),
  plate: z.string(),
  seats: z.number().int(),
  transmission: z.enum(TRANSMISSIONS),
  fuel: z.enum(FUELS),
  dailyPrice: z.number(),
  branchId: z.string(),
  branch: z.strictObject({ id: z.string(), name: z.string(), city: z.string(), active: z.boolean() }),
  photoUrl: z.string().nullable(),
  status: z.enum(VEHICLE_STATUSES),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "VehicleView" });
export type VehicleView = z.infer<typeof vehicleViewSchema>;

/** A period a vehicle is already taken for (an approved or active rental), `[startDate, endDate)`. */
export const bookedPeriodSchema = z.strictObject({ startDate: calendarDate, endDate: calendarDate }).meta({ title: "BookedPeriod" });
export type BookedPeriod = z.infer<typeof bookedPeriodSchema>;

export const rentalHistoryEntrySchema = z.strictObject({
  fromStatus: z.enum(RENTAL_STATUSES).nullable(),
  status: z.enum(RENTAL_STATUSES),
  at: instant,
  actorId: z.string().nullable(),
  actorName: z.string(),
  note: z.string().nullable(),
}).meta({ title: "RentalHistoryEntry" });
export type RentalHistoryEntry = z.infer<typeof rentalHistoryEntrySchema>;

export const rentalViewSchema = z.strictObject({
  id: z.string(),
  vehicleId: z.string(),
  vehicle: z.strictObject({
    id: z.string(),
    make: z.string(),
    model: z.string(),
    year: z.number().int(),
    type: z.enum(VEHICLE_TYPES),
    plate: z.string(),
    photoUrl: z.string().nullable(),
    status: z.enum(VEHICLE_STATUSES),
    branch: z.strictObject({ id: z.string(), name: z.string(), city: z.string() }),
  }),
  customerId: z.string().nullable(),
  customer: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  startDate: calendarDate,
  endDate: calendarDate,
  days: z.number().int(),
  status: z.enum(RENTAL_STATUSES),
  dailyPrice: z.number(),
  totalPrice: z.number(),
  lateDays: z.number().int(),
  lateFee: z.number(),
  amountDue: z.number().describe("totalPrice + lateFee."),
  rejectionReason: z.string().nullable(),
  pickedUpAt: instant.nullable(),
  returnedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  history: z.array(rentalHistoryEntrySchema),
}).meta({ title: "RentalView" });
export type RentalView = z.infer<typeof rentalViewSchema>;
