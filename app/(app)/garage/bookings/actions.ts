"use server";

import { decideRecommendations } from "@/lib/modules/garage/services/approvals";
import { cancelBooking } from "@/lib/modules/garage/services/bookings";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** The browser's door to `cancelBooking`: same rules as POST /api/v1/bookings/{id}/cancel. */
export const cancelBookingAction = formAction({
  read: (form) => formText(form, "id"),
  run: (principal, id: string) => cancelBooking(principal, id, {}),
  done: () => "Booking cancelled.",
});

/** One item, or several as `recommendationId:version` pairs: the customer decides exactly the versions the page showed. */
function readDecision(form: unknown) {
  const decision = formText(form, "decision");
  const items = formText(form, "items")
    .split(",")
    .filter(Boolean)
    .map((pair) => {
      const [recommendationId = "", version = ""] = pair.split(":");
      return { recommendationId, decision, version: Number(version) };
    });
  return { id: formText(form, "id"), decisions: items };
}

/** The browser's door to `decideRecommendations`: same rules as POST /api/v1/bookings/{id}/approvals. */
export const decideRecommendationsAction = formAction({
  read: readDecision,
  run: (principal, input: ReturnType<typeof readDecision>) => decideRecommendations(principal, input.id, { decisions: input.decisions }),
  done: (outcome) => (outcome.records.some((record) => record.decision === "APPROVED") ? "Approved: the workshop goes ahead." : "Declined: kept on your car for later."),
});
