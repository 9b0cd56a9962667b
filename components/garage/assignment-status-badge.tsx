import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatusName } from "@/lib/modules/garage/vocabulary";

const TONES: Record<AssignmentStatusName, BadgeTone> = {
  ASSIGNED: "info",
  ACCEPTED: "attention",
  STARTED: "progress",
  FINISHED: "positive",
  REASSIGNED: "quiet",
  CANCELLED: "quiet",
};

export function AssignmentStatusBadge({ status }: { status: AssignmentStatusName }) {
  return <Badge label={ASSIGNMENT_STATUS_LABELS[status]} tone={TONES[status]} status={status} testId="assignment-status" />;
}
