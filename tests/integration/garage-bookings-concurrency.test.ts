import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import type { GarageSlotView } from "@/lib/modules/garage/views";
import { createUser, type TestUser } from "../support/identity";
import { bookCall, customerCar, garageCatalogue, openDay, slotAt, type GarageFixture } from "../support/garage-bookings";

const backend = inject("databaseBackend");

let catalogue: GarageFixture;
beforeAll(async () => {
  catalogue = await garageCatalogue();
});

describe.skipIf(backend === "embedded")(`garage capacity under concurrency (${backend})`, () => {
  it("30 simultaneous bookings of one slot with 3 bays: exactly 3 × 201, 27 × 409 with the next free slots, 3 bookings held", async () => {
    const customers: Array<{ customer: TestUser; carId: string }> = [];
    for (let index = 0; index < 30; index++) {
      const customer = await createUser("CUSTOMER");
      customers.push({ customer, carId: (await customerCar(customer.id, catalogue.carModelId)).id });
    }
    const date = openDay(9);
    const slotStart = slotAt(date, "10:00");
    const responses = await Promise.all(
      customers.map(({ customer, carId }) => bookCall(customer, { carId, slotStart, serviceIds: [catalogue.serviceIds[0]] })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201), JSON.stringify(statuses)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(27);
    for (const refused of responses.filter((response) => response.status === 409)) {
      const next = refused.body.nextFreeSlots as GarageSlotView[];
      expect(next).toHaveLength(5);
      expect(next.map((slot) => slot.start)).not.toContain(slotStart);
    }
    const held = await db.booking.findMany({ where: { slotStart: new Date(slotStart), status: { not: "CANCELLED" } }, orderBy: { bay: "asc" } });
    expect(held.map((booking) => booking.bay)).toEqual([1, 2, 3]);
  });
});
