import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReservationView } from "@/lib/modules/parking/views";
import { RESERVATION_STATUS_LABELS, SPOT_STATUS_LABELS, type SpotStatus } from "@/lib/modules/parking/vocabulary";

const SPOT_STATUS_TONES: Record<SpotStatus, BadgeTone> = {
  "free-now": "positive",
  "reserved-now": "attention",
  "free-later-today": "info",
  "not-offered": "quiet",
};

export function SpotStatusBadge({ status }: { status: SpotStatus }) {
  return <Badge label={SPOT_STATUS_LABELS[status]} tone={SPOT_STATUS_TONES[status]} status={status} />;
}

const RESERVATION_STATUS_TONES: Record<ReservationView["status"], BadgeTone> = {
  CONFIRMED: "positive",
  ACTIVE: "attention",
  COMPLETED: "quiet",
  CANCELLED: "quiet",
};

export function ReservationStatusBadge({ status }: { status: ReservationView["status"] }) {
  return <Badge label={RESERVATION_STATUS_LABELS[status]} tone={RESERVATION_STATUS_TONES[status]} testId="reservation-status" />;
}
