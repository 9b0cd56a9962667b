import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { cancelBookingAction } from "@/app/(app)/garage/bookings/actions";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { InvoiceSummary } from "@/components/garage/invoice-summary";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { primaryButtonClass } from "@/components/ui/buttons";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listMyBookings } from "@/lib/modules/garage/services/bookings";
import { invoicesOfBookings } from "@/lib/modules/garage/services/invoices";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor } from "@/lib/modules/garage/view-models/money";

export const metadata: Metadata = { title: "My bookings" };

export default async function MyBookingsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS")) forbidden();
  const { items } = await listMyBookings(principal, { limit: 200 });
  const invoices = await invoicesOfBookings(principal, items.map((booking) => booking.id));
  const timeZone = garageSettings().GARAGE_TIME_ZONE;

  return (
    <div className="space-y-8">
      <LiveRefresh topics={["booking_events"]} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeading title="My bookings">Your drop-offs at the garage. Their status changes here as the workshop moves your car on.</PageHeading>
        <IntentLink href="/garage/checkout" className={primaryButtonClass}>
          Book a slot
        </IntentLink>
      </div>
      {items.length === 0 ? (
        <EmptyState>
          No bookings yet. Put services in your cart from the <IntentLink href="/garage" className="font-medium text-brand underline-offset-4 hover:underline">catalogue</IntentLink>, then book a slot.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {items.map((booking) => (
            <li key={booking.id} data-testid="my-booking" data-booking-id={booking.id} className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-lg font-semibold">
                    <IntentLink href={`/garage/bookings/${booking.id}`} className="underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand">
                      {formatShopTime(booking.slotStart, timeZone)}
                    </IntentLink>
                  </h2>
                  <p className="text-sm text-ink-muted">
                    {booking.carDescription} · {booking.carPlate}
                  </p>
                </div>
                <BookingStatusBadge status={booking.status} />
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Labour</dt>
                  <dd className="font-medium">{booking.labourMinutes} min</dd>
                </div>
                <div>
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Total</dt>
                  <dd className="font-medium">{formatMinor(booking.totalMinor, booking.currency)}</dd>
                </div>
                <div className="col-span-2 sm:col-span-1">
                  <dt className="text-xs uppercase tracking-wider text-ink-muted">Pick-up</dt>
                  <dd className="font-medium">{booking.pickupText ?? "Drop-off at the garage"}</dd>
                </div>
              </dl>
              {booking.notes && <p className="mt-3 text-sm text-ink-muted">{booking.notes}</p>}
              {invoices.has(booking.id) && (
                <div className="mt-3 border-t border-line pt-3">
                  <InvoiceSummary invoice={invoices.get(booking.id)!} />
                </div>
              )}
              {booking.status === "BOOKED" && (
                <div className="mt-4 flex justify-end">
                  <ActionButton
                    action={cancelBookingAction}
                    fields={{ id: booking.id }}
                    label="Cancel"
                    pendingLabel="Cancelling…"
                    ariaLabel={`Cancel the booking of ${formatShopTime(booking.slotStart, timeZone)}`}
                    confirm={{ question: "Cancel this booking?", yes: "Yes, cancel", keep: "Keep it" }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
