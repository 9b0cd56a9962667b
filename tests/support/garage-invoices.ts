import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { garageSettings } from "@/lib/modules/garage/settings";
import { taxOn } from "@/lib/modules/garage/view-models/money";
import { customerCar, openDay, slotAt, type GarageFixture } from "./garage-bookings";
import { databaseSnapshot } from "./identity";

let slotsTaken = 0;
const firstSlot = new Date(slotAt(openDay(120 + randomInt(0, 400)), "08:00")).getTime();
/**
 * Slot and bay are unique together, and test files run side by side on one database: each file that imports this
 * helper writes to a bay of its own, so two files that drew the same far day still never share a slot's bay.
 */
const bayOfThisFile = randomInt(1_000, 2_000_000_000);

/** A slot of its own for each booking (with `bayOfThisFile`): half-hours on from a far day. */
function nextSlot(): Date {
  return new Date(firstSlot + slotsTaken++ * 30 * 60_000);
}

export interface LineSpec {
  serviceId: string;
  name: string;
  priceMinor: number;
  gstBasisPoints?: number;
}

/**
 * A booking written straight into the status a test needs (READY, DELIVERED, QUALITY_CHECK…),
 * with booked lines that snapshot price and GST as checkout does.
 */
export async function workshopBooking(customerId: string, catalogue: GarageFixture, status: BookingStatus, lines?: LineSpec[]) {
  const car = await customerCar(customerId, catalogue.carModelId);
  const specs = lines ?? [
    { serviceId: catalogue.serviceIds[0], name: "Oil change", priceMinor: 120_000 },
    { serviceId: catalogue.serviceIds[1], name: "Brake service", priceMinor: 250_000 },
  ];
  const priced = specs.map((line) => {
    const gstBasisPoints = line.gstBasisPoints ?? 1800;
    return { ...line, gstBasisPoints, taxMinor: taxOn(line.priceMinor, gstBasisPoints) };
  });
  const subtotalMinor = priced.reduce((sum, line) => sum + line.priceMinor, 0);
  const taxMinor = priced.reduce((sum, line) => sum + line.taxMinor, 0);
  const start = nextSlot();
  const delivered = status === "DELIVERED";
  const checkedIn = status !== "BOOKED" && status !== "CANCELLED";
  return db.booking.create({
    data: {
      customerId,
      carId: car.id,
      carPlate: car.plate,
      carDescription: "Maruti Swift",
      slotStart: start,
      slotEnd: new Date(start.getTime() + garageSettings().GARAGE_SLOT_MINUTES * 60_000),
      bay: bayOfThisFile,
      labourMinutes: 150,
      status,
      subtotalMinor,
      taxMinor,
      totalMinor: subtotalMinor + taxMinor,
      currency: garageSettings().GARAGE_CURRENCY,
      odometerInKm: checkedIn ? 10_000 : null,
      odometerOutKm: delivered ? 10_020 : null,
      services: {
        create: priced.map((line, index) => ({
          serviceId: line.serviceId,
          serviceName: line.name,
          labourMinutes: 60 + index * 30,
          priceMinor: line.priceMinor,
          priceSource: "BASE",
          gstCode: catalogue.gstCode,
          gstBasisPoints: line.gstBasisPoints,
          taxMinor: line.taxMinor,
          createdAt: new Date(Date.now() + index),
        })),
      },
    },
    include: { services: { orderBy: { createdAt: "asc" } } },
  });
}

/** Everything a refused request about reviews, invoices or payments must leave untouched. */
export async function ledgerSnapshot() {
  const [identity, bookings, reviews, invoices, lines, payments, sequences] = await Promise.all([
    databaseSnapshot(),
    db.booking.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } }),
    db.serviceReview.findMany({ orderBy: { id: "asc" } }),
    db.invoice.findMany({ orderBy: { id: "asc" } }),
    db.invoiceLine.findMany({ orderBy: { id: "asc" } }),
    db.payment.findMany({ orderBy: { id: "asc" } }),
    db.invoiceSequence.findMany({ orderBy: [{ kind: "asc" }, { year: "asc" }] }),
  ]);
  return { identity, bookings, reviews, invoices, lines, payments, sequences };
}
