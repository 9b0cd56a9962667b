import { z } from "zod";
import type { CreditTransactionKind } from "../../generated/prisma/client";
import { RESERVATION_STATUSES, SPOT_KINDS } from "./vocabulary";

/**
 * The JSON shapes parking returns, as zod schemas (the OpenAPI document and the tests'
 * response checks read them) with their TypeScript types derived from them.
 */

const CREDIT_TRANSACTION_KINDS = ["ESCROW_HOLD", "SETTLEMENT", "REFUND"] as const satisfies readonly CreditTransactionKind[];
const instant = z.iso.datetime();
const person = z.strictObject({ id: z.string(), name: z.string() });

export const windowViewSchema = z.strictObject({ id: z.string(), startsAt: instant, endsAt: instant }).meta({ title: "WindowView" });
export type WindowView = z.infer<typeof windowViewSchema>;

export const reservationTimesSchema = z.strictObject({ startsAt: instant, endsAt: instant, status: z.enum(RESERVATION_STATUSES) }).meta({ title: "ReservationTimes" });
export type ReservationTimes = z.infer<typeof reservationTimesSchema>;

export const spotViewSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  zone: z.string(),
  description: z.string(),
  kind: z.enum(SPOT_KINDS),
  owner: person,
  availableNow: z.boolean().describe("Inside a published window and no live reservation now."),
  availability: z.array(windowViewSchema).describe("Windows that have not ended yet, in order."),
  nextReservation: reservationTimesSchema.nullable(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ title: "SpotView" });
export type SpotView = z.infer<typeof spotViewSchema>;

export const reservationViewSchema = z.strictObject({
  id: z.string(),
  spot: z.strictObject({ id: z.string(), label: z.string(), zone: z.string(), kind: z.enum(SPOT_KINDS) }),
  reserver: person,
  owner: person,
  startsAt: instant,
  endsAt: instant,
  status: z.enum(RESERVATION_STATUSES),
  cost: z.number().int(),
  settledAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelledById: z.string().nullable(),
  completedAt: instant.nullable(),
  createdAt: instant,
}).meta({ title: "ReservationView" });
export type ReservationView = z.infer<typeof reservationViewSchema>;

export const creditTransactionViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(CREDIT_TRANSACTION_KINDS),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  reservationId: z.string().nullable(),
  createdAt: instant,
}).meta({ title: "CreditTransactionView" });
export type CreditTransactionView = z.infer<typeof creditTransactionViewSchema>;

export const creditsViewSchema = z.strictObject({
  balance: z.number().int(),
  escrow: z.number().int(),
  transactions: z.array(creditTransactionViewSchema),
  nextBefore: z.string().nullable().describe("Pass as `before` for the next (older) page; null at the end."),
}).meta({ title: "CreditsView" });
export type CreditsView = z.infer<typeof creditsViewSchema>;

/** `credit_events` payload of a credit move (escrow hold, settlement, refund): the balance and escrow after it. */
export interface CreditMoveView {
  userId: string;
  transactionId: string;
  kind: CreditTransactionKind;
  amount: number;
  balance: number;
  escrow: number;
  reservationId: string;
}

/** `credit_events` payload when a departing member's balance goes to the community pool. */
export interface CreditPooledView {
  userId: string;
  amount: number;
  poolBalance: number;
}

/** `GET /spots/{id}/availability`: windows and busy periods in a range. */
export const availabilityViewSchema = z.strictObject({
  spotId: z.string(),
  from: instant,
  to: instant,
  windows: z.array(windowViewSchema),
  busy: z
    .array(z.strictObject({ startsAt: instant, endsAt: instant, status: z.string() }))
    .describe("Live reservations in the range: times only, so others' bookings stay private."),
}).meta({ title: "AvailabilityView" });
export type AvailabilityView = z.infer<typeof availabilityViewSchema>;

/**
 * The credit books at one instant, in one SQL statement (so one snapshot): what the
 * members hold, what sits in escrow, what departed members left in the community pool,
 * and what was ever handed out. The invariant is `held === issued`.
 */
export interface CreditSheet {
  balances: number;
  escrow: number;
  pool: number;
  customers: number;
  departedCustomers: number;
  /** balances + escrow + pool. */
  held: number;
  /** STARTING_CREDITS × (customers + departed customers). */
  issued: number;
}

/** What one run of the reservation lifecycle job moved along. */
export interface LifecycleResult {
  activated: number;
  completed: number;
}
