import type { RoleName } from "../../../identity/roles";

/**
 * The matrix grants customers their RENTALS scopes "(own)": they request, see and
 * cancel their own rentals. Every other role holding a RENTALS scope is rental
 * staff and acts on every rental (approve, reject, hand over, take back).
 * Pure, so navigation and client code can ask too.
 */
export function isRentalStaff(principal: { role: RoleName }): boolean {
  return principal.role !== "CUSTOMER";
}
