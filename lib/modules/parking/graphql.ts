import type { LoggedEvent } from "../../events/types";
import { nullIfNotFound, withoutNulls, type GraphQLParts } from "../../graphql/builder";
import { liveEvents } from "../../graphql/live";
import { getCredits } from "./services/credits";
import { publishWindow, setAvailability } from "./services/availability";
import { cancelReservation, listReservations, reserve } from "./services/reservations";
import { createSpot, getSpot, listOwnSpots, listSpots } from "./services/spots";
import type { ReservationTimes, ReservationView, SpotView, WindowView } from "./views";
import { RESERVATION_STATUSES, SPOT_KINDS } from "./vocabulary";

/**
 * Parking's part of the GraphQL API: the same services as the REST routes, so the
 * same rules and authorization. Every field reads from the service's views, which
 * load related data (owner, windows, next reservation) in a fixed number of
 * queries — no per-item round trips.
 */
export function parkingGraphQL({ builder, Me, Person }: GraphQLParts): void {
  const SpotKindEnum = builder.enumType("SpotKind", { values: SPOT_KINDS });
  const ReservationStatusEnum = builder.enumType("ReservationStatus", { values: RESERVATION_STATUSES });

  const WindowRef = builder.objectRef<WindowView>("AvailabilityWindow").implement({
    fields: (t) => ({ id: t.exposeID("id"), startsAt: t.exposeString("startsAt"), endsAt: t.exposeString("endsAt") }),
  });

  const ReservationTimesRef = builder.objectRef<ReservationTimes>("ReservationTimes").implement({
    fields: (t) => ({
      startsAt: t.exposeString("startsAt"),
      endsAt: t.exposeString("endsAt"),
      status: t.field({ type: ReservationStatusEnum, resolve: (times) => times.status }),
    }),
  });

  const SpotRef = builder.objectRef<SpotView>("Spot").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      label: t.exposeString("label"),
      zone: t.exposeString("zone"),
      description: t.exposeString("description"),
      kind: t.field({ type: SpotKindEnum, resolve: (spot) => spot.kind }),
      owner: t.field({ type: Person, resolve: (spot) => spot.owner }),
      availableNow: t.exposeBoolean("availableNow"),
      availability: t.field({ type: [WindowRef], resolve: (spot) => spot.availability }),
      nextReservation: t.field({ type: ReservationTimesRef, nullable: true, resolve: (spot) => spot.nextReservation }),
      createdAt: t.exposeString("createdAt"),
    }),
  });

  const SpotSummaryRef = builder.objectRef<ReservationView["spot"]>("SpotSummary").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      label: t.exposeString("label"),
      zone: t.exposeString("zone"),
      kind: t.field({ type: SpotKindEnum, resolve: (spot) => spot.kind }),
    }),
  });

  const ReservationRef = builder.objectRef<ReservationView>("Reservation").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      spot: t.field({ type: SpotSummaryRef, resolve: (reservation) => reservation.spot }),
      reserver: t.field({ type: Person, resolve: (reservation) => reservation.reserver }),
      owner: t.field({ type: Person, resolve: (reservation) => reservation.owner }),
      startsAt: t.exposeString("startsAt"),
      endsAt: t.exposeString("endsAt"),
      status: t.field({ type: ReservationStatusEnum, resolve: (reservation) => reservation.status }),
      cost: t.exposeInt("cost"),
      createdAt: t.exposeString("createdAt"),
    }),
  });

  builder.objectFields(Me, (t) => ({
      credits: t.int({ resolve: async (me) => (await getCredits(me.principal, { limit: 1 })).balance }),
      escrow: t.int({ resolve: async (me) => (await getCredits(me.principal, { limit: 1 })).escrow }),
      reservations: t.field({
        type: [ReservationRef],
        args: { status: t.arg({ type: ReservationStatusEnum }) },
        resolve: async (me, args) =>
          (await listReservations(me.principal, { role: "reserver", ...(args.status ? { status: args.status } : {}) })).items,
      }),
      spots: t.field({
        type: [SpotRef],
        resolve: (me) => listOwnSpots(me.principal),
      }),
  }));

  const SpotFilterInput = builder.inputType("SpotFilter", {
    fields: (t) => ({
      availableNow: t.boolean(),
      availableFrom: t.string({ description: "ISO 8601 instant; with availableTo" }),
      availableTo: t.string(),
      zone: t.string(),
      kind: t.field({ type: SpotKindEnum }),
      ownerId: t.string(),
      limit: t.int(),
      offset: t.int(),
    }),
  });

  const SpotInput = builder.inputType("SpotInput", {
    fields: (t) => ({
      label: t.string({ required: true }),
      zone: t.string({ required: true }),
      description: t.string(),
      kind: t.field({ type: SpotKindEnum }),
    }),
  });

  builder.queryFields((t) => ({
      spots: t.field({
        type: [SpotRef],
        args: { filter: t.arg({ type: SpotFilterInput }) },
        resolve: async (_root, args, context) => (await listSpots(context.principal, withoutNulls(args.filter))).items,
      }),
      spot: t.field({
        type: SpotRef,
        nullable: true,
        args: { id: t.arg.id({ required: true }) },
        resolve: (_root, args, context) => nullIfNotFound(() => getSpot(context.principal, String(args.id))),
      }),
  }));

  builder.mutationFields((t) => ({
      createSpot: t.field({
        type: SpotRef,
        args: { input: t.arg({ type: SpotInput, required: true }) },
        resolve: (_root, args, context) => createSpot(context.principal, withoutNulls(args.input)),
      }),
      publishAvailability: t.field({
        type: SpotRef,
        args: { spotId: t.arg.id({ required: true }), from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
        resolve: (_root, args, context) => publishWindow(context.principal, String(args.spotId), { from: args.from, to: args.to }),
      }),
      setAvailability: t.field({
        type: SpotRef,
        args: { spotId: t.arg.id({ required: true }), available: t.arg.boolean({ required: true }), until: t.arg.string() },
        resolve: (_root, args, context) =>
          setAvailability(context.principal, String(args.spotId), withoutNulls({ available: args.available, until: args.until })),
      }),
      reserve: t.field({
        type: ReservationRef,
        args: { spotId: t.arg.id({ required: true }), startsAt: t.arg.string({ required: true }), endsAt: t.arg.string({ required: true }) },
        resolve: (_root, args, context) =>
          reserve(context.principal, { spotId: String(args.spotId), startsAt: args.startsAt, endsAt: args.endsAt }),
      }),
      cancelReservation: t.field({
        type: ReservationRef,
        args: { id: t.arg.id({ required: true }) },
        resolve: (_root, args, context) => cancelReservation(context.principal, String(args.id)),
      }),
  }));
  const SpotUpdateRef = builder.objectRef<{ type: string; spot: SpotView }>("SpotUpdate").implement({
    fields: (t) => ({
      type: t.exposeString("type", { description: "What happened to the spot (e.g. spot.opened, spot.closed, spot.deleted)" }),
      spot: t.field({ type: SpotRef, resolve: (update) => update.spot }),
    }),
  });

  builder.subscriptionFields((t) => ({
    parkingBoard: t.field({
      type: SpotUpdateRef,
      description: "Every spot's new state as it changes (the live board), over Server-Sent Events.",
      subscribe: (_root, _args, context) => liveEvents(context, "parking_events", "READ:SPOTS"),
      resolve: (event: LoggedEvent) => ({ type: event.type, spot: event.payload as SpotView }),
    }),
  }));
}
