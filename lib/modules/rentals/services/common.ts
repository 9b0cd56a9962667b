export const MESSAGES = {
  branchNotFound: "Branch not found.",
  vehicleNotFound: "Vehicle not found.",
  rentalNotFound: "Rental not found.",
} as const;
