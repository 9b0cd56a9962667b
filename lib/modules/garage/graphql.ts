import { nullIfNotFound, withoutNulls, type GraphQLParts } from "../../graphql/builder";
import { cancelBooking, createBooking, getBooking, listBookedServices, listBookings, listMyBookings } from "./services/bookings";
import { answerQuery, listQueries, openQuery } from "./services/queries";
import { listFreeSlots } from "./services/slots";
import type { BookedServiceView, BookingStatusChangeView, BookingView, GarageSlotView, SupportQueryView } from "./views";
import { BOOKING_STATUSES, SUPPORT_QUERY_STATUSES } from "./vocabulary";

/**
 * The garage's part of the GraphQL API: the same services as the REST routes, so the
 * same scopes, "(own)" rules, messages and fields.
 */
export function garageGraphQL(parts: GraphQLParts): void {
  catalogueGraphQL(parts);
  customerGraphQL(parts);
  bookingGraphQL(parts);
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
function catalogueGraphQL(_parts: GraphQLParts): void {}



// ── customers: cars, addresses, cart, favourites ──
function customerGraphQL(_parts: GraphQLParts): void {}



// ── bookings, slots and support queries ──
const BOOKING_SORT_VALUES = { SLOT: { value: "slot" }, SLOT_DESC: { value: "-slot" } } as const;

function bookingGraphQL({ builder }: GraphQLParts): void {
  const BookingStatusEnum = builder.enumType("BookingStatus", { values: BOOKING_STATUSES });
  const SupportQueryStatusEnum = builder.enumType("SupportQueryStatus", { values: SUPPORT_QUERY_STATUSES });
  const BookingSortEnum = builder.enumType("BookingSort", { values: BOOKING_SORT_VALUES });

  const GarageSlotRef = builder.objectRef<GarageSlotView>("GarageSlot").implement({
    description: "A free drop-off slot.",
    fields: (t) => ({ start: t.exposeString("start"), end: t.exposeString("end"), freeBays: t.exposeInt("freeBays") }),
  });

  const BookedServiceRef = builder.objectRef<BookedServiceView>("BookedService").implement({
    description: "A service as booked, with its price, GST and labour snapshots (minor units).",
    fields: (t) => ({
      id: t.exposeID("id"),
      serviceId: t.exposeString("serviceId", { nullable: true }),
      serviceName: t.exposeString("serviceName"),
      labourMinutes: t.exposeInt("labourMinutes"),
      priceMinor: t.exposeInt("priceMinor"),
      priceSource: t.exposeString("priceSource"),
      gstCode: t.exposeString("gstCode"),
      gstBasisPoints: t.exposeInt("gstBasisPoints"),
      taxMinor: t.exposeInt("taxMinor"),
      currency: t.exposeString("currency"),
    }),
  });

  const BookingHistoryEntryRef = builder.objectRef<BookingStatusChangeView>("BookingHistoryEntry").implement({
    fields: (t) => ({
      fromStatus: t.field({ type: BookingStatusEnum, nullable: true, resolve: (entry) => entry.fromStatus }),
      toStatus: t.field({ type: BookingStatusEnum, resolve: (entry) => entry.toStatus }),
      actorName: t.exposeString("actorName"),
      note: t.exposeString("note", { nullable: true }),
      at: t.exposeString("at"),
    }),
  });

  const BookingRef = builder.objectRef<BookingView>("Booking").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      customerId: t.exposeString("customerId", { nullable: true }),
      carId: t.exposeString("carId", { nullable: true }),
      carPlate: t.exposeString("carPlate"),
      carDescription: t.exposeString("carDescription"),
      slotStart: t.exposeString("slotStart"),
      slotEnd: t.exposeString("slotEnd"),
      bay: t.exposeInt("bay"),
      labourMinutes: t.exposeInt("labourMinutes"),
      pickupAddressId: t.exposeString("pickupAddressId", { nullable: true }),
      pickupText: t.exposeString("pickupText", { nullable: true }),
      status: t.field({ type: BookingStatusEnum, resolve: (booking) => booking.status }),
      notes: t.exposeString("notes"),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      currency: t.exposeString("currency"),
      cancelledAt: t.exposeString("cancelledAt", { nullable: true }),
      cancelReason: t.exposeString("cancelReason", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
      services: t.field({
        type: [BookedServiceRef],
        description: "The booked lines (READ:BOOKED_SERVICES).",
        resolve: (booking, _args, context) => listBookedServices(context.principal, booking.id),
      }),
      history: t.field({
        type: [BookingHistoryEntryRef],
        resolve: async (booking, _args, context) => (await getBooking(context.principal, booking.id)).history,
      }),
    }),
  });

  const SupportQueryRef = builder.objectRef<SupportQueryView>("SupportQuery").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      customerId: t.exposeString("customerId"),
      bookingId: t.exposeString("bookingId", { nullable: true }),
      subject: t.exposeString("subject"),
      message: t.exposeString("message"),
      status: t.field({ type: SupportQueryStatusEnum, resolve: (query) => query.status }),
      answer: t.exposeString("answer", { nullable: true }),
      answeredById: t.exposeString("answeredById", { nullable: true }),
      answeredAt: t.exposeString("answeredAt", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  builder.queryFields((t) => ({
    garageSlots: t.field({
      type: [GarageSlotRef],
      description: "The free drop-off slots of a day for `minutes` of labour (GET /api/v1/garage/slots).",
      args: { date: t.arg.string({ required: true, description: "YYYY-MM-DD" }), minutes: t.arg.int({ required: true }) },
      resolve: (_root, args, context) => listFreeSlots(context.principal, { date: args.date, minutes: args.minutes }),
    }),
    bookings: t.field({
      type: [BookingRef],
      description: "Customers: their own bookings. Staff: every booking, filtered.",
      args: {
        status: t.arg({ type: BookingStatusEnum }),
        date: t.arg.string({ description: "Shop day YYYY-MM-DD" }),
        customerId: t.arg.string(),
        sort: t.arg({ type: BookingSortEnum }),
        limit: t.arg.int(),
        offset: t.arg.int(),
      },
      resolve: async (_root, args, context) => (await listBookings(context.principal, withoutNulls(args))).items,
    }),
    booking: t.field({
      type: BookingRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getBooking(context.principal, String(args.id))),
    }),
    myBookings: t.field({
      type: [BookingRef],
      description: "The caller's own bookings, newest slot first (GET /api/v1/bookings/customer).",
      args: { limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listMyBookings(context.principal, withoutNulls(args))).items,
    }),
    queries: t.field({
      type: [SupportQueryRef],
      description: "Support queries: customers their own, staff all.",
      args: { status: t.arg({ type: SupportQueryStatusEnum }), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listQueries(context.principal, withoutNulls(args))).items,
    }),
  }));

  builder.mutationFields((t) => ({
    createBooking: t.field({
      type: BookingRef,
      description: "Book a drop-off slot: either serviceIds or fromCart. A full slot is an error listing the next free slots in its extensions.",
      args: {
        carId: t.arg.id({ required: true }),
        slotStart: t.arg.string({ required: true, description: "ISO 8601 instant" }),
        serviceIds: t.arg.idList(),
        fromCart: t.arg.boolean(),
        pickupAddressId: t.arg.id(),
        notes: t.arg.string(),
        customerId: t.arg.string({ description: "Staff only: the customer booked for" }),
      },
      resolve: (_root, args, context) => {
        const { serviceIds, ...rest } = withoutNulls(args);
        return createBooking(context.principal, { ...rest, ...(serviceIds ? { serviceIds: serviceIds.map(String) } : {}) });
      },
    }),
    cancelBooking: t.field({
      type: BookingRef,
      args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
      resolve: (_root, args, context) => cancelBooking(context.principal, String(args.id), withoutNulls({ reason: args.reason })),
    }),
    openQuery: t.field({
      type: SupportQueryRef,
      args: { subject: t.arg.string({ required: true }), message: t.arg.string({ required: true }), bookingId: t.arg.id(), customerId: t.arg.string() },
      resolve: (_root, args, context) => openQuery(context.principal, withoutNulls(args)),
    }),
    answerQuery: t.field({
      type: SupportQueryRef,
      args: { id: t.arg.id({ required: true }), answer: t.arg.string(), status: t.arg({ type: SupportQueryStatusEnum }) },
      resolve: (_root, args, context) => {
        const { id, ...changes } = withoutNulls(args);
        return answerQuery(context.principal, String(id), changes);
      },
    }),
  }));
}
