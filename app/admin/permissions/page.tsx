import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PermissionsGrid, type PermissionRow } from "@/components/admin/permissions-grid";
import { requirePrincipal } from "@/components/shell/session";
import { listRoles } from "@/lib/rbac/roles-admin";
import { allScopes, resourceLabels } from "@/lib/rbac/catalogue";
import { ACTIONS, scopeOf } from "@/lib/rbac/scopes";
import { saveRolePermissionsAction } from "./actions";

export const metadata: Metadata = { title: "Permissions" };

/** One row per resource, one cell per action: the scope, or null where the resource has no such action. */
function permissionRows(): PermissionRow[] {
  const existingScopes = new Set(allScopes());
  return [...resourceLabels()].map(([resource, label]) => ({
    resource,
    label,
    scopes: ACTIONS.map((action) => {
      const scope = scopeOf(action, resource);
      return existingScopes.has(scope) ? scope : null;
    }),
  }));
}

export default async function PermissionsPage() {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:RBAC")) forbidden();
  const roles = await listRoles(principal);
  const canEdit = principal.scopes.has("UPDATE:RBAC");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Permissions</h1>
        <p className="mt-2 max-w-3xl text-ink-muted">
          What each role may do, as <span className="font-mono text-sm">ACTION:RESOURCE</span> scopes. Changes apply to
          that role&apos;s very next request. Rules marked &ldquo;own&rdquo; in the spec (customers editing their own
          bookings, for example) still narrow these to the user&apos;s own records.
          {!canEdit && " Your role may view the matrix but not change it."}
        </p>
      </div>
      <PermissionsGrid
        roles={roles.map((role) => ({ id: role.id, name: role.name, description: role.description, scopes: role.scopes }))}
        rows={permissionRows()}
        actions={[...ACTIONS]}
        canEdit={canEdit}
        saveAction={saveRolePermissionsAction}
      />
    </div>
  );
}
