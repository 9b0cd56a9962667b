"use server";

import { refresh } from "next/cache";
import { currentPrincipal } from "@/lib/auth/current";
import { ConflictError, MESSAGES } from "@/lib/errors";
import { publishWindow, setAvailability } from "@/lib/modules/parking/services/availability";
import { cancelReservation, reserve } from "@/lib/modules/parking/services/reservations";
import { createSpot, deleteSpot, updateSpot } from "@/lib/modules/parking/services/spots";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";
import {
  RESERVE_FIELDS,
  SPOT_FIELDS,
  TOGGLE_FIELDS,
  WINDOW_FIELDS,
  type ReserveState,
  type SpotField,
  type ToggleField,
  type WindowField,
} from "@/lib/modules/parking/schemas";

/**
 * The parking pages' server actions: thin adapters over the parking services,
 * which validate and authorize. Times arrive as ISO instants with the browser's
 * offset (the forms convert their `datetime-local` values before submitting).
 */

const signedOut = { status: "error", message: `${MESSAGES.notAuthenticated} Sign in again.` } as const;

function spotInput(formData: FormData) {
  return {
    label: formText(formData, "label"),
    zone: formText(formData, "zone"),
    description: formText(formData, "description"),
    kind: formText(formData, "kind"),
  };
}

export async function createSpotAction(_previous: FormState<SpotField>, formData: FormData): Promise<FormState<SpotField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const input = spotInput(formData);
  try {
    const spot = await createSpot(principal, input);
    refresh();
    return { status: "success", message: `Registered ${spot.label} in ${spot.zone}. Publish a window to offer it.` };
  } catch (error) {
    return formFailure(error, SPOT_FIELDS, input);
  }
}

export async function updateSpotAction(_previous: FormState<SpotField>, formData: FormData): Promise<FormState<SpotField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const input = spotInput(formData);
  try {
    const spot = await updateSpot(principal, formText(formData, "spotId"), input);
    refresh();
    return { status: "success", message: `Saved ${spot.label}.`, values: input };
  } catch (error) {
    return formFailure(error, SPOT_FIELDS, input);
  }
}

export async function deleteSpotAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await deleteSpot(principal, formText(formData, "spotId"));
  } catch (error) {
    return formFailure(error, []);
  }
  refresh();
  return { status: "success", message: "Spot deleted." };
}

export async function publishWindowAction(_previous: FormState<WindowField>, formData: FormData): Promise<FormState<WindowField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    await publishWindow(principal, formText(formData, "spotId"), { from: formText(formData, "from"), to: formText(formData, "to") });
  } catch (error) {
    return formFailure(error, WINDOW_FIELDS);
  }
  refresh();
  return { status: "success", message: "Window published: others can reserve your spot in it now." };
}

export async function setAvailabilityAction(_previous: FormState<ToggleField>, formData: FormData): Promise<FormState<ToggleField>> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const available = formText(formData, "available") === "true";
  try {
    await setAvailability(principal, formText(formData, "spotId"), available ? { available, until: formText(formData, "until") } : { available });
  } catch (error) {
    return formFailure(error, TOGGLE_FIELDS);
  }
  refresh();
  return { status: "success", message: available ? "Your spot is free now." : "Your spot is no longer offered." };
}

function creditShortfall(error: unknown): ReserveState["credits"] {
  if (!(error instanceof ConflictError)) return undefined;
  const { balance, cost } = error.extra;
  return typeof balance === "number" && typeof cost === "number" ? { balance, cost } : undefined;
}

export async function reserveAction(_previous: ReserveState, formData: FormData): Promise<ReserveState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  const input = { spotId: formText(formData, "spotId"), startsAt: formText(formData, "startsAt"), endsAt: formText(formData, "endsAt") };
  try {
    const reservation = await reserve(principal, input);
    refresh();
    return {
      status: "success",
      message: `Reserved ${reservation.spot.label}. ${reservation.cost} credits are held until it starts.`,
      reservation: { id: reservation.id, startsAt: reservation.startsAt, endsAt: reservation.endsAt, cost: reservation.cost },
    };
  } catch (error) {
    const failure: ReserveState = formFailure(error, RESERVE_FIELDS);
    const credits = creditShortfall(error);
    return credits ? { ...failure, credits } : failure;
  }
}

export async function cancelReservationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const principal = await currentPrincipal();
  if (!principal) return signedOut;
  try {
    const reservation = await cancelReservation(principal, formText(formData, "reservationId"));
    refresh();
    return { status: "success", message: `Cancelled; ${reservation.cost} credits refunded to ${reservation.reserver.name}.` };
  } catch (error) {
    return formFailure(error, []);
  }
}
