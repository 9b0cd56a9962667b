"use server";

import { signOutEverywhere } from "@/lib/auth/sign-out";
import { changePassword, updateUser } from "@/lib/identity/users";
import { fieldError } from "@/lib/validation";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";
import { PASSWORD_FIELDS, PROFILE_FIELDS } from "@/lib/identity/forms";

export const updateProfileAction = formAction({
  fields: PROFILE_FIELDS,
  read: (form) => ({ name: formText(form, "name"), phone: formText(form, "phone"), email: formText(form, "email") }),
  values: (input) => input,
  run: (principal, input) => updateUser(principal, principal.userId, input, principal.role),
  done: () => "Profile saved.",
  // The header shows the name too.
  refreshes: "everything",
});

/**
 * Changing the password ends every session, this one included: on success the
 * form signs the browser out and sends it to the sign-in page.
 */
export const changePasswordAction = formAction({
  fields: PASSWORD_FIELDS,
  read: (form) => ({
    currentPassword: formText(form, "currentPassword"),
    newPassword: formText(form, "newPassword"),
    confirmPassword: formText(form, "confirmPassword"),
  }),
  run: async (principal, { currentPassword, newPassword, confirmPassword }) => {
    if (newPassword !== confirmPassword) throw fieldError(["body", "confirmPassword"], "does not match the new password");
    await changePassword(principal, { currentPassword, newPassword });
  },
  done: () => "Password changed — sign in again",
  refreshes: "nothing",
});

/**
 * Sign out everywhere: every browser session (this one too) and every API token of the
 * user stop working; the form then clears this browser's cookie and goes to the sign-in page.
 */
export const signOutEverywhereAction = formAction({
  read: () => ({}),
  run: (principal) => signOutEverywhere(principal),
  done: () => "Signed out everywhere — sign in again",
  refreshes: "nothing",
});
