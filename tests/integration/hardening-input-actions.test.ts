import { beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import type { Principal } from "@/lib/auth/principal";
import { createUser, type TestUser } from "../support/identity";

/** Server actions read the session from next/headers; here the acting user is fixed per test. */
let acting: TestUser | null = null;
vi.mock("@/lib/auth/current", () => ({
  currentPrincipal: async (): Promise<Principal | null> =>
    acting ? authenticate(new Request("http://localhost/", { headers: { authorization: `Bearer ${acting.token}` } })) : null,
}));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
/** The request headers actions read (the sign-up action limits by client address). */
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "10.20.30.40" }),
  cookies: async () => ({ getAll: () => [], get: () => undefined }),
}));

const parking = await import("@/app/(app)/parking/actions");
const profile = await import("@/app/(app)/profile/actions");
const rentals = await import("@/app/(app)/rentals/actions");
const register = await import("@/app/(auth)/register/actions");
const branches = await import("@/app/admin/branches/actions");
const fleet = await import("@/app/admin/fleet/actions");
const permissions = await import("@/app/admin/permissions/actions");
const adminRentals = await import("@/app/admin/rentals/actions");
const users = await import("@/app/admin/users/actions");

let admin: TestUser;

beforeAll(async () => {
  admin = await createUser("ADMIN");
});

type Action = (...args: never[]) => Promise<unknown>;

const formActions: Array<[string, Action]> = [
  ["createSpotAction", parking.createSpotAction],
  ["updateSpotAction", parking.updateSpotAction],
  ["deleteSpotAction", parking.deleteSpotAction],
  ["publishWindowAction", parking.publishWindowAction],
  ["setAvailabilityAction", parking.setAvailabilityAction],
  ["reserveAction", parking.reserveAction],
  ["cancelReservationAction", parking.cancelReservationAction],
  ["updateProfileAction", profile.updateProfileAction],
  ["changePasswordAction", profile.changePasswordAction],
  ["requestRentalAction", rentals.requestRentalAction],
  ["cancelRentalAction", rentals.cancelRentalAction],
  ["registerAction", register.registerAction],
  ["createBranchAction", branches.createBranchAction],
  ["updateBranchAction", branches.updateBranchAction],
  ["deleteBranchAction", branches.deleteBranchAction],
  ["createVehicleAction", fleet.createVehicleAction],
  ["setVehicleStatusAction", fleet.setVehicleStatusAction],
  ["deleteVehicleAction", fleet.deleteVehicleAction],
  ["approveRentalAction", adminRentals.approveRentalAction],
  ["pickUpRentalAction", adminRentals.pickUpRentalAction],
  ["returnRentalAction", adminRentals.returnRentalAction],
  ["rejectRentalAction", adminRentals.rejectRentalAction],
  ["createUserAction", users.createUserAction],
  ["deleteUserAction", users.deleteUserAction],
];

const malformed: unknown[][] = [[], [undefined, undefined], [null, "not a form"], [{}, { get: 1 }], [{}, 42]];

function nulForm(): FormData {
  const form = new FormData();
  for (const name of ["label", "zone", "name", "email", "phone", "make", "id", "spotId", "reason", "startsAt"]) form.set(name, "x\u0000y");
  return form;
}

describe("server actions called with malformed arguments answer a form error, never a throw (item 14)", () => {
  for (const [name, action] of formActions) {
    it(`${name}`, async () => {
      acting = admin;
      for (const args of [...malformed, [{ status: "idle" }, nulForm()]]) {
        let outcome: unknown;
        try {
          outcome = await (action as (...values: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          // redirect() after a success is how some actions end; a malformed call must never succeed.
          throw new Error(`${name}(${args.map((arg) => String(arg)).join(", ")}) threw: ${String(error)}`);
        }
        expect(outcome, `${name}(${args.map(String).join(", ")})`).toMatchObject({ status: "error" });
      }
    });
  }

  it("saveRolePermissionsAction with a role id or scopes of the wrong shape", async () => {
    acting = admin;
    for (const args of [[], ["1", "READ:SPOTS"], [3, "READ:SPOTS"], [3, [1, 2]], [3, null], [3, ["x\u0000"]]]) {
      const outcome = await (permissions.saveRolePermissionsAction as (...values: unknown[]) => Promise<unknown>)(...args);
      expect(outcome, JSON.stringify(args)).toMatchObject({ status: "error" });
    }
  });
});
