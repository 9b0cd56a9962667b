import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CatalogueForm, type CatalogueField } from "@/components/garage/catalogue-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listAreas } from "@/lib/modules/garage/services/areas";
import type { AreaView } from "@/lib/modules/garage/views";
import { createAreaAction, deleteAreaAction, updateAreaAction } from "./actions";

export const metadata: Metadata = { title: "Areas" };

function areaFields(area?: AreaView): CatalogueField[] {
  return [
    { name: "name", label: "Name", kind: "text", defaultValue: area?.name, required: true },
    { name: "city", label: "City", kind: "text", defaultValue: area?.city, required: true },
    { name: "postcode", label: "Postcode", kind: "text", defaultValue: area?.postcode },
    { name: "active", label: "Served (customers can pick addresses here)", kind: "checkbox", checked: area?.active ?? true },
  ];
}

export default async function AreasAdminPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:AREAS")) forbidden();
  const areas = await listAreas(principal, { limit: 200 });
  return (
    <div className="space-y-8">
      <LiveRefresh topics={["catalogue_events"]} />
      <PageHeading title="Areas">Where the shop picks cars up and drops them off. An area with customers&apos; addresses can be set inactive, not deleted.</PageHeading>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-label="All areas" className="space-y-3">
          {areas.items.length === 0 && <EmptyState>No areas yet.</EmptyState>}
          {areas.items.map((area) => (
            <article key={area.id} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="font-semibold">
                    {area.name} {!area.active && <Badge label="Not served" tone="quiet" />}
                  </h2>
                  <p className="text-sm text-ink-muted">
                    {area.city}
                    {area.postcode && ` · ${area.postcode}`}
                  </p>
                </div>
                <ActionButton
                  action={deleteAreaAction}
                  fields={{ id: area.id }}
                  label="Delete"
                  pendingLabel="Deleting…"
                  ariaLabel={`Delete ${area.name}`}
                  confirm={{ question: `Delete ${area.name}?`, yes: "Delete", keep: "Keep it" }}
                />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand">Edit {area.name}</summary>
                <CatalogueForm formId={`area-${area.id}`} action={updateAreaAction} hidden={{ id: area.id }} fields={areaFields(area)} submitLabel="Save area" />
              </details>
            </article>
          ))}
        </section>
        <Card>
          <h2 className="text-lg font-semibold">Add an area</h2>
          <CatalogueForm formId="new-area" action={createAreaAction} fields={areaFields()} submitLabel="Add area" />
        </Card>
      </div>
    </div>
  );
}
