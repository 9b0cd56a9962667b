import { Badge, type BadgeTone } from "@/components/ui/badge";
import {
  RENTAL_STATUS_LABELS,
  VEHICLE_STATUS_LABELS,
  type RentalStatusName,
  type VehicleStatusName,
} from "@/lib/modules/rentals/vocabulary";

const RENTAL_TONES: Record<RentalStatusName, BadgeTone> = {
  PENDING: "attention",
  APPROVED: "positive",
  REJECTED: "danger",
  ACTIVE: "progress",
  COMPLETED: "done",
  CANCELLED: "quiet",
};

const VEHICLE_TONES: Record<VehicleStatusName, BadgeTone> = {
  AVAILABLE: "positive",
  RENTED: "progress",
  MAINTENANCE: "attention",
  RETIRED: "quiet",
};

export function RentalStatusBadge({ status }: { status: RentalStatusName }) {
  return <Badge label={RENTAL_STATUS_LABELS[status]} tone={RENTAL_TONES[status]} status={status} testId="rental-status" />;
}

export function VehicleStatusBadge({ status }: { status: VehicleStatusName }) {
  return <Badge label={VEHICLE_STATUS_LABELS[status]} tone={VEHICLE_TONES[status]} status={status} testId="vehicle-status" />;
}
