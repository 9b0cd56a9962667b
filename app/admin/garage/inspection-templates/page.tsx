import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { InspectionTemplateForm } from "@/components/garage/inspection-template-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { listServices } from "@/lib/modules/garage/services/catalogue";
import { listInspectionTemplates } from "@/lib/modules/garage/services/inspection-templates";
import { createInspectionTemplateAction, deleteInspectionTemplateAction, updateInspectionTemplateAction } from "./actions";

export const metadata: Metadata = { title: "Inspection templates" };

export default async function InspectionTemplatesPage() {
  const principal = await requirePrincipal();
  // Mechanics read templates (to inspect) but only admins hold UPDATE:BOOKING_ANALYSIS.
  if (!principal.scopes.has("UPDATE:BOOKING_ANALYSIS")) forbidden();
  const [templates, services] = await Promise.all([listInspectionTemplates(principal, { limit: 100 }), listServices(principal, { limit: 100 })]);
  const serviceOptions = services.items.map((service) => ({ id: service.id, name: service.name }));
  return (
    <div className="space-y-8">
      <LiveRefresh topics={["catalogue_events"]} />
      <PageHeading title="Inspection templates">
        The checklists mechanics inspect cars with. A flagged item recommends its service to the customer, priced for their car.
      </PageHeading>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_32rem]">
        <section aria-label="All templates" className="space-y-3">
          {templates.items.length === 0 && <EmptyState>No templates yet.</EmptyState>}
          {templates.items.map((template) => (
            <article key={template.id} className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="font-semibold">
                    {template.name} {!template.active && <Badge label="Not in use" tone="quiet" />}
                  </h2>
                  {template.description && <p className="text-sm text-ink-muted">{template.description}</p>}
                </div>
                <ActionButton
                  action={deleteInspectionTemplateAction}
                  fields={{ id: template.id }}
                  label="Delete"
                  pendingLabel="Deleting…"
                  ariaLabel={`Delete ${template.name}`}
                  confirm={{ question: `Delete ${template.name}? Inspections started from it keep their items.`, yes: "Delete", keep: "Keep it" }}
                />
              </div>
              <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
                {template.items.map((item) => (
                  <li key={item.id}>
                    {item.label}
                    {item.measurementUnit && <span className="text-ink-muted"> ({item.measurementUnit})</span>}
                    {item.serviceName && <span className="text-ink-muted"> → {item.serviceName}</span>}
                  </li>
                ))}
              </ol>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand">Edit {template.name}</summary>
                <InspectionTemplateForm
                  formId={`template-${template.id}`}
                  action={updateInspectionTemplateAction}
                  services={serviceOptions}
                  template={{
                    id: template.id,
                    name: template.name,
                    description: template.description,
                    active: template.active,
                    items: template.items.map((item) => ({ label: item.label, measurementUnit: item.measurementUnit ?? "", serviceId: item.serviceId ?? "" })),
                  }}
                  submitLabel="Save template"
                />
              </details>
            </article>
          ))}
        </section>
        <Card>
          <h2 className="text-lg font-semibold">Add a template</h2>
          <InspectionTemplateForm formId="new-template" action={createInspectionTemplateAction} services={serviceOptions} submitLabel="Add template" />
        </Card>
      </div>
    </div>
  );
}
