import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { staffCancelBookingAction } from "@/app/admin/garage/bookings/actions";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, secondaryButtonClass, selectClass } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { ValidationError } from "@/lib/errors";
import { listBookings } from "@/lib/modules/garage/services/bookings";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { ADMIN_CANCELLABLE_BOOKING_STATUSES, BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatusName } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Garage bookings" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function GarageBookingsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS") || principal.role === "CUSTOMER") forbidden();
  const params = await searchParams;
  const date = first(params.date) ?? "";
  const status = first(params.status) ?? "";
  const query = { ...(date ? { date } : {}), ...(status ? { status } : {}), sort: date ? "slot" : "-slot", limit: 200 };
  let page: Awaited<ReturnType<typeof listBookings>> = { items: [], total: 0 };
  let filterError: string | null = null;
  try {
    page = await listBookings(principal, query);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    filterError = "Those filters are not valid: pick a date and a status from the lists.";
  }
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const mayCancel = principal.scopes.has("UPDATE:BOOKINGS");
  const cancellable = new Set<BookingStatusName>(ADMIN_CANCELLABLE_BOOKING_STATUSES);

  return (
    <div className="space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Bookings">Every drop-off by day and status. New bookings appear here as customers make them.</PageHeading>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter bookings">
        <label className="text-sm">
          Day
          <input type="date" name="date" defaultValue={date} className={inputClass} />
        </label>
        <label className="text-sm">
          Status
          <select name="status" defaultValue={status} className={selectClass}>
            <option value="">Any</option>
            {BOOKING_STATUSES.map((value) => (
              <option key={value} value={value}>
                {BOOKING_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
      </form>
      {filterError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{filterError}</p>}
      <p className="text-sm text-ink-muted" data-testid="booking-count">
        {page.total} {page.total === 1 ? "booking" : "bookings"}
      </p>
      {page.items.length === 0 ? (
        <EmptyState>No bookings match.</EmptyState>
      ) : (
        <DataTable caption="Garage bookings" columns={["Drop-off", "Car", "Customer", "Bay", "Labour", "Total", "Status", { label: "Actions", hidden: true }]}>
          {page.items.map((booking) => (
            <tr key={booking.id} data-testid="admin-booking" data-booking-id={booking.id}>
              <th scope="row" className={`${cellClass} font-medium whitespace-nowrap`}>
                <IntentLink href={`/admin/garage/bookings/${booking.id}`} className={linkClass} data-testid="admin-booking-link">
                  {formatShopTime(booking.slotStart, timeZone)}
                </IntentLink>
              </th>
              <td className={cellClass}>
                {booking.carDescription}
                <span className="block text-xs text-ink-muted">{booking.carPlate}</span>
              </td>
              <td className={cellClass}>
                {booking.customer?.name ?? "Account deleted"}
                {booking.customerId && <span className="block text-xs text-ink-muted">{booking.customerId}</span>}
                {booking.pickupText && <span className="block text-xs text-ink-muted">Pick-up: {booking.pickupText}</span>}
              </td>
              <td className={cellClass}>{booking.bay}</td>
              <td className={cellClass}>{booking.labourMinutes} min</td>
              <td className={`${cellClass} whitespace-nowrap`}>{formatMinor(booking.totalMinor, booking.currency)}</td>
              <td className={cellClass}>
                <BookingStatusBadge status={booking.status} />
              </td>
              <td className={cellClass}>
                {mayCancel && cancellable.has(booking.status) && (
                  <ActionButton
                    action={staffCancelBookingAction}
                    fields={{ id: booking.id, reason: "" }}
                    label="Cancel"
                    pendingLabel="Cancelling…"
                    ariaLabel={`Cancel the booking of ${booking.carPlate}`}
                    confirm={{ question: "Cancel this booking?", yes: "Yes, cancel", keep: "Keep it" }}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
