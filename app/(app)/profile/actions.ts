"use server";

import { revalidatePath } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { MESSAGES } from "@/lib/errors";
import { changePassword, updateUser } from "@/lib/identity/users";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";

const PROFILE_FIELDS = ["name", "phone", "email"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

export async function updateProfileAction(_previous: FormState<ProfileField>, formData: FormData): Promise<FormState<ProfileField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const input = { name: formText(formData, "name"), phone: formText(formData, "phone"), email: formText(formData, "email") };
  try {
    await updateUser(principal, principal.userId, input, principal.role);
  } catch (error) {
    return formFailure(error, PROFILE_FIELDS, input);
  }
  // The header shows the name too.
  revalidatePath("/", "layout");
  return { status: "success", message: "Profile saved." };
}

/**
 * Changing the password ends every session, this one included: on success the
 * form signs the browser out and sends it to the sign-in page.
 */
export async function changePasswordAction(_previous: FormState<PasswordField>, formData: FormData): Promise<FormState<PasswordField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const newPassword = formText(formData, "newPassword");
  if (newPassword !== formText(formData, "confirmPassword")) {
    return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: { confirmPassword: "Does not match the new password" } };
  }
  try {
    await changePassword(principal, { currentPassword: formText(formData, "currentPassword"), newPassword });
  } catch (error) {
    return formFailure(error, PASSWORD_FIELDS);
  }
  return { status: "success", message: "Password changed — sign in again" };
}

/**
 * Sign out everywhere: every browser session (this one too) and every API token of the
 * user stop working; the form then clears this browser's cookie and goes to the sign-in page.
 */
export async function signOutEverywhereAction(_previous: FormState<never>, _formData: FormData): Promise<FormState<never>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  await signOutEverywhere(principal);
  return { status: "success", message: "Signed out everywhere — sign in again" };
}
