"use server";

import { revalidatePath } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import { MESSAGES } from "@/lib/errors";
import { ROLE_NAMES, type RoleName } from "@/lib/identity/roles";
import { createUser, deleteUser } from "@/lib/identity/users";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";
import { ROLE_LABELS } from "@/lib/ui/navigation";

const NEW_USER_FIELDS = ["role", "name", "phone", "email", "password"] as const;
export type NewUserField = (typeof NEW_USER_FIELDS)[number];

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as string[]).includes(value);
}

export async function createUserAction(_previous: FormState<NewUserField>, formData: FormData): Promise<FormState<NewUserField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const role = formText(formData, "role");
  const input = { name: formText(formData, "name"), phone: formText(formData, "phone"), email: formText(formData, "email") };
  if (!isRoleName(role)) {
    return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: { role: "Choose a role" }, values: { role, ...input } };
  }
  try {
    const user = await createUser(principal, role, { ...input, password: formText(formData, "password") });
    revalidatePath("/admin/users");
    return { status: "success", message: `Created ${ROLE_LABELS[user.role].toLowerCase()} ${user.name} (${user.id}).` };
  } catch (error) {
    return formFailure(error, NEW_USER_FIELDS, { role, ...input });
  }
}

export async function deleteUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await deleteUser(principal, formText(formData, "id"));
  } catch (error) {
    return formFailure(error, []);
  }
  revalidatePath("/admin/users");
  return { status: "success", message: "User deleted." };
}
