import type { Principal } from "../../auth/principal";
import { db } from "../../db";
import { ROLES } from "../../identity/roles";
import { loadRoleScopes } from "../../rbac/permissions";
import { publishWindow, setAvailability } from "./services/availability";
import { reserve } from "./services/reservations";
import { createSpot } from "./services/spots";

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

async function residentPrincipal(email: string): Promise<Principal | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return null;
  return {
    userId: user.id,
    roleId: ROLES.CUSTOMER.id,
    role: "CUSTOMER",
    name: user.name,
    scopes: await loadRoleScopes(db, ROLES.CUSTOMER.id),
    via: "session",
  };
}

/**
 * Demo parking for the two demo residents, through the real services (so the
 * rules, credits and events apply): three spots, windows now and later, and a
 * reservation each way. Runs once: nothing happens when resident one has spots.
 */
export async function seedParkingDemo(): Promise<number> {
  const rosa = await residentPrincipal("resident@wheelhouse.local");
  const ravi = await residentPrincipal("resident2@wheelhouse.local");
  if (!rosa || !ravi) return 0;
  if ((await db.parkingSpot.count({ where: { ownerId: rosa.userId } })) > 0) return 0;

  const a01 = await createSpot(rosa, { label: "A-01", zone: "Level -1", kind: "STANDARD", description: "Wide bay next to the lift" });
  const a02 = await createSpot(rosa, { label: "A-02", zone: "Level -1", kind: "EV_CHARGER", description: "22 kW wallbox, bring your cable" });
  const b07 = await createSpot(ravi, { label: "B-07", zone: "Level -2", kind: "COMPACT", description: "Short bay, small cars only" });

  await setAvailability(rosa, a01.id, { available: true, until: at(10) });
  await publishWindow(rosa, a02.id, { from: at(16), to: at(26) });
  await publishWindow(ravi, b07.id, { from: at(1), to: at(6) });

  await reserve(ravi, { spotId: a01.id, startsAt: at(2), endsAt: at(4) });
  await reserve(rosa, { spotId: b07.id, startsAt: at(3), endsAt: at(5) });
  return 3;
}
