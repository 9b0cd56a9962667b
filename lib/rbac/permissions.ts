import { recordAudit } from "../audit";
import type { Principal } from "../auth/principal";
import type { PrismaClient, Transaction } from "../db";
import { ForbiddenError } from "../errors";
import { ROLE_NAMES, ROLES } from "../identity/roles";
import { allScopes, defaultRoleScopes, isScope, resourceLabels } from "./catalogue";
import { parseScope, type Scope } from "./scopes";

/** The role's scopes as the database has them now: a matrix edit applies to the next request. */
export async function loadRoleScopes(client: PrismaClient | Transaction, roleId: number): Promise<Set<Scope>> {
  const rows = await client.rolePermission.findMany({
    where: { roleId },
    select: { permission: { select: { scope: true } } },
  });
  return new Set(rows.map((row) => row.permission.scope).filter(isScope));
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/** Step 6 of token validation: the caller's role must hold the scope. Denials are audited. */
export async function requireScope(principal: Principal, scope: Scope): Promise<void> {
  if (principal.scopes.has(scope)) return;
  await recordAudit({
    action: "access_denied",
    actorId: principal.userId,
    subject: scope,
    clientIp: principal.clientIp,
    detail: { role: principal.role, via: principal.via },
  });
  throw new ForbiddenError();
}

/**
 * Creates every scope's permission row and grants the default matrix — but only
 * for scopes that did not exist before, so an admin's edits survive every restart
 * while scopes added by a new release reach the roles that should have them.
 */
export async function syncPermissions(client: PrismaClient): Promise<{ created: Scope[] }> {
  const existing = new Set((await client.permission.findMany({ select: { scope: true } })).map((row) => row.scope));
  const created = allScopes().filter((scope) => !existing.has(scope));
  if (created.length === 0) return { created };
  // Three statements whatever the number of scopes, so a slow start-up never hits the transaction timeout.
  await client.$transaction(
    async (tx) => {
      await tx.permission.createMany({
        data: created.map((scope) => {
          const { action, resource } = parseScope(scope);
          return { scope, action, resource, description: `${action.toLowerCase()} ${(resourceLabels().get(resource) ?? resource).toLowerCase()}` };
        }),
      });
      const rows = await tx.permission.findMany({ where: { scope: { in: created } }, select: { id: true, scope: true } });
      await tx.rolePermission.createMany({
        data: rows.flatMap((row) =>
          ROLE_NAMES.filter((role) => defaultRoleScopes(role).includes(row.scope as Scope)).map((role) => ({
            roleId: ROLES[role].id,
            permissionId: row.id,
          })),
        ),
      });
    },
    { timeout: 30_000 },
  );
  return { created };
}
