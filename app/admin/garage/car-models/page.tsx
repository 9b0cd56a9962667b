import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CatalogueForm, type CatalogueField } from "@/components/garage/catalogue-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listCarModels } from "@/lib/modules/garage/services/car-models";
import { CAR_FUEL_LABELS, CAR_FUELS, CAR_SEGMENT_LABELS, CAR_SEGMENTS } from "@/lib/modules/garage/vocabulary";
import type { CarModelView } from "@/lib/modules/garage/views";
import { createCarModelAction, deleteCarModelAction, updateCarModelAction } from "./actions";

export const metadata: Metadata = { title: "Car models" };

function carModelFields(model?: CarModelView): CatalogueField[] {
  return [
    { name: "make", label: "Make", kind: "text", defaultValue: model?.make, required: true },
    { name: "model", label: "Model", kind: "text", defaultValue: model?.model, required: true },
    { name: "yearFrom", label: "Made from (year)", kind: "number", defaultValue: model ? String(model.yearFrom) : "", required: true },
    { name: "yearTo", label: "Made until (year)", kind: "number", defaultValue: model?.yearTo ? String(model.yearTo) : "", hint: "Empty while still made." },
    { name: "segment", label: "Segment", kind: "select", defaultValue: model?.segment, options: CAR_SEGMENTS.map((segment) => ({ value: segment, label: CAR_SEGMENT_LABELS[segment] })) },
    { name: "fuel", label: "Fuel", kind: "select", defaultValue: model?.fuel, options: CAR_FUELS.map((fuel) => ({ value: fuel, label: CAR_FUEL_LABELS[fuel] })) },
  ];
}

export default async function CarModelsAdminPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:CARS")) forbidden();
  const models = await listCarModels(principal, { limit: 200 });
  return (
    <div className="space-y-8">
      <LiveRefresh topics={["catalogue_events"]} />
      <PageHeading title="Car models">The models customers choose for their cars. The segment decides which row of the price chart a car pays.</PageHeading>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-label="All car models" className="space-y-3">
          {models.items.length === 0 && <EmptyState>No car models yet.</EmptyState>}
          {models.items.map((model) => {
            const name = `${model.make} ${model.model}`;
            return (
              <article key={model.id} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="font-semibold">{name}</h2>
                    <p className="text-sm text-ink-muted">
                      {model.yearFrom}–{model.yearTo ?? "today"} · {CAR_SEGMENT_LABELS[model.segment]} · {CAR_FUEL_LABELS[model.fuel]}
                    </p>
                  </div>
                  <ActionButton
                    action={deleteCarModelAction}
                    fields={{ id: model.id }}
                    label="Delete"
                    pendingLabel="Deleting…"
                    ariaLabel={`Delete ${name}`}
                    confirm={{ question: `Delete ${name} and its model prices?`, yes: "Delete", keep: "Keep it" }}
                  />
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand">Edit {name}</summary>
                  <CatalogueForm formId={`car-model-${model.id}`} action={updateCarModelAction} hidden={{ id: model.id }} fields={carModelFields(model)} submitLabel="Save model" />
                </details>
              </article>
            );
          })}
        </section>
        <Card>
          <h2 className="text-lg font-semibold">Add a car model</h2>
          <CatalogueForm formId="new-car-model" action={createCarModelAction} fields={carModelFields()} submitLabel="Add model" />
        </Card>
      </div>
    </div>
  );
}
