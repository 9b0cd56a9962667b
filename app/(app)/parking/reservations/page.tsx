import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { LocalRange } from "@/components/parking/local-time";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { parkingTopics } from "@/lib/modules/parking/view-models/live";
import { ReservationStatusBadge } from "@/components/parking/status-badges";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { requirePrincipal } from "@/components/shell/session";
import { listReservations } from "@/lib/modules/parking/services/reservations";
import type { ReservationView } from "@/lib/modules/parking/views";
import { credits } from "@/lib/modules/parking/view-models/board";
import { cancelReservationAction } from "../actions";
import { serverClock } from "../data";
import { forPage } from "@/lib/ui/for-page";

export const metadata: Metadata = { title: "Reservations" };

const LIST_SIZE = 200;

function ReservationTable({
  caption,
  reservations,
  counterpart,
  mayCancel,
  now,
}: {
  caption: string;
  reservations: ReservationView[];
  counterpart: "owner" | "reserver";
  mayCancel: boolean;
  now: number;
}) {
  return (
    <div className="relative overflow-x-auto rounded-card border border-line bg-surface-raised shadow-sm">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line text-xs uppercase tracking-wider text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Spot</th>
            <th scope="col" className="px-4 py-3 font-medium">When</th>
            <th scope="col" className="px-4 py-3 font-medium">{counterpart === "owner" ? "Owner" : "Reserved by"}</th>
            <th scope="col" className="px-4 py-3 font-medium">Cost</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {reservations.map((reservation) => {
            const cancellable = mayCancel && reservation.status === "CONFIRMED" && Date.parse(reservation.startsAt) > now;
            return (
              <tr key={reservation.id} id={`reservation-${reservation.id}`} className="align-top" data-testid="reservation-row" data-reservation-id={reservation.id}>
                <th scope="row" className="px-4 py-3 font-medium">
                  <IntentLink href={`/parking/spots/${reservation.spot.id}`} className="hover:underline">
                    {reservation.spot.label}
                  </IntentLink>
                  <span className="block text-xs font-normal text-ink-muted">{reservation.spot.zone}</span>
                </th>
                <td className="px-4 py-3">
                  <LocalRange startsAt={reservation.startsAt} endsAt={reservation.endsAt} />
                </td>
                <td className="px-4 py-3">{reservation[counterpart].name}</td>
                <td className="px-4 py-3 tabular-nums">{credits(reservation.cost)}</td>
                <td className="px-4 py-3">
                  <ReservationStatusBadge status={reservation.status} />
                </td>
                <td className="px-4 py-3">
                  {cancellable && (
                    <ActionButton
                      action={cancelReservationAction}
                      fields={{ reservationId: reservation.id }}
                      label="Cancel"
                      ariaLabel={`Cancel reservation of ${reservation.spot.label}`}
                      confirm={{ question: `Refund ${credits(reservation.cost)} to ${reservation.reserver.name}?`, yes: "Cancel reservation" }}
                      pendingLabel="Cancelling…"
                      showSuccess
                      align="start"
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReservationsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:RESERVATIONS")) forbidden();
  const { items: reservations, total } = await forPage(listReservations(principal, { role: "all", limit: LIST_SIZE }));
  const clock = serverClock();
  const made = reservations.filter((reservation) => reservation.reserver.id === principal.userId);
  const onMySpots = reservations.filter((reservation) => reservation.owner.id === principal.userId);
  const mayCancel = principal.scopes.has("UPDATE:RESERVATIONS");

  return (
    <div className="space-y-10">
      <LiveRefresh topics={parkingTopics(["reservations"])} />
      <PageHeading title="Reservations">
        Reservations you made and reservations of your spots, newest first. Either side may cancel before the start; the reserver
        gets the full cost back.
      </PageHeading>

      <section aria-labelledby="made-heading" className="space-y-4" data-testid="reservations-made">
        <h2 id="made-heading" className="text-xl font-semibold">
          Made by you
        </h2>
        {made.length > 0 ? (
          <ReservationTable caption="Reservations made by you" reservations={made} counterpart="owner" mayCancel={mayCancel} now={clock.now} />
        ) : (
          <EmptyState>
            You have not reserved a spot yet. Find a free one on the{" "}
            <IntentLink href="/parking" className="font-medium text-brand hover:underline">
              board
            </IntentLink>
            .
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="owned-heading" className="space-y-4" data-testid="reservations-on-my-spots">
        <h2 id="owned-heading" className="text-xl font-semibold">
          On your spots
        </h2>
        {onMySpots.length > 0 ? (
          <ReservationTable
            caption="Reservations of your spots"
            reservations={onMySpots}
            counterpart="reserver"
            mayCancel={mayCancel}
            now={clock.now}
          />
        ) : (
          <EmptyState>Nobody has reserved your spots yet.</EmptyState>
        )}
      </section>

      {total > reservations.length && (
        <p className="text-sm text-ink-muted">
          Showing the newest {reservations.length} of {total} reservations.
        </p>
      )}
    </div>
  );
}
