import { randomInt } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { authenticate } from "@/lib/auth/authenticate";
import { db } from "@/lib/db";
import { transaction } from "@/lib/events/transaction";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { recommendWork, type RecommendWorkInput } from "@/lib/modules/garage/services/recommendations";
import { garageSettings } from "@/lib/modules/garage/settings";
import type { RecommendationView } from "@/lib/modules/garage/views";
import { garageSnapshot } from "./garage-bookings";
import type { TestUser } from "./identity";

/** The principal a test user's requests carry (for calling services directly, as other helpers' code does). */
export async function principalOf(user: TestUser): Promise<Principal> {
  return authenticate(new Request("http://localhost/api/v1/test", { headers: { authorization: `Bearer ${user.token}`, "x-forwarded-for": "127.0.0.1" } }));
}

/**
 * A booking written directly in a workshop status, with one booked service (60 min, 1000 + 180 tax)
 * and totals that are its sums. A random far-away slot keeps the (slot, bay) index out of the way.
 */
export async function workshopBooking(customerId: string, carId: string, status: BookingStatus = "AWAITING_APPROVAL") {
  const start = new Date(Date.UTC(2031, 0, 1) + randomInt(0, 5_000_000) * 30 * 60_000);
  const car = await db.customerCar.findUniqueOrThrow({ where: { id: carId } });
  return db.booking.create({
    data: {
      customerId,
      carId,
      carPlate: car.plate,
      carDescription: "Test car",
      slotStart: start,
      slotEnd: new Date(start.getTime() + garageSettings().GARAGE_SLOT_MINUTES * 60_000),
      bay: 1,
      labourMinutes: 60,
      status,
      subtotalMinor: 1000,
      taxMinor: 180,
      totalMinor: 1180,
      currency: garageSettings().GARAGE_CURRENCY,
      services: {
        create: { serviceName: "Booked at drop-off", labourMinutes: 60, priceMinor: 1000, priceSource: "BASE", gstCode: "TEST", gstBasisPoints: 1800, taxMinor: 180 },
      },
    },
  });
}

/** Recommended work on a booking, made the way the inspection makes it (recommendWork, priced from the chart). */
export async function recommend(by: TestUser, bookingId: string, input: RecommendWorkInput): Promise<RecommendationView> {
  const principal = await principalOf(by);
  return transaction(async (tx) => {
    const booking = await tx.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { customer: { select: { id: true, name: true } } } });
    return recommendWork(tx, principal, booking, input);
  });
}

/** Puts a mechanic on a booking (the assignment helper's area; written directly). */
export async function assign(mechanic: TestUser, bookingId: string) {
  const startsAt = new Date(Date.UTC(2032, 0, 1) + randomInt(0, 5_000_000) * 60 * 60_000);
  return db.bookingAssignment.create({
    data: { bookingId, mechanicId: mechanic.id, mechanicName: "Test mechanic", startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), assignedByName: "Test admin" },
  });
}

/** The booking tables plus everything a decision writes: recommendations and approval records with their items. */
export async function approvalSnapshot() {
  const [garage, recommendations, approvals, approvalItems] = await Promise.all([
    garageSnapshot(),
    db.recommendation.findMany({ orderBy: { id: "asc" } }),
    db.approvalRecord.findMany({ orderBy: { id: "asc" } }),
    db.approvalItem.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { garage, recommendations, approvals, approvalItems };
}
