import type { Principal } from "../../../auth/principal";
import { ForbiddenError } from "../../../errors";
import { requireScope } from "../../../rbac/permissions";
import type { Scope } from "../../../rbac/scopes";
import { isRentalStaff } from "../vocabulary";

/** A scope that customers hold only "(own)", used for a staff-only action: both must hold. */
export async function requireStaffScope(principal: Principal, scope: Scope): Promise<void> {
  await requireScope(principal, scope);
  if (!isRentalStaff(principal)) throw new ForbiddenError();
}

/** What a signed-in person may do with rentals, for pages deciding which controls to show. */
export function rentalCapabilities(principal: Pick<Principal, "role" | "scopes">) {
  const staff = isRentalStaff(principal);
  return {
    browseVehicles: principal.scopes.has("READ:VEHICLES"),
    requestRentals: !staff && principal.scopes.has("WRITE:RENTALS"),
    manageRentals: staff && principal.scopes.has("UPDATE:RENTALS"),
    manageFleet: principal.scopes.has("UPDATE:VEHICLES"),
    manageBranches: principal.scopes.has("WRITE:BRANCHES"),
  };
}
