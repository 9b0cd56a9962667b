import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { BranchForm } from "@/components/rentals/branch-form";
import { RentalsLiveUpdates } from "@/components/rentals/live-updates";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/form";
import { listBranches } from "@/lib/modules/rentals/services/branches";
import { listVehicles } from "@/lib/modules/rentals/services/vehicles";
import { createBranchAction, deleteBranchAction, updateBranchAction } from "./actions";

export const metadata: Metadata = { title: "Branches" };

export default async function BranchesPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:BRANCHES")) forbidden();
  const [branches, vehicles] = await Promise.all([listBranches(principal, { limit: 200 }), listVehicles(principal, { limit: 200 })]);
  const fleetSize = new Map<string, number>();
  for (const vehicle of vehicles.items) fleetSize.set(vehicle.branchId, (fleetSize.get(vehicle.branchId) ?? 0) + 1);
  const canEdit = principal.scopes.has("UPDATE:BRANCHES");
  const canDelete = principal.scopes.has("DELETE:BRANCHES");

  return (
    <div className="space-y-8">
      <RentalsLiveUpdates topics={["branch_events", "vehicle_events"]} viewerId={principal.userId} toastOthers />
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Branches</h1>
        <p className="mt-2 text-ink-muted">Where vehicles are picked up and returned. A branch can be deleted once it has no vehicles.</p>
      </div>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-label="All branches" className="space-y-4">
          {branches.items.length === 0 && <p className="rounded-card border border-dashed border-line p-10 text-center text-ink-muted">No branches yet.</p>}
          {branches.items.map((branch) => {
            const size = fleetSize.get(branch.id) ?? 0;
            return (
              <article key={branch.id} className="rounded-card border border-line bg-surface-raised p-5 shadow-sm" data-testid="branch-card">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h2 className="text-lg font-semibold">
                      {branch.name}
                      <span
                        className={`ml-2 rounded-full px-2 py-0.5 align-middle text-xs font-medium ${branch.active ? "bg-brand-soft text-ink" : "border border-line text-ink-muted"}`}
                      >
                        {branch.active ? "Open" : "Closed"}
                      </span>
                    </h2>
                    <p className="mt-1 text-sm text-ink-muted">
                      {branch.address}, {branch.city} · {branch.phone}
                    </p>
                    <p className="text-sm text-ink-muted">{branch.openingHours}</p>
                    <p className="mt-1 text-sm">{size === 1 ? "1 vehicle" : `${size} vehicles`}</p>
                  </div>
                  {canDelete && (
                    <ActionButton
                      action={deleteBranchAction}
                      fields={{ id: branch.id }}
                      label="Delete"
                      pendingLabel="Deleting…"
                      ariaLabel={`Delete ${branch.name}`}
                      confirm={{ question: `Delete ${branch.name}?`, yes: "Delete", keep: "Keep it" }}
                    />
                  )}
                </div>
                {canEdit && (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium text-brand">Edit {branch.name}</summary>
                    <BranchForm action={updateBranchAction} branch={branch} submitLabel="Save branch" />
                  </details>
                )}
              </article>
            );
          })}
        </section>

        <Card>
          <h2 className="text-xl font-semibold">Open a branch</h2>
          <BranchForm action={createBranchAction} submitLabel="Create branch" />
        </Card>
      </div>
    </div>
  );
}
