import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { bookFromCartAction } from "@/app/(app)/garage/checkout/actions";
import { BookingCheckoutForm } from "@/components/garage/booking-checkout-form";
import { formatShopClock } from "@/lib/modules/garage/view-models/shop-clock";
import { requirePrincipal } from "@/components/shell/session";
import { secondaryButtonClass } from "@/components/ui/buttons";
import { Card, inputClass } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { calendarDateInput } from "@/lib/modules/garage/schemas";
import { checkoutOptions } from "@/lib/modules/garage/services/bookings";
import { shopToday } from "@/lib/modules/garage/services/pricing";
import { listFreeSlots, shopDay } from "@/lib/modules/garage/services/slots";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor, formatRate } from "@/lib/modules/garage/view-models/money";
import { addCalendarDays } from "@/lib/modules/garage/view-models/shop-clock";

export const metadata: Metadata = { title: "Checkout" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Today if the shop opens today, else the next open day. */
function firstOpenDay(): string {
  let date = shopToday();
  for (let offset = 0; offset < 7 && !shopDay(date); offset++) date = addCalendarDays(date, 1);
  return date;
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:BOOKINGS") || principal.role !== "CUSTOMER") forbidden();
  const params = await searchParams;
  const { carts, addresses } = await checkoutOptions(principal);
  if (carts.length === 0) {
    return (
      <div className="space-y-6">
        <PageHeading title="Checkout" />
        <EmptyState>
          Your cart is empty. Add services for one of your cars from the <IntentLink href="/garage" className="font-medium text-brand underline-offset-4 hover:underline">catalogue</IntentLink>.
        </EmptyState>
      </div>
    );
  }
  const requestedCar = first(params.carId);
  const cart = carts.find((candidate) => candidate.carId === requestedCar) ?? carts[0]!;
  const requestedDate = first(params.date);
  const date = calendarDateInput.safeParse(requestedDate).success && requestedDate ? requestedDate : firstOpenDay();
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const slots = (await listFreeSlots(principal, { date, minutes: Math.min(cart.labourMinutes, 1440) })).map((slot) => ({
    start: slot.start,
    time: formatShopClock(slot.start, timeZone),
    freeBays: slot.freeBays,
  }));

  return (
    <div className="space-y-8">
      <PageHeading title="Checkout">Pick the car, a drop-off time the workshop can take, and whether we collect it.</PageHeading>
      {carts.length > 1 && (
        <nav aria-label="Your cars with services in the cart" className="flex flex-wrap gap-2">
          {carts.map((candidate) => (
            <IntentLink
              key={candidate.carId}
              href={`/garage/checkout?carId=${candidate.carId}&date=${date}`}
              aria-current={candidate.carId === cart.carId ? "page" : undefined}
              className={`rounded-full border px-4 py-2 text-sm ${candidate.carId === cart.carId ? "border-brand bg-brand-soft" : "border-line hover:border-brand"}`}
            >
              {candidate.carDescription} · {candidate.carPlate} ({candidate.lines.length})
            </IntentLink>
          ))}
        </nav>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <section aria-labelledby="checkout-lines" className="space-y-3">
          <h2 id="checkout-lines" className="text-xl font-semibold">
            {cart.carDescription} · {cart.carPlate}
          </h2>
          <DataTable caption="Price breakdown" columns={["Service", "Labour", "Price", "GST", "Total"]}>
            {cart.lines.map((line) => (
              <tr key={line.serviceId}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {line.serviceName}
                </th>
                <td className={cellClass}>{line.labourMinutes} min</td>
                <td className={`${cellClass} whitespace-nowrap`}>{formatMinor(line.priceMinor, cart.currency)}</td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  {formatMinor(line.taxMinor, cart.currency)} <span className="text-xs text-ink-muted">({formatRate(line.gstBasisPoints)})</span>
                </td>
                <td className={`${cellClass} whitespace-nowrap`}>{formatMinor(line.priceMinor + line.taxMinor, cart.currency)}</td>
              </tr>
            ))}
          </DataTable>
          <dl className="ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm" data-testid="checkout-totals">
            <dt className="text-ink-muted">Labour</dt>
            <dd className="text-right">{cart.labourMinutes} min</dd>
            <dt className="text-ink-muted">Subtotal</dt>
            <dd className="text-right">{formatMinor(cart.subtotalMinor, cart.currency)}</dd>
            <dt className="text-ink-muted">GST</dt>
            <dd className="text-right">{formatMinor(cart.taxMinor, cart.currency)}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold">{formatMinor(cart.totalMinor, cart.currency)}</dd>
          </dl>
        </section>
        <Card>
          <form method="get" className="mb-5 flex flex-wrap items-end gap-2" aria-label="Choose a day">
            <input type="hidden" name="carId" value={cart.carId} />
            <label className="text-sm font-medium">
              Day
              <input type="date" name="date" defaultValue={date} min={shopToday()} className={inputClass} />
            </label>
            <button type="submit" className={secondaryButtonClass}>
              Show slots
            </button>
          </form>
          <BookingCheckoutForm key={`${cart.carId}-${date}`} action={bookFromCartAction} carId={cart.carId} slots={slots} addresses={addresses} />
        </Card>
      </div>
    </div>
  );
}
