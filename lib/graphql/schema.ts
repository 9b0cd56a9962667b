import SchemaBuilder from "@pothos/core";
import type { Principal } from "../auth/principal";
import { NotFoundError } from "../errors";
import { getCredits } from "../modules/parking/services/credits";
import { publishWindow, setAvailability } from "../modules/parking/services/availability";
import { cancelReservation, listReservations, reserve } from "../modules/parking/services/reservations";
import { createSpot, getSpot, listOwnSpots, listSpots } from "../modules/parking/services/spots";
import type { ReservationTimes, ReservationView, SpotView, WindowView } from "../modules/parking/views";

export interface GraphQLContext {
  principal: Principal;
}

/**
 * The parking GraphQL API: the same services as the REST routes, so the same
 * rules and authorization. Every field reads from the service's views, which
 * load related data (owner, windows, next reservation) in a fixed number of
 * queries — no per-item round trips.
 */
const builder = new SchemaBuilder<{ Context: GraphQLContext }>({});

const SpotKindEnum = builder.enumType("SpotKind", { values: ["STANDARD", "COMPACT", "EV_CHARGER", "ACCESSIBLE", "MOTORBIKE"] as const });
const ReservationStatusEnum = builder.enumType("ReservationStatus", { values: ["CONFIRMED", "ACTIVE", "COMPLETED", "CANCELLED"] as const });

const PersonRef = builder.objectRef<{ id: string; name: string }>("Person").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

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
    owner: t.field({ type: PersonRef, resolve: (spot) => spot.owner }),
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
    reserver: t.field({ type: PersonRef, resolve: (reservation) => reservation.reserver }),
    owner: t.field({ type: PersonRef, resolve: (reservation) => reservation.owner }),
    startsAt: t.exposeString("startsAt"),
    endsAt: t.exposeString("endsAt"),
    status: t.field({ type: ReservationStatusEnum, resolve: (reservation) => reservation.status }),
    cost: t.exposeInt("cost"),
    createdAt: t.exposeString("createdAt"),
  }),
});

interface Me {
  principal: Principal;
}
const MeRef = builder.objectRef<Me>("Me").implement({
  fields: (t) => ({
    id: t.id({ resolve: (me) => me.principal.userId }),
    name: t.string({ resolve: (me) => me.principal.name }),
    role: t.string({ resolve: (me) => me.principal.role }),
    credits: t.int({ resolve: async (me) => (await getCredits(me.principal, { limit: 1 })).balance }),
    escrow: t.int({ resolve: async (me) => (await getCredits(me.principal, { limit: 1 })).escrow }),
    reservations: t.field({
      type: [ReservationRef],
      args: { status: t.arg({ type: ReservationStatusEnum }) },
      resolve: async (me, args) =>
        (await listReservations(me.principal, { role: "reserver", ...(args.status ? { status: args.status } : {}) })).reservations,
    }),
    spots: t.field({
      type: [SpotRef],
      resolve: (me) => listOwnSpots(me.principal),
    }),
  }),
});

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

/** GraphQL nulls mean "not given"; the services' schemas expect absent keys. */
function withoutNulls<T extends Record<string, unknown>>(input: T | null | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}

builder.queryType({
  fields: (t) => ({
    spots: t.field({
      type: [SpotRef],
      args: { filter: t.arg({ type: SpotFilterInput }) },
      resolve: async (_root, args, context) => (await listSpots(context.principal, withoutNulls(args.filter))).spots,
    }),
    spot: t.field({
      type: SpotRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        try {
          return await getSpot(context.principal, String(args.id));
        } catch (error) {
          if (error instanceof NotFoundError) return null;
          throw error;
        }
      },
    }),
    me: t.field({ type: MeRef, resolve: (_root, _args, context) => ({ principal: context.principal }) }),
  }),
});

builder.mutationType({
  fields: (t) => ({
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
  }),
});

export const schema = builder.toSchema();
