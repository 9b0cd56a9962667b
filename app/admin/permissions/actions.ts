"use server";

import { z } from "zod";
import { setRolePermissions } from "@/lib/rbac/roles-admin";
import { formAction } from "@/lib/ui/server-action";
import { fieldError } from "@/lib/validation";

const changeSchema = z.object({ roleId: z.number().int().positive(), scopes: z.unknown() });

/** Replaces one role's scopes (`{ roleId, scopes }`); the service validates them and guards the ADMIN role. */
export const saveRolePermissionsAction = formAction({
  read: (change) => changeSchema.safeParse(change),
  run: (principal, change) => {
    if (!change.success) throw fieldError(["body", "roleId"], "unknown role");
    return setRolePermissions(principal, change.data.roleId, { scopes: change.data.scopes });
  },
  done: (role) => `Saved ${role.name}: ${role.scopes.length} permissions.`,
  // Navigation everywhere depends on scopes, so every page, not just this one.
  refreshes: "everything",
});
