import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CatalogueForm } from "@/components/garage/catalogue-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listGstRates } from "@/lib/modules/garage/services/gst";
import { formatRate } from "@/lib/modules/garage/view-models/money";
import { updateGstRateAction } from "./actions";

export const metadata: Metadata = { title: "GST" };

export default async function GstAdminPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("UPDATE:GST")) forbidden();
  const rates = await listGstRates(principal);
  return (
    <div className="space-y-8">
      <LiveRefresh topics={["catalogue_events"]} />
      <PageHeading title="GST">
        The tax rates services are charged at, in basis points (1800 = 18%). A change applies to bookings made afterwards; booked services keep their rate.
      </PageHeading>
      {rates.items.length === 0 && <EmptyState>No GST rates.</EmptyState>}
      <div className="grid gap-4 md:grid-cols-2">
        {rates.items.map((rate) => (
          <article key={rate.code} className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
            <h2 className="font-semibold">
              {rate.label} <span className="text-ink-muted">· {formatRate(rate.basisPoints)}</span>
            </h2>
            <p className="text-xs text-ink-muted">
              {rate.code} · changed {new Date(rate.updatedAt).toLocaleString("en-IN", { timeZone: "UTC" })} UTC
            </p>
            <CatalogueForm
              formId={`gst-${rate.code}`}
              action={updateGstRateAction}
              hidden={{ code: rate.code }}
              fields={[
                { name: "label", label: "Label", kind: "text", defaultValue: rate.label, required: true },
                { name: "basisPoints", label: "Rate (basis points)", kind: "number", defaultValue: String(rate.basisPoints), hint: "0 to 10000", required: true },
              ]}
              submitLabel="Save rate"
            />
          </article>
        ))}
      </div>
    </div>
  );
}
