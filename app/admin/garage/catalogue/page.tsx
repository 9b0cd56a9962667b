import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CatalogueForm, type CatalogueField } from "@/components/garage/catalogue-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { cellClass, DataTable } from "@/components/ui/table";
import { listCarModels } from "@/lib/modules/garage/services/car-models";
import { listServiceCategories, listServices } from "@/lib/modules/garage/services/catalogue";
import { listGstRates } from "@/lib/modules/garage/services/gst";
import { listPriceChart, listPriceChartOn } from "@/lib/modules/garage/services/price-chart";
import { shopToday } from "@/lib/modules/garage/services/pricing";
import { garageSettings } from "@/lib/modules/garage/settings";
import { minorAsInput } from "@/lib/modules/garage/view-models/catalogue-form-values";
import { formatMinor, formatRate } from "@/lib/modules/garage/view-models/money";
import { CAR_SEGMENT_LABELS, CAR_SEGMENTS } from "@/lib/modules/garage/vocabulary";
import type { ServiceCategoryView, ServiceView } from "@/lib/modules/garage/views";
import {
  createCategoryAction,
  createModelPriceAction,
  createServiceAction,
  deleteCategoryAction,
  deletePriceAction,
  deleteServiceAction,
  setSegmentPriceAction,
  setServiceActiveAction,
  updateCategoryAction,
  updateServiceAction,
} from "./actions";

export const metadata: Metadata = { title: "Services & prices" };

function categoryFields(category?: ServiceCategoryView): CatalogueField[] {
  return [
    { name: "name", label: "Name", kind: "text", defaultValue: category?.name, required: true },
    { name: "slug", label: "Slug", kind: "text", defaultValue: category?.slug, hint: "Lower-case letters, digits and dashes; made from the name when empty." },
    { name: "position", label: "Position", kind: "number", defaultValue: String(category?.position ?? 0) },
    { name: "description", label: "Description", kind: "textarea", defaultValue: category?.description, wide: true },
  ];
}

function serviceFields(categories: ServiceCategoryView[], gstOptions: Array<{ value: string; label: string }>, service?: ServiceView): CatalogueField[] {
  return [
    { name: "name", label: "Name", kind: "text", defaultValue: service?.name, required: true },
    { name: "categoryId", label: "Category", kind: "select", defaultValue: service?.categoryId, options: categories.map((category) => ({ value: category.id, label: category.name })) },
    { name: "labourMinutes", label: "Labour (minutes)", kind: "number", defaultValue: service ? String(service.labourMinutes) : "60", required: true },
    { name: "basePriceMinor", label: `Base price (${garageSettings().GARAGE_CURRENCY})`, kind: "text", defaultValue: service ? minorAsInput(service.basePriceMinor) : "", hint: "Before GST, when the chart has no row for the car.", required: true },
    { name: "gstCode", label: "GST rate", kind: "select", defaultValue: service?.gstCode ?? "STANDARD", options: gstOptions },
    { name: "slug", label: "Slug", kind: "text", defaultValue: service?.slug, hint: "Made from the name when empty." },
    { name: "description", label: "Description", kind: "textarea", defaultValue: service?.description, wide: true },
    { name: "active", label: "Offered to customers", kind: "checkbox", checked: service?.active ?? true },
  ];
}

export default async function CatalogueAdminPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:SERVICES")) forbidden();
  const [categories, services, carModels, gstRates, currentRows, allRows] = await Promise.all([
    listServiceCategories(principal, { limit: 200 }),
    listServices(principal, { limit: 200 }),
    listCarModels(principal, { limit: 200 }),
    listGstRates(principal),
    listPriceChartOn(principal),
    listPriceChart(principal, { limit: 200 }),
  ]);
  const currency = garageSettings().GARAGE_CURRENCY;
  const today = shopToday();
  const gstOptions = gstRates.items.map((rate) => ({ value: rate.code, label: `${rate.label} (${formatRate(rate.basisPoints)})` }));
  const segmentPrice = new Map(currentRows.filter((row) => row.segment).map((row) => [`${row.serviceId}|${row.segment}`, row]));
  const serviceName = new Map(services.items.map((service) => [service.id, service.name]));
  const modelName = new Map(carModels.items.map((model) => [model.id, `${model.make} ${model.model} (${model.yearFrom}${model.yearTo ? `–${model.yearTo}` : "–"})`]));
  const modelRows = allRows.items.filter((row) => row.carModelId && (row.validUntil === null || row.validUntil > today));

  return (
    <div className="space-y-10">
      <LiveRefresh topics={["catalogue_events"]} />
      <PageHeading title="Services & prices">
        The service catalogue and its price chart. A car pays its model&apos;s row, else its segment&apos;s, else the base price; GST is added at the
        service&apos;s rate.
      </PageHeading>

      <section aria-labelledby="categories-heading" className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-3">
          <h2 id="categories-heading" className="text-xl font-semibold">
            Categories
          </h2>
          {categories.items.length === 0 && <EmptyState>No categories yet: add one to start the catalogue.</EmptyState>}
          {categories.items.map((category) => (
            <article key={category.id} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="font-semibold">{category.name}</h3>
                  <p className="text-sm text-ink-muted">
                    /{category.slug} · {services.items.filter((service) => service.categoryId === category.id).length} services
                  </p>
                </div>
                <ActionButton
                  action={deleteCategoryAction}
                  fields={{ id: category.id }}
                  label="Delete"
                  pendingLabel="Deleting…"
                  ariaLabel={`Delete ${category.name}`}
                  confirm={{ question: `Delete ${category.name}?`, yes: "Delete", keep: "Keep it" }}
                />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand">Edit {category.name}</summary>
                <CatalogueForm formId={`category-${category.id}`} action={updateCategoryAction} hidden={{ id: category.id }} fields={categoryFields(category)} submitLabel="Save category" />
              </details>
            </article>
          ))}
        </div>
        <Card>
          <h2 className="text-lg font-semibold">Add a category</h2>
          <CatalogueForm formId="new-category" action={createCategoryAction} fields={categoryFields()} submitLabel="Add category" />
        </Card>
      </section>

      <section aria-labelledby="services-heading" className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-3">
          <h2 id="services-heading" className="text-xl font-semibold">
            Services
          </h2>
          {services.items.length === 0 && <EmptyState>No services yet.</EmptyState>}
          {services.items.map((service) => (
            <article key={service.id} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm" data-testid="service-card">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h3 className="font-semibold">
                    {service.name} {!service.active && <Badge label="Not offered" tone="quiet" />}
                  </h3>
                  <p className="text-sm text-ink-muted">
                    {service.category.name} · {service.labourMinutes} min · {formatMinor(service.basePriceMinor, currency)} + GST ({service.gstCode})
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ActionButton
                    action={setServiceActiveAction}
                    fields={{ id: service.id, active: String(!service.active) }}
                    label={service.active ? "Deactivate" : "Offer again"}
                    pendingLabel="Saving…"
                    ariaLabel={`${service.active ? "Deactivate" : "Offer again"} ${service.name}`}
                  />
                  <ActionButton
                    action={deleteServiceAction}
                    fields={{ id: service.id }}
                    label="Delete"
                    pendingLabel="Deleting…"
                    ariaLabel={`Delete ${service.name}`}
                    confirm={{ question: `Delete ${service.name} and its prices?`, yes: "Delete", keep: "Keep it" }}
                  />
                </div>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand">Edit {service.name}</summary>
                <CatalogueForm formId={`service-${service.id}`} action={updateServiceAction} hidden={{ id: service.id }} fields={serviceFields(categories.items, gstOptions, service)} submitLabel="Save service" />
              </details>
            </article>
          ))}
        </div>
        <Card>
          <h2 className="text-lg font-semibold">Add a service</h2>
          {categories.items.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">Add a category first.</p>
          ) : (
            <CatalogueForm formId="new-service" action={createServiceAction} fields={serviceFields(categories.items, gstOptions)} submitLabel="Add service" />
          )}
        </Card>
      </section>

      <section aria-labelledby="grid-heading" className="space-y-3">
        <h2 id="grid-heading" className="text-xl font-semibold">
          Price chart by segment, today ({today})
        </h2>
        <p className="max-w-prose text-sm text-ink-muted">
          Each cell is the price a car of that segment pays today, before GST; an empty cell falls back to the base price. Changing a cell changes the row
          that applies today, or starts one today.
        </p>
        {services.items.length === 0 ? (
          <EmptyState>Add services to price them.</EmptyState>
        ) : (
          <DataTable caption="Today's price of each service for each car segment" columns={["Service", ...CAR_SEGMENTS.map((segment) => CAR_SEGMENT_LABELS[segment])]}>
            {services.items.map((service) => (
              <tr key={service.id}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {service.name}
                  <span className="block text-xs font-normal text-ink-muted">base {formatMinor(service.basePriceMinor, currency)}</span>
                </th>
                {CAR_SEGMENTS.map((segment) => {
                  const row = segmentPrice.get(`${service.id}|${segment}`);
                  return (
                    <td key={segment} className={`${cellClass} align-top`}>
                      <span className={row ? "font-medium" : "text-ink-muted"}>{row ? formatMinor(row.priceMinor, currency) : "base"}</span>
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-brand">
                          Edit<span className="sr-only"> {service.name}, {CAR_SEGMENT_LABELS[segment]}</span>
                        </summary>
                        <CatalogueForm
                          formId={`price-${service.id}-${segment}`}
                          action={setSegmentPriceAction}
                          hidden={{ entryId: row?.id ?? "", serviceId: service.id, segment }}
                          fields={[{ name: "priceMinor", label: currency, kind: "text", defaultValue: row ? minorAsInput(row.priceMinor) : "", required: true }]}
                          submitLabel="Save"
                          inline
                        />
                      </details>
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="model-prices-heading" className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-3">
          <h2 id="model-prices-heading" className="text-xl font-semibold">
            Model-specific prices
          </h2>
          {modelRows.length === 0 ? (
            <EmptyState>No model-specific prices: every car pays its segment&apos;s price.</EmptyState>
          ) : (
            <DataTable caption="Prices for one car model, current and upcoming" columns={["Service", "Car model", "Price", "Valid", { label: "Actions", hidden: true }]}>
              {modelRows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${cellClass} font-medium`}>
                    {serviceName.get(row.serviceId) ?? "—"}
                  </th>
                  <td className={cellClass}>{modelName.get(row.carModelId ?? "") ?? "—"}</td>
                  <td className={cellClass}>{formatMinor(row.priceMinor, currency)}</td>
                  <td className={cellClass}>
                    {row.validFrom} → {row.validUntil ?? "open"}
                  </td>
                  <td className={cellClass}>
                    <ActionButton
                      action={deletePriceAction}
                      fields={{ id: row.id }}
                      label="Delete"
                      pendingLabel="Deleting…"
                      ariaLabel={`Delete the price of ${serviceName.get(row.serviceId) ?? "this service"} for ${modelName.get(row.carModelId ?? "") ?? "this model"}`}
                      confirm={{ question: "Delete this price?", yes: "Delete", keep: "Keep it" }}
                    />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
        <Card>
          <h2 className="text-lg font-semibold">Price a service for one model</h2>
          <CatalogueForm
            formId="new-model-price"
            action={createModelPriceAction}
            fields={[
              { name: "serviceId", label: "Service", kind: "select", options: services.items.map((service) => ({ value: service.id, label: service.name })), wide: true },
              { name: "carModelId", label: "Car model", kind: "select", options: carModels.items.map((model) => ({ value: model.id, label: modelName.get(model.id) ?? model.model })), wide: true },
              { name: "priceMinor", label: `Price (${currency})`, kind: "text", required: true },
              { name: "validFrom", label: "From", kind: "date", defaultValue: today, required: true },
              { name: "validUntil", label: "Until (exclusive)", kind: "date", hint: "Empty: until further notice." },
            ]}
            submitLabel="Add price"
          />
        </Card>
      </section>
    </div>
  );
}
