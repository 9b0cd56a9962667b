"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useState, type DragEvent } from "react";
import { MoveButtons, NEEDS_ODOMETER, OdometerPrompt, useBookingMove, type MoveAction } from "@/components/garage/booking-move";
import { linkClass } from "@/components/ui/buttons";
import { errorTextClass } from "@/components/ui/form";
import type { WorkshopCardView } from "@/lib/modules/garage/views";
import { BOOKING_STATUS_LABELS, type BookingStatusName } from "@/lib/modules/garage/vocabulary";
import { dateTimeFormat } from "@/lib/ui/intl";

/** Statuses whose card also links to the inspection form. */
const INSPECTION_STATUSES = new Set<BookingStatusName>(["CHECKED_IN", "INSPECTING"]);

interface JobBoardProps {
  columns: readonly BookingStatusName[];
  cards: WorkshopCardView[];
  action: MoveAction;
  timeZone: string;
}

const time = (iso: string, timeZone: string) => dateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/**
 * The job board: a column per workshop status. Dragging a card onto a column it may move to,
 * or its "Move to …" buttons, is a status transition (check-in and delivery ask for the odometer).
 */
export function JobBoard({ columns, cards, action, timeZone }: JobBoardProps) {
  const [dragged, setDragged] = useState<WorkshopCardView | null>(null);
  const { asking, setAsking, state, submit: formAction, pending } = useBookingMove<string>(action);

  const drop = (to: BookingStatusName) => (event: DragEvent) => {
    event.preventDefault();
    const card = dragged;
    setDragged(null);
    if (!card || !card.nextStatuses.includes(to)) return;
    if (NEEDS_ODOMETER.has(to)) {
      setAsking({ key: card.id, to });
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
      <div className="flex gap-3 max-sm:snap-x max-sm:snap-mandatory" role="list" aria-label="Workshop statuses">
        {columns.map((status) => {
          const inColumn = cards.filter((card) => card.status === status);
          const accepts = dragged?.nextStatuses.includes(status) ?? false;
          return (
            <div key={status} role="listitem" className="shrink-0 max-sm:snap-start">
              <section
                aria-labelledby={`column-${status}`}
                data-testid="board-column"
                data-status={status}
                onDragOver={(event) => accepts && event.preventDefault()}
                onDrop={drop(status)}
                className={`h-full w-60 rounded-xl border p-2 max-sm:w-[85vw] ${accepts ? "border-brand bg-brand/5" : "border-line bg-surface"}`}
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
                      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                        <IntentLink href={`/admin/garage/bookings/${card.id}`} className={`${linkClass} font-mono font-semibold`} aria-label={`Booking of ${card.carPlate}`} data-testid="board-card-link">
                          {card.carPlate}
                        </IntentLink>
                        {INSPECTION_STATUSES.has(card.status) && (
                          <IntentLink href={`/admin/garage/bookings/${card.id}/inspection`} className={`${linkClass} text-xs`}>
                            Inspection
                          </IntentLink>
                        )}
                      </div>
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
                      {card.mayMove && card.nextStatuses.length > 0 && (
                        <div className="mt-2">
                          <MoveButtons
                            bookingId={card.id}
                            carPlate={card.carPlate}
                            nextStatuses={card.nextStatuses}
                            submit={formAction}
                            pending={pending}
                            onAsk={(to) => setAsking({ key: card.id, to })}
                          />
                        </div>
                      )}
                      {asking?.key === card.id && (
                        <OdometerPrompt bookingId={card.id} to={asking.to} submit={formAction} pending={pending} error={state.fieldErrors?.odometerKm} onCancel={() => setAsking(null)} />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          );
        })}
      </div>
      </div>
    </div>
  );
}
