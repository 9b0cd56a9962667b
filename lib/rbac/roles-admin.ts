import { z } from "zod";
import { recordAudit } from "../audit";
import { credentialsChanged } from "../auth/credential-cache";
import type { Principal } from "../auth/principal";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { recordEvent } from "../events/outbox";
import { transaction } from "../events/transaction";
import { ROLES } from "../identity/roles";
import { parseInput } from "../validation";
import { ADMIN_LOCKED_SCOPES, allScopes, isScope } from "./catalogue";
import { loadRoleScopes, requireScope } from "./permissions";
import type { Scope } from "./scopes";

export interface RoleView {
  id: number;
  name: string;
  prefix: string;
  description: string;
  scopes: Scope[];
}

function sortScopes(scopes: Iterable<Scope>): Scope[] {
  const order = new Map(allScopes().map((scope, index) => [scope, index]));
  return [...scopes].sort((a, b) => order.get(a)! - order.get(b)!);
}

export async function listRoles(principal: Principal): Promise<RoleView[]> {
  await requireScope(principal, "READ:RBAC");
  const roles = await db.role.findMany({
    orderBy: { id: "asc" },
    include: { permissions: { select: { permission: { select: { scope: true } } } } },
  });
  return roles.map((role) => ({
    id: role.id,
    name: role.name,
    prefix: role.idPrefix,
    description: role.description,
    scopes: sortScopes(role.permissions.map((entry) => entry.permission.scope).filter(isScope)),
  }));
}

/** Role ids are PostgreSQL integers; anything else (from a server action, say) names no role. */
function assertRoleId(roleId: number): void {
  if (!Number.isInteger(roleId) || roleId < 1 || roleId > 2_147_483_647) throw new NotFoundError("Role not found.");
}

export async function getRolePermissions(principal: Principal, roleId: number): Promise<RoleView> {
  await requireScope(principal, "READ:RBAC");
  assertRoleId(roleId);
  const role = await db.role.findUnique({ where: { id: roleId } });
  if (!role) throw new NotFoundError("Role not found.");
  const scopes = await loadRoleScopes(db, roleId);
  return { id: role.id, name: role.name, prefix: role.idPrefix, description: role.description, scopes: sortScopes(scopes) };
}

export const rolePermissionsSchema = z.object({
  scopes: z
    .array(z.string().refine(isScope, "is not a known scope"))
    .max(2_000)
    .transform((scopes) => [...new Set(scopes)] as Scope[]),
});

/**
 * Replaces a role's scopes. Applies to that role's very next request on every instance
 * (`credentialsChanged` after the commit). The ADMIN role keeps READ/UPDATE:RBAC.
 */
export async function setRolePermissions(principal: Principal, roleId: number, input: unknown): Promise<RoleView> {
  await requireScope(principal, "UPDATE:RBAC");
  const { scopes } = parseInput(rolePermissionsSchema, input);
  assertRoleId(roleId);
  if (roleId === ROLES.ADMIN.id) {
    const missing = ADMIN_LOCKED_SCOPES.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0) throw new ConflictError(`The ADMIN role must keep ${missing.join(" and ")}.`);
  }

  const { role, added, removed } = await transaction(async (tx) => {
    // Concurrent edits of one role queue here instead of colliding on the (role, permission) key.
    const [locked] = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM roles WHERE id = ${roleId} FOR UPDATE`;
    const role = locked ? await tx.role.findUnique({ where: { id: roleId } }) : null;
    if (!role) throw new NotFoundError("Role not found.");
    const before = await loadRoleScopes(tx, roleId);
    const permissions = await tx.permission.findMany({ where: { scope: { in: scopes } }, select: { id: true } });
    await tx.rolePermission.deleteMany({ where: { roleId } });
    await tx.rolePermission.createMany({ data: permissions.map((permission) => ({ roleId, permissionId: permission.id })) });
    const changes = {
      added: scopes.filter((scope) => !before.has(scope)),
      removed: [...before].filter((scope) => !scopes.includes(scope)),
    };
    await recordEvent(tx, {
      topic: "security_events",
      key: `role:${roleId}`,
      type: "role.permissions_changed",
      payload: { roleId, role: role.name, scopes: sortScopes(scopes), ...changes },
      actor: principal.userId,
    });
    return { role, ...changes };
  });
  await credentialsChanged();
  await recordAudit({
    action: "permissions_changed",
    actorId: principal.userId,
    subject: `role:${roleId}`,
    clientIp: principal.clientIp,
    detail: { role: role.name, added, removed },
  });
  return { id: role.id, name: role.name, prefix: role.idPrefix, description: role.description, scopes: sortScopes(scopes) };
}
