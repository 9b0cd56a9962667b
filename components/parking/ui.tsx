import type { ReactNode } from "react";
import type { ReservationView } from "@/lib/modules/parking/views";
import { RESERVATION_STATUS_LABELS, SPOT_STATUS_LABELS, type SpotStatus } from "@/lib/modules/parking/vocabulary";

/** Shared looks of the parking pages; colours come from the design tokens or carry their dark variant. */

const secondaryButtonBase =
  "inline-flex items-center justify-center rounded-full border border-line bg-surface-raised text-sm font-medium transition hover:border-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-wait disabled:opacity-60";
const dangerButtonBase =
  "inline-flex items-center justify-center rounded-full bg-red-700 text-sm font-medium text-white transition hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-wait disabled:opacity-60 dark:bg-red-500 dark:text-red-950 dark:hover:bg-red-400";

export const secondaryButtonClass = `${secondaryButtonBase} px-4 py-2`;
export const smallSecondaryButtonClass = `${secondaryButtonBase} px-3 py-1`;
export const smallDangerButtonClass = `${dangerButtonBase} px-3 py-1`;

export const linkClass = "font-medium text-brand underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand";

export const selectClass =
  "mt-1 block w-full rounded-lg border border-line bg-surface px-3 py-2 text-ink focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30";

const STATUS_STYLES: Record<SpotStatus, string> = {
  "free-now": "bg-brand-soft text-ink",
  "reserved-now": "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  "free-later-today": "bg-blue-100 text-blue-900 dark:bg-blue-900/40 dark:text-blue-200",
  "not-offered": "bg-surface text-ink-muted border border-line",
};

export function SpotStatusBadge({ status }: { status: SpotStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`} data-status={status}>
      {SPOT_STATUS_LABELS[status]}
    </span>
  );
}

const RESERVATION_STYLES: Record<ReservationView["status"], string> = {
  CONFIRMED: "bg-brand-soft text-ink",
  ACTIVE: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  COMPLETED: "bg-surface text-ink-muted border border-line",
  CANCELLED: "bg-surface text-ink-muted border border-line",
};

export function ReservationStatusBadge({ status }: { status: ReservationView["status"] }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${RESERVATION_STYLES[status]}`}
      data-testid="reservation-status"
    >
      {RESERVATION_STATUS_LABELS[status]}
    </span>
  );
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      {children && <p className="mt-2 max-w-prose text-ink-muted">{children}</p>}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-card border border-dashed border-line px-4 py-6 text-center text-sm text-ink-muted">{children}</p>;
}
