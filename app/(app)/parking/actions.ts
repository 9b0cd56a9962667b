"use server";

import { ConflictError } from "@/lib/errors";
import { publishWindow, setAvailability } from "@/lib/modules/parking/services/availability";
import { cancelReservation, reserve } from "@/lib/modules/parking/services/reservations";
import { createSpot, deleteSpot, updateSpot } from "@/lib/modules/parking/services/spots";
import { RESERVE_FIELDS, SPOT_FIELDS, TOGGLE_FIELDS, WINDOW_FIELDS, type ReserveField, type ReserveState, type SpotField } from "@/lib/modules/parking/schemas";
import type { ReservationView } from "@/lib/modules/parking/views";
import { formText, type FormState } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/**
 * The parking pages' server actions: thin adapters over the parking services,
 * which validate and authorize. Times arrive as ISO instants with the browser's
 * offset (the forms convert their `datetime-local` values before submitting).
 */

function spotInput(formData: unknown) {
  return {
    label: formText(formData, "label"),
    zone: formText(formData, "zone"),
    description: formText(formData, "description"),
    kind: formText(formData, "kind"),
  };
}

export const createSpotAction = formAction({
  fields: SPOT_FIELDS,
  read: spotInput,
  values: (input) => input,
  run: (principal, input) => createSpot(principal, input),
  done: (spot) => `Registered ${spot.label} in ${spot.zone}. Publish a window to offer it.`,
});

export const updateSpotAction = formAction({
  fields: SPOT_FIELDS,
  read: (formData) => ({ spotId: formText(formData, "spotId"), spot: spotInput(formData) }),
  values: (input) => input.spot,
  run: (principal, input) => updateSpot(principal, input.spotId, input.spot),
  done: (spot, input): FormState<SpotField> => ({ status: "success", message: `Saved ${spot.label}.`, values: input.spot }),
});

export const deleteSpotAction = formAction({
  read: (formData) => formText(formData, "spotId"),
  run: (principal, spotId) => deleteSpot(principal, spotId),
  done: () => "Spot deleted.",
});

export const publishWindowAction = formAction({
  fields: WINDOW_FIELDS,
  read: (formData) => ({ spotId: formText(formData, "spotId"), window: { from: formText(formData, "from"), to: formText(formData, "to") } }),
  run: (principal, input) => publishWindow(principal, input.spotId, input.window),
  done: () => "Window published: others can reserve your spot in it now.",
});

export const setAvailabilityAction = formAction({
  fields: TOGGLE_FIELDS,
  read: (formData) => {
    const available = formText(formData, "available") === "true";
    return { spotId: formText(formData, "spotId"), toggle: available ? { available, until: formText(formData, "until") } : { available } };
  },
  run: (principal, input) => setAvailability(principal, input.spotId, input.toggle),
  done: (_spot, input) => (input.toggle.available ? "Your spot is free now." : "Your spot is no longer offered."),
});

/** The balance and the cost behind an "insufficient credits" refusal. */
function creditShortfall(error: unknown): Pick<ReserveState, "credits"> {
  if (!(error instanceof ConflictError)) return {};
  const { balance, cost } = error.extra;
  return typeof balance === "number" && typeof cost === "number" ? { credits: { balance, cost } } : {};
}

export const reserveAction = formAction<ReserveField, { spotId: string; startsAt: string; endsAt: string }, ReservationView, ReserveState>({
  fields: RESERVE_FIELDS,
  read: (formData) => ({ spotId: formText(formData, "spotId"), startsAt: formText(formData, "startsAt"), endsAt: formText(formData, "endsAt") }),
  run: (principal, input) => reserve(principal, input),
  done: (reservation) => ({
    status: "success",
    message: `Reserved ${reservation.spot.label}. ${reservation.cost} credits are held until it starts.`,
    reservation: { id: reservation.id, startsAt: reservation.startsAt, endsAt: reservation.endsAt, cost: reservation.cost },
  }),
  failure: creditShortfall,
});

export const cancelReservationAction = formAction({
  read: (formData) => formText(formData, "reservationId"),
  run: (principal, reservationId) => cancelReservation(principal, reservationId),
  done: (reservation) => `Cancelled; ${reservation.cost} credits refunded to ${reservation.reserver.name}.`,
});
