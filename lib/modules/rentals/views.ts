/** The JSON shapes the rental module returns (API, pages, event payloads). Types only: client code imports them. */
import type { FuelName, RentalStatusName, TransmissionName, VehicleStatusName, VehicleTypeName } from "./vocabulary";

export interface BranchView {
  id: string;
  name: string;
  address: string;
  city: string;
  phone: string;
  openingHours: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface VehicleView {
  id: string;
  make: string;
  model: string;
  year: number;
  type: VehicleTypeName;
  plate: string;
  seats: number;
  transmission: TransmissionName;
  fuel: FuelName;
  dailyPrice: number;
  branchId: string;
  branch: { id: string; name: string; city: string; active: boolean };
  photoUrl: string | null;
  status: VehicleStatusName;
  createdAt: string;
  updatedAt: string;
}

/** A period a vehicle is already taken for (an approved or active rental), `[startDate, endDate)`. */
export interface BookedPeriod {
  startDate: string;
  endDate: string;
}

export interface RentalHistoryEntry {
  fromStatus: RentalStatusName | null;
  status: RentalStatusName;
  at: string;
  actorId: string | null;
  actorName: string;
  note: string | null;
}

export interface RentalView {
  id: string;
  vehicleId: string;
  vehicle: {
    id: string;
    make: string;
    model: string;
    year: number;
    type: VehicleTypeName;
    plate: string;
    photoUrl: string | null;
    status: VehicleStatusName;
    branch: { id: string; name: string; city: string };
  };
  customerId: string | null;
  customer: { id: string; name: string } | null;
  startDate: string;
  endDate: string;
  days: number;
  status: RentalStatusName;
  dailyPrice: number;
  totalPrice: number;
  lateDays: number;
  lateFee: number;
  /** totalPrice + lateFee. */
  amountDue: number;
  rejectionReason: string | null;
  pickedUpAt: string | null;
  returnedAt: string | null;
  createdAt: string;
  updatedAt: string;
  history: RentalHistoryEntry[];
}
