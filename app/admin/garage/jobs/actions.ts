"use server";

import { stepAssignment } from "@/lib/modules/garage/services/assignments";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The mechanic's steps on their own job: the same rules as POST /api/v1/assignments/{id}/accept|start|finish. */
export const acceptJobAction = formAction({
  read: (form) => ({ id: formText(form, "id") }),
  run: (principal, { id }: { id: string }) => stepAssignment(principal, id, "accept"),
  done: () => "Accepted.",
});

export const startJobAction = formAction({
  read: (form) => ({ id: formText(form, "id") }),
  run: (principal, { id }: { id: string }) => stepAssignment(principal, id, "start"),
  done: () => "Started.",
});

export const finishJobAction = formAction({
  read: (form) => ({ id: formText(form, "id") }),
  run: (principal, { id }: { id: string }) => stepAssignment(principal, id, "finish"),
  done: () => "Finished.",
});
