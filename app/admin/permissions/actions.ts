"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/current";
import { MESSAGES } from "@/lib/errors";
import { setRolePermissions } from "@/lib/rbac/roles-admin";
import { formFailure, type FormState } from "@/lib/ui/form-state";

const roleIdSchema = z.number().int().positive();

/** Replaces one role's scopes with `scopes`; the service validates them and guards the ADMIN role. */
export async function saveRolePermissionsAction(roleId: number, scopes: string[]): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` };
  const parsedRoleId = roleIdSchema.safeParse(roleId);
  if (!parsedRoleId.success) return { status: "error", message: "Unknown role." };
  try {
    const role = await setRolePermissions(principal, parsedRoleId.data, { scopes });
    // Navigation everywhere depends on scopes, so refresh every page, not just this one.
    revalidatePath("/", "layout");
    return { status: "success", message: `Saved ${role.name}: ${role.scopes.length} permissions.` };
  } catch (error) {
    return formFailure(error, []);
  }
}
