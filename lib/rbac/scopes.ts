import type { ModuleResource } from "../modules/registry";

/**
 * Permission scopes, `ACTION:RESOURCE`: the platform's resources and every module's.
 * The full list (from the registry) is in ./catalogue.ts.
 */
export const ACTIONS = ["READ", "WRITE", "UPDATE", "DELETE"] as const;
export type Action = (typeof ACTIONS)[number];

/** The platform's own resources; each module adds its own (lib/modules/<name>/module.ts). */
export const PLATFORM_RESOURCES = {
  RBAC: "Roles and permissions",
  USERS: "Users",
  CUSTOMERS: "Customers",
  MECHANICS: "Mechanics",
  EMPLOYEES: "Employees",
  ADMINS: "Admins",
  REFRESH_TOKENS: "Refresh tokens",
  EVENTS: "Event log",
  BACKUP: "Backups",
  NOTIFICATION_LOGS: "Notification logs",
} as const;
export type PlatformResource = keyof typeof PLATFORM_RESOURCES;
export type Resource = PlatformResource | ModuleResource;

export type Scope = `${Action}:${Resource}`;

export function scopeOf(action: Action, resource: Resource): Scope {
  return `${action}:${resource}`;
}

export function parseScope(scope: Scope): { action: Action; resource: Resource } {
  const [action, resource] = scope.split(":") as [Action, Resource];
  return { action, resource };
}
