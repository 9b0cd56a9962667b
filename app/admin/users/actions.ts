"use server";

import { NEW_USER_FIELDS } from "@/lib/identity/forms";
import { ROLE_NAMES, type RoleName } from "@/lib/identity/roles";
import { createUser, deleteUser } from "@/lib/identity/users";
import { formText } from "@/lib/ui/form-state";
import { ROLE_LABELS } from "@/lib/ui/navigation";
import { formAction } from "@/lib/ui/server-action";
import { fieldError } from "@/lib/validation";

function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as string[]).includes(value);
}

export const createUserAction = formAction({
  fields: NEW_USER_FIELDS,
  read: (form) => ({
    role: formText(form, "role"),
    name: formText(form, "name"),
    phone: formText(form, "phone"),
    email: formText(form, "email"),
    password: formText(form, "password"),
  }),
  values: ({ role, name, phone, email }) => ({ role, name, phone, email }),
  run: (principal, { role, ...input }) => {
    if (!isRoleName(role)) throw fieldError(["body", "role"], "choose a role");
    return createUser(principal, role, input);
  },
  done: (user) => `Created ${ROLE_LABELS[user.role].toLowerCase()} ${user.name} (${user.id}).`,
});

export const deleteUserAction = formAction({
  read: (form) => formText(form, "id"),
  run: (principal, id) => deleteUser(principal, id),
  done: () => "User deleted.",
});
