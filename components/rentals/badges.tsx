import {
  RENTAL_STATUS_LABELS,
  VEHICLE_STATUS_LABELS,
  type RentalStatusName,
  type VehicleStatusName,
} from "@/lib/modules/rentals/vocabulary";

const badge = "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium";

const RENTAL_TONES: Record<RentalStatusName, string> = {
  PENDING: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  APPROVED: "bg-brand-soft text-ink",
  REJECTED: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  ACTIVE: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  COMPLETED: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  CANCELLED: "border border-line text-ink-muted",
};

const VEHICLE_TONES: Record<VehicleStatusName, string> = {
  AVAILABLE: "bg-brand-soft text-ink",
  RENTED: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  MAINTENANCE: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  RETIRED: "border border-line text-ink-muted",
};

export function RentalStatusBadge({ status }: { status: RentalStatusName }) {
  return (
    <span className={`${badge} ${RENTAL_TONES[status]}`} data-testid="rental-status" data-status={status}>
      {RENTAL_STATUS_LABELS[status]}
    </span>
  );
}

export function VehicleStatusBadge({ status }: { status: VehicleStatusName }) {
  return (
    <span className={`${badge} ${VEHICLE_TONES[status]}`} data-testid="vehicle-status" data-status={status}>
      {VEHICLE_STATUS_LABELS[status]}
    </span>
  );
}
