"use client";

import { useState, useTransition } from "react";
import { errorTextClass } from "@/components/ui/form";
import type { FormState } from "@/lib/ui/form-state";

export interface PermissionRow {
  resource: string;
  label: string;
  /** One entry per action column; null where the resource has no such action. */
  scopes: Array<string | null>;
}

interface RoleColumn {
  id: number;
  name: string;
  description: string;
  scopes: string[];
}

/** `saveRolePermissionsAction`: one role's new scopes. */
type SaveAction = (previous: FormState, change: { roleId: number; scopes: string[] }) => Promise<FormState>;

interface PermissionsGridProps {
  roles: RoleColumn[];
  rows: PermissionRow[];
  actions: string[];
  canEdit: boolean;
  saveAction: SaveAction;
}

function sameScopes(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((scope) => a.has(scope));
}

/** Roles × resources × actions; each role's column group is saved on its own. */
export function PermissionsGrid({ roles, rows, actions, canEdit, saveAction }: PermissionsGridProps) {
  const [selected, setSelected] = useState<Record<number, ReadonlySet<string>>>(() =>
    Object.fromEntries(roles.map((role) => [role.id, new Set(role.scopes)])),
  );

  function toggle(roleId: number, scope: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current[roleId]);
      if (on) next.add(scope);
      else next.delete(scope);
      return { ...current, [roleId]: next };
    });
  }

  return (
    <div className="relative overflow-x-auto rounded-card border border-line bg-surface-raised shadow-sm">
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">Permissions of each role, by resource and action</caption>
        <colgroup>
          <col />
        </colgroup>
        {roles.map((role) => (
          <colgroup key={role.id} span={actions.length} className="border-l border-line" />
        ))}
        <thead>
          <tr className="border-b border-line align-top">
            <th scope="col" rowSpan={2} className="sticky left-0 z-10 bg-surface-raised px-4 py-3 text-left align-bottom font-medium">
              Resource
            </th>
            {roles.map((role) => (
              <th key={role.id} scope="colgroup" colSpan={actions.length} className="border-l border-line px-3 py-3 text-left font-normal">
                <RoleHeader
                  role={role}
                  scopes={selected[role.id] ?? new Set()}
                  dirty={!sameScopes(selected[role.id] ?? new Set(), role.scopes)}
                  canEdit={canEdit}
                  saveAction={saveAction}
                />
              </th>
            ))}
          </tr>
          <tr className="border-b border-line text-xs text-ink-muted">
            {roles.flatMap((role) =>
              actions.map((action, index) => (
                <th key={`${role.id}-${action}`} scope="col" className={`px-2 py-2 text-center font-medium ${index === 0 ? "border-l border-line" : ""}`}>
                  {action.charAt(0) + action.slice(1).toLowerCase()}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.resource} className="hover:bg-brand-soft/40">
              <th scope="row" className="sticky left-0 z-10 bg-surface-raised px-4 py-2 text-left font-normal">
                <span className="block font-medium">{row.label}</span>
                <span className="block font-mono text-xs text-ink-muted">{row.resource}</span>
              </th>
              {roles.flatMap((role) =>
                row.scopes.map((scope, index) => (
                  <td key={`${role.id}-${index}`} className={`px-2 py-2 text-center ${index === 0 ? "border-l border-line" : ""}`}>
                    {scope && (
                      <input
                        type="checkbox"
                        checked={selected[role.id]?.has(scope) ?? false}
                        onChange={(event) => toggle(role.id, scope, event.target.checked)}
                        disabled={!canEdit}
                        aria-label={`${role.name} ${scope}`}
                        className="h-4 w-4 cursor-pointer accent-brand disabled:cursor-default"
                      />
                    )}
                  </td>
                )),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RoleHeaderProps {
  role: RoleColumn;
  scopes: ReadonlySet<string>;
  dirty: boolean;
  canEdit: boolean;
  saveAction: SaveAction;
}

function RoleHeader({ role, scopes, dirty, canEdit, saveAction }: RoleHeaderProps) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<FormState>({ status: "idle" });

  function save() {
    startTransition(async () => {
      setResult(await saveAction(result, { roleId: role.id, scopes: [...scopes] }));
    });
  }

  return (
    <div className="min-w-44 space-y-2">
      <div>
        <span className="block text-base font-semibold">{role.name}</span>
        <span className="block text-xs text-ink-muted">{role.description}</span>
      </div>
      {canEdit && (
        <button
          type="button"
          onClick={save}
          disabled={pending || !dirty}
          aria-label={`Save ${role.name} permissions`}
          className={`rounded-full px-3 py-1.5 text-xs font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand ${
            dirty ? "bg-brand text-brand-ink hover:opacity-90 disabled:opacity-60" : "border border-line text-ink-muted"
          }`}
        >
          {pending ? "Saving…" : "Save"}
        </button>
      )}
      <p aria-live="polite" className="min-h-4 text-xs">
        {dirty && !pending && <span className="text-ink-muted">Unsaved changes. </span>}
        {result.status === "error" && dirty && <span className={errorTextClass}>{result.message}</span>}
        {result.status === "success" && !dirty && <span className="text-brand">{result.message}</span>}
      </p>
    </div>
  );
}
