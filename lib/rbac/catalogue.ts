import type { RoleName } from "../identity/roles";
import { modules } from "../modules/registry";
import { ACTIONS, PLATFORM_RESOURCES, scopeOf, type Action, type PlatformResource, type Resource, type Scope } from "./scopes";

/**
 * Every resource and scope there is: the platform's, then each module's in
 * registry order. Computed on use, so a module installed by a test counts too.
 */

/** Each resource with its label. */
export function resourceLabels(): ReadonlyMap<Resource, string> {
  const labels = new Map<Resource, string>(Object.entries(PLATFORM_RESOURCES) as Array<[PlatformResource, string]>);
  for (const businessModule of modules()) {
    for (const [resource, label] of Object.entries(businessModule.resources)) labels.set(resource as Resource, label as string);
  }
  return labels;
}

function actionsOf(resource: Resource): readonly Action[] {
  for (const businessModule of modules()) {
    const limited = (businessModule.limitedActions as Partial<Record<string, readonly Action[]>> | undefined)?.[resource];
    if (limited) return limited;
  }
  return ACTIONS;
}

let catalogue: { modules: number; scopes: readonly Scope[]; known: ReadonlySet<string> } | undefined;

function scopeCatalogue() {
  const count = modules().length;
  if (catalogue?.modules !== count) {
    const scopes = [...resourceLabels().keys()].flatMap((resource) => actionsOf(resource).map((action) => scopeOf(action, resource)));
    catalogue = { modules: count, scopes, known: new Set(scopes) };
  }
  return catalogue;
}

export function allScopes(): readonly Scope[] {
  return scopeCatalogue().scopes;
}

export function isScope(value: string): value is Scope {
  return scopeCatalogue().known.has(value);
}

/** R = READ, W = WRITE (create), U = UPDATE, D = DELETE. */
function expand(grants: Partial<Record<string, string>>): Scope[] {
  const names = { R: "READ", W: "WRITE", U: "UPDATE", D: "DELETE" } as const;
  return Object.entries(grants).flatMap(([resource, letters]) =>
    [...(letters ?? "")].map((letter) => `${names[letter as keyof typeof names]}:${resource}` as Scope),
  );
}

/** The platform's grants; the modules' come from their definitions. BACKUP and NOTIFICATION_LOGS are the ADMIN's alone. */
const PLATFORM_GRANTS: Record<Exclude<RoleName, "ADMIN">, Partial<Record<PlatformResource, string>>> = {
  MECHANIC: { USERS: "R", CUSTOMERS: "R", MECHANICS: "RU" }, // MECHANICS U (own)
  CUSTOMER: { USERS: "R", CUSTOMERS: "RUD", MECHANICS: "R" }, // CUSTOMERS U, D (own)
  EMPLOYEE: { USERS: "R", CUSTOMERS: "R", EMPLOYEES: "RU" }, // EMPLOYEES U (own)
};

/**
 * The default role → scope matrix, seeded into role_permissions; at run time the
 * database is the truth (admins edit it). Entries the spec marks "(own)" are
 * granted here and narrowed to the caller's own rows by the services.
 */
export function defaultRoleScopes(role: RoleName): readonly Scope[] {
  if (role === "ADMIN") return allScopes();
  return [PLATFORM_GRANTS[role], ...modules().map((businessModule) => businessModule.grants[role] ?? {})].flatMap((grants) => expand(grants));
}

/** Scopes an admin cannot take away from the ADMIN role, so nobody locks themselves out of the matrix. */
export const ADMIN_LOCKED_SCOPES: readonly Scope[] = ["READ:RBAC", "UPDATE:RBAC"];
