import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/buttons";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { listInvoices } from "@/lib/modules/garage/services/invoices";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";

export const metadata: Metadata = { title: "My invoices" };

/** The customer's invoices with what is still due; each opens as a printable page. */
export default async function MyInvoicesPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS")) forbidden();
  const page = await listInvoices(principal, { limit: 200 });
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  return (
    <div className="space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Invoices">Issued when your car is ready for collection. Open one to see its payments or print it.</PageHeading>
      {page.items.length === 0 ? (
        <EmptyState>No invoices yet.</EmptyState>
      ) : (
        <DataTable caption="My invoices" columns={["Invoice", "Issued", "Car", "Total", "Balance due"]}>
          {page.items.map((invoice) => (
            <tr key={invoice.id} data-testid="my-invoice">
              <th scope="row" className={`${cellClass} font-medium`}>
                <IntentLink href={`/garage/invoices/${invoice.id}`} className={`${linkClass} font-mono`}>
                  {invoice.number}
                </IntentLink>
              </th>
              <td className={`${cellClass} whitespace-nowrap`}>{formatShopTime(invoice.issuedAt, timeZone)}</td>
              <td className={cellClass}>
                {invoice.carDescription}
                <span className="block font-mono text-xs text-ink-muted">{invoice.carPlate}</span>
              </td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatMinor(invoice.totalMinor, invoice.currency)}</td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {invoice.balanceDueMinor === 0 ? <Badge label="Paid" tone="positive" /> : formatMinor(invoice.balanceDueMinor, invoice.currency)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
