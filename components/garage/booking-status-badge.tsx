import { Badge, type BadgeTone } from "@/components/ui/badge";
import { BOOKING_STATUS_LABELS, SUPPORT_QUERY_STATUS_LABELS, type BookingStatusName, type SupportQueryStatusName } from "@/lib/modules/garage/vocabulary";

const BOOKING_TONES: Record<BookingStatusName, BadgeTone> = {
  BOOKED: "info",
  CHECKED_IN: "progress",
  INSPECTING: "progress",
  AWAITING_APPROVAL: "attention",
  IN_PROGRESS: "progress",
  QUALITY_CHECK: "progress",
  READY: "positive",
  DELIVERED: "done",
  CANCELLED: "quiet",
};

export function BookingStatusBadge({ status }: { status: BookingStatusName }) {
  return <Badge label={BOOKING_STATUS_LABELS[status]} tone={BOOKING_TONES[status]} status={status} testId="booking-status" />;
}

const QUERY_TONES: Record<SupportQueryStatusName, BadgeTone> = { OPEN: "attention", ANSWERED: "positive", CLOSED: "done" };

export function SupportQueryStatusBadge({ status }: { status: SupportQueryStatusName }) {
  return <Badge label={SUPPORT_QUERY_STATUS_LABELS[status]} tone={QUERY_TONES[status]} status={status} testId="query-status" />;
}
