"use server";

import { BOOKING_FIELDS } from "@/lib/modules/garage/schemas";
import { createBooking } from "@/lib/modules/garage/services/bookings";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Books the car's cart lines: same rules as POST /api/v1/bookings with `fromCart: true`. */
export const bookFromCartAction = formAction({
  fields: BOOKING_FIELDS,
  read: (form) => {
    const pickupAddressId = formText(form, "pickupAddressId");
    const notes = formText(form, "notes");
    return {
      carId: formText(form, "carId"),
      slotStart: formText(form, "slotStart"),
      fromCart: true as const,
      ...(pickupAddressId ? { pickupAddressId } : {}),
      ...(notes ? { notes } : {}),
    };
  },
  values: (input) => ({ slotStart: input.slotStart, pickupAddressId: input.pickupAddressId ?? "", notes: input.notes ?? "" }),
  run: createBooking,
  refreshes: { redirect: () => "/garage/bookings" },
});
