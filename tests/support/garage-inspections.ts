import { randomBytes, randomInt } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { customerCar, garageCatalogue, insertBooking, openDay, slotAt, type GarageFixture } from "./garage-bookings";
import { databaseSnapshot, type TestUser } from "./identity";

const suffix = () => randomBytes(4).toString("hex").toUpperCase();

/** A template of three items: tread (mm, recommends the first service), pads (%, the second) and lights (no measurement, no service). */
export async function inspectionTemplate(fixture: GarageFixture, name = `Check ${suffix()}`) {
  return db.inspectionTemplate.create({
    data: {
      name,
      items: {
        create: [
          { position: 1, label: "Tyre tread", measurementUnit: "mm", serviceId: fixture.serviceIds[0] },
          { position: 2, label: "Brake pads", measurementUnit: "%", serviceId: fixture.serviceIds[1] },
          { position: 3, label: "Lights" },
        ],
      },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
}

/** A free (slot, bay) far ahead: files share the database on PostgreSQL, and runs leave their rows, so pick at random and retry. */
async function insertFreeBooking(customerId: string, carId: string, status: BookingStatus) {
  for (let attempt = 0; ; attempt++) {
    const day = openDay(60 + randomInt(4000));
    const time = `${String(8 + randomInt(8)).padStart(2, "0")}:00`;
    try {
      return await insertBooking(customerId, carId, slotAt(day, time), { status, bay: 1 + randomInt(3) });
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
}

/** A booking of `customer`'s car in `status`, with `mechanic` assigned to it (when given). */
export async function workshopBooking(customer: TestUser, fixture: GarageFixture, { status = "CHECKED_IN" as BookingStatus, mechanic = undefined as TestUser | undefined } = {}) {
  const car = await customerCar(customer.id, fixture.carModelId);
  for (let attempt = 0; ; attempt++) {
    const booking = await insertFreeBooking(customer.id, car.id, status);
    if (!mechanic) return booking;
    try {
      await db.bookingAssignment.create({
        data: {
          bookingId: booking.id,
          mechanicId: mechanic.id,
          mechanicName: "Test mechanic",
          startsAt: booking.slotStart,
          endsAt: new Date(booking.slotStart.getTime() + 3_600_000),
          assignedByName: "Test admin",
        },
      });
      return booking;
    } catch (error) {
      // The random slot may overlap another of this mechanic's bookings in the file (booking_assignments_no_overlap).
      await db.booking.delete({ where: { id: booking.id } });
      if (attempt >= 10) throw error;
    }
  }
}

/** Everything a refused request must leave untouched, inspections, photos and recommendations included. */
export async function inspectionSnapshot() {
  const [identity, bookings, progress, templates, templateItems, inspections, items, photos, recommendations] = await Promise.all([
    databaseSnapshot(),
    db.booking.findMany({ orderBy: { id: "asc" } }),
    db.bookingProgress.findMany({ orderBy: { id: "asc" } }),
    db.inspectionTemplate.findMany({ orderBy: { id: "asc" } }),
    db.inspectionTemplateItem.findMany({ orderBy: { id: "asc" } }),
    db.inspection.findMany({ orderBy: { id: "asc" } }),
    db.inspectionItem.findMany({ orderBy: { id: "asc" } }),
    db.inspectionPhoto.findMany({ orderBy: { id: "asc" }, select: { id: true, itemId: true, sizeBytes: true } }),
    db.recommendation.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { identity, bookings, progress, templates, templateItems, inspections, items, photos, recommendations };
}

/** A generated image of the given format and size (noise makes it big when asked). */
export async function testImage(format: "png" | "jpeg" | "webp", width = 64, height = 48): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  return image.toFormat(format).toBuffer();
}

export function photoForm(bytes: Uint8Array, name: string, type = "image/jpeg", field = "photo"): FormData {
  const form = new FormData();
  form.append(field, new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

export { garageCatalogue };
