"use server";

import { revalidatePath } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import { MESSAGES } from "@/lib/errors";
import { BRANCH_TEXT_FIELDS, type BranchField } from "@/lib/modules/rentals/schemas";
import { createBranch, deleteBranch, updateBranch } from "@/lib/modules/rentals/services/branches";
import { formFailure, formFlag, formText, type FormState } from "@/lib/ui/form-state";

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

function branchInput(formData: FormData) {
  const values = Object.fromEntries(BRANCH_TEXT_FIELDS.map((field) => [field, formText(formData, field)])) as Record<(typeof BRANCH_TEXT_FIELDS)[number], string>;
  return { values, input: { ...values, active: formFlag(formData, "active") } };
}

function refresh() {
  revalidatePath("/admin/branches");
  revalidatePath("/admin/fleet");
}

export async function createBranchAction(_previous: FormState<BranchField>, formData: FormData): Promise<FormState<BranchField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const { values, input } = branchInput(formData);
  try {
    const branch = await createBranch(principal, input);
    refresh();
    return { status: "success", message: `Opened ${branch.name}.` };
  } catch (error) {
    return formFailure<BranchField>(error, BRANCH_TEXT_FIELDS, values);
  }
}

export async function updateBranchAction(_previous: FormState<BranchField>, formData: FormData): Promise<FormState<BranchField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const { values, input } = branchInput(formData);
  try {
    const branch = await updateBranch(principal, formText(formData, "id"), input);
    refresh();
    return { status: "success", message: `Saved ${branch.name}.` };
  } catch (error) {
    return formFailure<BranchField>(error, BRANCH_TEXT_FIELDS, values);
  }
}

export async function deleteBranchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await deleteBranch(principal, formText(formData, "id"));
  } catch (error) {
    return formFailure(error, []);
  }
  refresh();
  return { status: "success", message: "Branch deleted." };
}
