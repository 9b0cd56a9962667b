import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { cellClass, DataTable } from "@/components/ui/table";
import { forbidden } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { DeleteUserButton } from "@/components/admin/delete-user-button";
import { requirePrincipal } from "@/components/shell/session";
import { Card } from "@/components/ui/form";
import { ForbiddenError } from "@/lib/errors";
import { ROLE_NAMES } from "@/lib/identity/roles";
import { listUsers, ROLE_RESOURCE } from "@/lib/identity/users";
import { ROLE_LABELS } from "@/lib/ui/navigation";
import { createUserAction, deleteUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageNumber(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:USERS")) forbidden();

  const page = pageNumber((await searchParams).page);
  const { items: users, total } = await listUsers(principal, undefined, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).catch(
    (error: unknown) => {
      if (error instanceof ForbiddenError) forbidden();
      throw error;
    },
  );
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const creatableRoles = ROLE_NAMES.filter((role) => principal.scopes.has(`WRITE:${ROLE_RESOURCE[role]}`));
  const canDelete = principal.scopes.has("DELETE:USERS");

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Users</h1>
        <p className="mt-2 text-ink-muted">Every account on Wheelhouse, of every role.</p>
      </div>

      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-label="All users" className="overflow-hidden rounded-card border border-line bg-surface-raised shadow-sm">
          <DataTable caption={`Users, page ${page} of ${lastPage}`} columns={["ID", "Name", "Role", "Contact", { label: "Actions", hidden: true }]}>
                {users.map((user) => (
                  <tr key={user.id} className="align-top">
                    <td className={`${cellClass} font-mono text-xs`}>{user.id}</td>
                    <th scope="row" className={`${cellClass} font-medium`}>{user.name}</th>
                    <td className={cellClass}>
                      <Badge label={ROLE_LABELS[user.role]} tone="positive" />
                    </td>
                    <td className={`${cellClass} text-ink-muted`}>
                      <span className="block">{user.email}</span>
                      <span className="block">{user.phone}</span>
                    </td>
                    <td className={`${cellClass} text-right`}>
                      {user.id === principal.userId ? (
                        <span className="text-xs text-ink-muted">You</span>
                      ) : (
                        canDelete && <DeleteUserButton action={deleteUserAction} userId={user.id} userName={user.name} />
                      )}
                    </td>
                  </tr>
                ))}
          </DataTable>
          <nav aria-label="Pages of users" className="flex items-center justify-between gap-4 border-t border-line px-4 py-3 text-sm">
            <p className="text-ink-muted">
              {first}–{last} of {total}
            </p>
            <div className="flex gap-2">
              {page > 1 && (
                <IntentLink href={`/admin/users?page=${page - 1}`} className="rounded-full border border-line px-3 py-1 hover:border-brand">
                  Previous
                </IntentLink>
              )}
              {page < lastPage && (
                <IntentLink href={`/admin/users?page=${page + 1}`} className="rounded-full border border-line px-3 py-1 hover:border-brand">
                  Next
                </IntentLink>
              )}
            </div>
          </nav>
        </section>

        <Card>
          <h2 className="text-xl font-semibold">Create a user</h2>
          {creatableRoles.length > 0 ? (
            <CreateUserForm action={createUserAction} roles={creatableRoles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
          ) : (
            <p className="mt-2 text-sm text-ink-muted">Your role may not create accounts.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
