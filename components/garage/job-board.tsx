"use client";

import Link from "next/link";
import { useActionState, useState, type DragEvent } from "react";
import { smallButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import type { WorkshopCardView } from "@/lib/modules/garage/views";
import { BOOKING_STATUS_LABELS, type BookingStatusName } from "@/lib/modules/garage/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type MoveField = "odometerKm" | "status";
type MoveAction = (previous: FormState<MoveField>, formData: FormData) => Promise<FormState<MoveField>>;

/** Moves that read the odometer: the card asks for it before moving. */
const NEEDS_ODOMETER = new Set<BookingStatusName>(["CHECKED_IN", "DELIVERED"]);

interface JobBoardProps {
  columns: readonly BookingStatusName[];
  cards: WorkshopCardView[];
  action: MoveAction;
  timeZone: string;
}

const time = (iso: string, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/**
 * The job board: a column per workshop status. Dragging a card onto a column it may move to,
 * or its "Move to …" buttons, is a status transition (check-in and delivery ask for the odometer).
 */
export function JobBoard({ columns, cards, action, timeZone }: JobBoardProps) {
  const [dragged, setDragged] = useState<WorkshopCardView | null>(null);
  const [asking, setAsking] = useState<{ card: WorkshopCardView; to: BookingStatusName } | null>(null);
  const [state, formAction, pending] = useActionState<FormState<MoveField>, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.status === "success") setAsking(null);
    return result;
  }, IDLE_FORM);

  const drop = (to: BookingStatusName) => (event: DragEvent) => {
    event.preventDefault();
    const card = dragged;
    setDragged(null);
    if (!card || !card.nextStatuses.includes(to)) return;
    if (NEEDS_ODOMETER.has(to)) {
      setAsking({ card, to });
      return;
    }
    const form = new FormData();
    form.set("id", card.id);
    form.set("status", to);
    form.set("odometerKm", "");
    formAction(form);
  };

  return (
    <div className="space-y-3">
      <p aria-live="polite" className={`min-h-5 text-sm ${state.status === "error" ? errorTextClass : "text-ink-muted"}`} data-testid="board-outcome">
        {pending ? "Moving…" : state.message}
      </p>
      {/* The columns scroll sideways: the region takes focus so a keyboard can scroll it too. */}
      <div
        role="region"
        aria-label="Job board columns"
        tabIndex={0}
        className="overflow-x-auto rounded-xl pb-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
      >
        <ol className="flex gap-3 max-sm:snap-x max-sm:snap-mandatory" aria-label="Workshop statuses">
          {columns.map((status) => {
            const inColumn = cards.filter((card) => card.status === status);
            const accepts = dragged?.nextStatuses.includes(status) ?? false;
            return (
              <li
                key={status}
                aria-labelledby={`column-${status}`}
                data-testid="board-column"
                data-status={status}
                onDragOver={(event) => accepts && event.preventDefault()}
                onDrop={drop(status)}
                className={`w-72 shrink-0 rounded-xl border p-2 max-sm:w-[85vw] max-sm:snap-start ${accepts ? "border-brand bg-brand/5" : "border-line bg-surface"}`}
              >
                <h2 id={`column-${status}`} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold">
                  {BOOKING_STATUS_LABELS[status]}
                  <span className="rounded-full bg-surface-raised px-2 text-xs text-ink-muted">{inColumn.length}</span>
                </h2>
                <ul className="space-y-2">
                  {inColumn.map((card) => (
                    <li
                      key={card.id}
                      draggable={card.mayMove && card.nextStatuses.length > 0}
                      onDragStart={() => setDragged(card)}
                      onDragEnd={() => setDragged(null)}
                      data-testid="board-card"
                      data-booking-id={card.id}
                      className={`rounded-lg border border-line bg-surface-raised p-3 text-sm shadow-sm ${card.mayMove ? "cursor-grab" : ""}`}
                    >
                      <p className="font-semibold">{card.carPlate}</p>
                      <p className="text-xs text-ink-muted">
                        {card.carDescription}
                        {card.customerName ? ` · ${card.customerName}` : ""}
                      </p>
                      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
                        <dt className="text-ink-muted">Promised</dt>
                        <dd>{card.promisedAt ? time(card.promisedAt, timeZone) : `drop-off ${time(card.slotStart, timeZone)}`}</dd>
                        <dt className="text-ink-muted">Labour</dt>
                        <dd data-testid="card-labour">
                          {card.labourMinutesDone} / {card.labourMinutesEstimated} min
                        </dd>
                        <dt className="text-ink-muted">Mechanics</dt>
                        <dd>{card.mechanics.length ? card.mechanics.map((mechanic) => mechanic.name).join(", ") : "Unassigned"}</dd>
                        {card.approval.pending + card.approval.approved + card.approval.declined > 0 && (
                          <>
                            <dt className="text-ink-muted">Approval</dt>
                            <dd data-testid="card-approval">
                              {card.approval.pending > 0 ? `${card.approval.pending} awaiting` : "all decided"}
                              {card.approval.approved > 0 ? ` · ${card.approval.approved} approved` : ""}
                              {card.approval.declined > 0 ? ` · ${card.approval.declined} declined` : ""}
                            </dd>
                          </>
                        )}
                      </dl>
                      {card.status !== "BOOKED" && (
                        <Link
                          href={`/admin/garage/bookings/${card.id}/inspection`}
                          className={`${smallButtonClass} mt-2 inline-flex min-h-11 items-center`}
                          aria-label={`Inspection of ${card.carPlate}`}
                        >
                          Inspection
                        </Link>
                      )}
                      {card.mayMove && card.nextStatuses.length > 0 && (
                        <div className="mt-2 flex flex-wrap gap-1.5">
                          {card.nextStatuses.map((to) =>
                            NEEDS_ODOMETER.has(to) ? (
                              <button key={to} type="button" className={`${smallButtonClass} min-h-11`} onClick={() => setAsking({ card, to })}>
                                {to === "CHECKED_IN" ? "Check in…" : "Deliver…"}
                              </button>
                            ) : (
                              <form key={to} action={formAction}>
                                <input type="hidden" name="id" value={card.id} />
                                <input type="hidden" name="status" value={to} />
                                <input type="hidden" name="odometerKm" value="" />
                                <button type="submit" disabled={pending} className={`${smallButtonClass} min-h-11`} aria-label={`Move ${card.carPlate} to ${BOOKING_STATUS_LABELS[to]}`}>
                                  → {BOOKING_STATUS_LABELS[to]}
                                </button>
                              </form>
                            ),
                          )}
                        </div>
                      )}
                      {asking?.card.id === card.id && (
                        <form action={formAction} className="mt-2 space-y-1.5" aria-label={`${BOOKING_STATUS_LABELS[asking.to]}: odometer`}>
                          <input type="hidden" name="id" value={card.id} />
                          <input type="hidden" name="status" value={asking.to} />
                          <label className="block text-xs font-medium">
                            Odometer (km)
                            <input name="odometerKm" inputMode="numeric" pattern="[0-9]*" required autoFocus className={`${inputClass} mt-1 min-h-11`} />
                          </label>
                          {state.fieldErrors?.odometerKm && <p className={`text-xs ${errorTextClass}`}>{state.fieldErrors.odometerKm}</p>}
                          <div className="flex gap-1.5">
                            <button type="submit" disabled={pending} className={`${smallStrongButtonClass} min-h-11`}>
                              {asking.to === "CHECKED_IN" ? "Check in" : "Deliver"}
                            </button>
                            <button type="button" className={`${smallButtonClass} min-h-11`} onClick={() => setAsking(null)}>
                              Cancel
                            </button>
                          </div>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
