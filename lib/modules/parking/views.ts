import type { CreditTransactionKind, ReservationStatus, SpotKind } from "../../generated/prisma/client";

export interface WindowView {
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface ReservationTimes {
  startsAt: string;
  endsAt: string;
  status: ReservationStatus;
}

export interface SpotView {
  id: string;
  label: string;
  zone: string;
  description: string;
  kind: SpotKind;
  owner: { id: string; name: string };
  /** Derived: inside a published window and no live reservation now. */
  availableNow: boolean;
  /** Windows that have not ended yet, in order. */
  availability: WindowView[];
  nextReservation: ReservationTimes | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReservationView {
  id: string;
  spot: { id: string; label: string; zone: string; kind: SpotKind };
  reserver: { id: string; name: string };
  owner: { id: string; name: string };
  startsAt: string;
  endsAt: string;
  status: ReservationStatus;
  cost: number;
  settledAt: string | null;
  cancelledAt: string | null;
  cancelledById: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface CreditTransactionView {
  id: string;
  kind: CreditTransactionKind;
  amount: number;
  balanceAfter: number;
  reservationId: string | null;
  createdAt: string;
}

export interface CreditsView {
  balance: number;
  escrow: number;
  transactions: CreditTransactionView[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: string | null;
}

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
export interface AvailabilityView {
  spotId: string;
  from: string;
  to: string;
  windows: Array<{ id: string; startsAt: string; endsAt: string }>;
  /** Live reservations in the range: times only, so others' bookings stay private. */
  busy: Array<{ startsAt: string; endsAt: string; status: string }>;
}

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
