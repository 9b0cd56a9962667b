import * as assignmentCollection from "@/app/api/v1/assignments/route";
import * as autoAssignRoute from "@/app/api/v1/assignments/auto/route";
import { db } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import type { AssignmentView } from "@/lib/modules/garage/views";
import { call } from "./http";
import { createUser, type TestUser } from "./identity";
import { customerCar, garageSnapshot, insertBooking, slotAt, type GarageFixture } from "./garage-bookings";

let dropOffs = 0;

/** A customer with a car and an open booking (a drop-off from 07:00 on `date`, a minute after the previous one), plus one booked service line. */
export async function bookingFor(catalogue: GarageFixture, date: string, { status = "BOOKED" as BookingStatus, customer }: { status?: BookingStatus; customer?: TestUser } = {}) {
  const owner = customer ?? (await createUser("CUSTOMER"));
  const car = await customerCar(owner.id, catalogue.carModelId);
  const booking = await insertBooking(owner.id, car.id, new Date(Date.parse(slotAt(date, "07:00")) + dropOffs++ * 60_000).toISOString(), { status, labourMinutes: 90 });
  const line = await db.bookedService.create({
    data: { bookingId: booking.id, serviceName: "Oil change", labourMinutes: 60, priceMinor: 1000, priceSource: "BASE", gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: 180 },
  });
  return { customer: owner, car, booking, line };
}

/** `{startsAt, endsAt}` on the shop's clock of `date`. */
export const span = (date: string, from: string, to: string) => ({ startsAt: slotAt(date, from), endsAt: slotAt(date, to) });

export function assignCall(user: TestUser, json: Record<string, unknown>) {
  return call<AssignmentView>(assignmentCollection.POST, { token: user.token, json });
}

export function autoAssignCall(user: TestUser, json: Record<string, unknown>) {
  return call<AssignmentView>(autoAssignRoute.POST, { token: user.token, json });
}

/** A holding assignment written directly (to load a mechanic's day). */
export async function insertAssignment(bookingId: string, mechanic: TestUser, startsAt: string, endsAt: string) {
  return db.bookingAssignment.create({
    data: { bookingId, mechanicId: mechanic.id, mechanicName: "Test mechanic", startsAt: new Date(startsAt), endsAt: new Date(endsAt), assignedByName: "Test" },
  });
}

/** The garage's snapshot plus every assignment: a refused request leaves both unchanged. */
export async function assignmentSnapshot() {
  const [garage, assignments] = await Promise.all([garageSnapshot(), db.bookingAssignment.findMany({ orderBy: { id: "asc" } })]);
  return { garage, assignments };
}
