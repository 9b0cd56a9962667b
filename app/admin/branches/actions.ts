"use server";

import { BRANCH_TEXT_FIELDS, type BranchField } from "@/lib/modules/rentals/schemas";
import { createBranch, deleteBranch, updateBranch } from "@/lib/modules/rentals/services/branches";
import type { BranchView } from "@/lib/modules/rentals/views";
import { formFlag, formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

type BranchText = Record<(typeof BRANCH_TEXT_FIELDS)[number], string>;
type BranchForm = { id: string; values: BranchText; active: boolean };

function readBranchForm(form: unknown): BranchForm {
  const values = Object.fromEntries(BRANCH_TEXT_FIELDS.map((field) => [field, formText(form, field)])) as BranchText;
  return { id: formText(form, "id"), values, active: formFlag(form, "active") };
}

const BRANCH_FORM_FIELDS: readonly BranchField[] = BRANCH_TEXT_FIELDS;

export const createBranchAction = formAction<BranchField, BranchForm, BranchView>({
  fields: BRANCH_FORM_FIELDS,
  read: readBranchForm,
  values: ({ values }) => values,
  run: (principal, { values, active }) => createBranch(principal, { ...values, active }),
  done: (branch) => `Opened ${branch.name}.`,
});

export const updateBranchAction = formAction<BranchField, BranchForm, BranchView>({
  fields: BRANCH_FORM_FIELDS,
  read: readBranchForm,
  values: ({ values }) => values,
  run: (principal, { id, values, active }) => updateBranch(principal, id, { ...values, active }),
  done: (branch) => `Saved ${branch.name}.`,
});

export const deleteBranchAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteBranch,
  done: () => "Branch deleted.",
});
