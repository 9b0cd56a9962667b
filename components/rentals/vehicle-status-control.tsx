"use client";

import { useActionState } from "react";
import type { RowAction } from "@/components/ui/action-button";
import { smallButtonClass } from "@/components/ui/buttons";
import { errorTextClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import { SETTABLE_VEHICLE_STATUSES, VEHICLE_STATUS_LABELS, type VehicleStatusName } from "@/lib/modules/rentals/vocabulary";

/** Status select and "Set" in one row of the fleet board; the error (e.g. vehicle out on a rental) stays in place. */
export function VehicleStatusControl({ action, vehicleId, vehicleName, status }: { action: RowAction; vehicleId: string; vehicleName: string; status: VehicleStatusName }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const selectId = `status-${vehicleId}`;
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={vehicleId} />
      <div className="flex items-center gap-1.5">
        <label htmlFor={selectId} className="sr-only">
          Status of {vehicleName}
        </label>
        <select
          id={selectId}
          name="status"
          defaultValue={status === "RENTED" ? "AVAILABLE" : status}
          key={status}
          disabled={status === "RENTED"}
          className="rounded-full border border-line bg-surface px-2 py-1 text-xs text-ink focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30 disabled:opacity-60"
        >
          {SETTABLE_VEHICLE_STATUSES.map((option) => (
            <option key={option} value={option}>
              {VEHICLE_STATUS_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending || status === "RENTED"} className={smallButtonClass} aria-label={`Set the status of ${vehicleName}`}>
          {pending ? "Saving…" : "Set"}
        </button>
      </div>
      <p aria-live="polite" className={`max-w-56 text-right text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
        {status === "RENTED" ? "Out on a rental" : state.status === "error" ? state.message : null}
      </p>
    </form>
  );
}
